package org.commentguard.scoring.profanity.tools;

import org.commentguard.scoring.SiteScoringData;
import org.commentguard.scoring.profanity.ProfanityScorer;
import org.commentguard.scoring.text.TextNormalizer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;

/**
 * Commentguard's profanity stage side by side with npm filters ({@code src/bench/npm-profanity/run.sh}): builds one
 * labelled input file from repository data, and measures the stage on it the way {@code compare.mjs} measures the
 * npm packages, so all of them see the same texts. Not a test: timings depend on the machine.
 *
 * <p>Usage: {@code ProfanityComparison build <out.tsv>}, then {@code ProfanityComparison measure <in.tsv> <seconds>}
 * (prints one JSON line). The input file has one {@code category \t label \t text} line per comment (label 1 =
 * profane, 0 = clean; text escapes backslash, tab, CR and LF as {@code \\ \t \r \n}). Categories:
 * <ul>
 *   <li>{@code obscene-comments} (1): every Jigsaw and Civil Comments (toxic spans) comment of
 *       {@code models/toxicity/data/corpus.tsv.gz} whose annotators marked it obscene.</li>
 *   <li>{@code disguised} (1): every seventh line of {@code models/profanity/data/eval/disguised.tsv}: lexicon terms
 *       in leet, masks, spacing, repeats, homoglyphs, case and zero-width characters. Generated from Commentguard's
 *       own lexicon, so it favours Commentguard; report it apart.</li>
 *   <li>{@code clean-comments} (0): every Civil Comments and Jigsaw comment of that corpus annotated not toxic on
 *       any attribute (news and Wikipedia talk comments; a few hold mild words such as "damn" that the annotators
 *       did not mind).</li>
 *   <li>{@code scunthorpe-words} (0): {@code clean-words.txt}, dictionary words that contain a profane term
 *       ("class", "assassin", "cocktail"), each in the sentence {@code "well <word> then"}. Half of them were
 *       looked at while tuning Commentguard's allow-list.</li>
 *   <li>{@code scunthorpe-names} (0): the sentences in {@link #NAMES}: places, people and words that contain a
 *       profane string, written for this comparison.</li>
 * </ul>
 */
public final class ProfanityComparison {

    /** Clean sentences around names and words that contain a profane string (the Scunthorpe problem). */
    static final List<String> NAMES = List.of(
            "I grew up in Scunthorpe and still support the local club.",
            "Penistone has a lovely Thursday market.",
            "We read Dickens at school and I still love Great Expectations.",
            "The assassin in the film was not convincing at all.",
            "The pilot showed the children the cockpit after landing.",
            "Essex and Middlesex both raised council tax this year.",
            "Sussex police closed the coast road after the storm.",
            "My therapist says I should walk to work more often.",
            "Grapefruit and shiitake mushrooms were on offer at the market.",
            "Matsushita built a new factory near the river.",
            "Cockburn Street was closed for repairs all week.",
            "Matt Hancock spoke in parliament yesterday.",
            "We need a proper analysis of the budget before the vote.",
            "The report was classified until last month.",
            "Lake Titicaca is the largest lake in South America.",
            "A new cocktail bar opened on the high street.",
            "Arsenal won again on Saturday, a great passing game.",
            "The hotel we stayed at in Clitheroe was excellent.",
            "Benedict Cumberbatch was brilliant as Sherlock.",
            "The Wankel engine never caught on in family cars.",
            "Cumulative rainfall this month broke the record.",
            "The Hitchcock season at the cinema starts in June.",
            "They sang a sextet from the opera at the concert.",
            "The butterscotch pudding at the cafe is worth the trip.",
            "The new buttress saved the old church wall.",
            "The raccoon got into the bins again last night.",
            "She kept a scrapbook of every match the club played.",
            "The shuttlecock landed just inside the line.",
            "Horsham and Cumbria both voted against the plan.",
            "Please pass the cucumber and the peas.",
            "Our class assessment is due on Monday.",
            "The bassist of the band grew up on our street.",
            "The document mentions the Sextant Avenue roadworks.",
            "We visited the Hoover Dam and Phuket on the same trip.",
            "We read Moby Dick in class this term.");

    private ProfanityComparison() {}

    public static void main(String[] args) throws IOException {
        if (args.length == 2 && args[0].equals("build")) {
            build(Path.of(args[1]));
        } else if (args.length == 3 && args[0].equals("measure")) {
            measure(Path.of(args[1]), Double.parseDouble(args[2]));
        } else {
            System.err.println("usage: ProfanityComparison build <out.tsv> | measure <in.tsv> <seconds>");
            System.exit(2);
        }
    }

    record Input(String category, boolean profane, String text) {}

    static void build(Path out) throws IOException {
        List<Input> inputs = new ArrayList<>();
        try (BufferedReader corpus = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(Path.of("models/toxicity/data/corpus.tsv.gz"))),
                StandardCharsets.UTF_8))) {
            corpus.readLine();
            for (String line; (line = corpus.readLine()) != null; ) {
                // source, id, split, group, toxicity, severe_toxicity, obscene, threat, insult, identity_attack, text
                String[] f = line.split("\t", -1);
                if (!f[0].equals("jigsaw") && !f[0].equals("toxic-spans")) {
                    continue;
                }
                String text = unescape(f[10]);
                if (f[6].equals("1")) {
                    inputs.add(new Input("obscene-comments", true, text));
                } else if (f[4].equals("0")
                        && f[5].equals("0")
                        && f[6].equals("0")
                        && f[7].equals("0")
                        && f[8].equals("0")
                        && f[9].equals("0")) {
                    inputs.add(new Input("clean-comments", false, text));
                }
            }
        }
        Path eval = Path.of("models/profanity/data/eval");
        List<String> disguised = Files.readAllLines(eval.resolve("disguised.tsv"), StandardCharsets.UTF_8);
        for (int i = 1; i < disguised.size(); i += 7) {
            inputs.add(new Input("disguised", true, disguised.get(i).split("\t", -1)[2]));
        }
        for (String word : Files.readAllLines(eval.resolve("clean-words.txt"), StandardCharsets.UTF_8)) {
            if (!word.isBlank() && !word.startsWith("#")) {
                inputs.add(new Input("scunthorpe-words", false, "well " + word.strip() + " then"));
            }
        }
        NAMES.forEach(s -> inputs.add(new Input("scunthorpe-names", false, s)));
        StringBuilder tsv = new StringBuilder();
        for (Input in : inputs) {
            tsv.append(in.category())
                    .append('\t')
                    .append(in.profane() ? 1 : 0)
                    .append('\t')
                    .append(escape(in.text()))
                    .append('\n');
        }
        Files.writeString(out, tsv, StandardCharsets.UTF_8);
        Map<String, Integer> counts = new TreeMap<>();
        inputs.forEach(in -> counts.merge(in.category(), 1, Integer::sum));
        System.err.println("wrote " + inputs.size() + " inputs to " + out + ": " + counts);
    }

    static List<Input> read(Path file) throws IOException {
        List<Input> inputs = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String[] f = line.split("\t", 3);
            inputs.add(new Input(f[0], f[1].equals("1"), unescape(f[2])));
        }
        return inputs;
    }

    /**
     * Flags each input once (any profanity span counts), then times single-threaded passes over all inputs after
     * a warm-up of a third of {@code seconds}, and prints one JSON line in {@code compare.mjs}'s format.
     */
    static void measure(Path file, double seconds) throws IOException {
        List<Input> inputs = read(file);
        ProfanityScorer scorer = ProfanityScorer.shipped();
        Map<String, int[]> categories = new TreeMap<>();
        for (Input in : inputs) {
            int[] c = categories.computeIfAbsent(in.category(), k -> new int[2]);
            c[0] += flags(scorer, in.text()) ? 1 : 0;
            c[1]++;
        }
        long sink = 0;
        long warmEnd = System.nanoTime() + (long) (seconds / 3 * 1e9);
        for (int i = 0; System.nanoTime() < warmEnd; i++) {
            sink += flags(scorer, inputs.get(i % inputs.size()).text()) ? 1 : 0;
        }
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long cpu0 = mx.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        long end = t0 + (long) (seconds * 1e9);
        long n = 0;
        // Whole passes, so every library's figure is over the same mix of short and long texts.
        while (System.nanoTime() < end || n == 0) {
            for (Input in : inputs) {
                sink += flags(scorer, in.text()) ? 1 : 0;
            }
            n += inputs.size();
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        double cpu = (mx.getCurrentThreadCpuTime() - cpu0) / 1e9;
        StringBuilder json = new StringBuilder();
        json.append(String.format(
                Locale.ROOT,
                "{\"filter\":\"Commentguard %s\",\"config\":\"shipped lexicon, "
                        + "TextNormalizer + ProfanityScorer, any span\",\"comments\":%d,\"wallSeconds\":%.3f,"
                        + "\"cpuSeconds\":%.3f,\"perSecond\":%.1f,\"perCpuSecond\":%.1f,\"checksum\":%d,"
                        + "\"categories\":{",
                scorer.model(),
                n,
                wall,
                cpu,
                n / wall,
                n / cpu,
                sink));
        String sep = "";
        for (Map.Entry<String, int[]> c : categories.entrySet()) {
            json.append(sep)
                    .append('"')
                    .append(c.getKey())
                    .append("\":[")
                    .append(c.getValue()[0])
                    .append(',')
                    .append(c.getValue()[1])
                    .append(']');
            sep = ",";
        }
        System.out.println(json.append("}}"));
    }

    private static boolean flags(ProfanityScorer scorer, String text) {
        return !scorer.score(TextNormalizer.normalize(text), SiteScoringData.NONE)
                .spans()
                .isEmpty();
    }

    static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\r", "\\r").replace("\n", "\\n");
    }

    static String unescape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char e = s.charAt(++i);
                out.append(
                        switch (e) {
                            case 't' -> '\t';
                            case 'r' -> '\r';
                            case 'n' -> '\n';
                            default -> e;
                        });
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
