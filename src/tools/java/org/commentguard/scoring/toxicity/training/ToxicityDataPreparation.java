package org.commentguard.scoring.toxicity.training;

import org.commentguard.scoring.toxicity.ToxicityAttribute;
import org.commentguard.scoring.toxicity.training.ToxicityCorpus.Example;
import org.commentguard.tools.Csv;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.commentguard.scoring.toxicity.training.ToxicityCorpus.UNKNOWN;

/**
 * Builds {@code models/toxicity/data/corpus.tsv.gz} from the licensed shared data sets (CC0, MIT, Apache-2.0
 * only), mapping each source's labels onto the six attributes and assigning every row to a split with a fixed
 * seed. Run once; the trainer and the evaluation then work from the repository copy alone.
 *
 * <p>Usage: {@code ToxicityDataPreparation [sharedDataDir] [outFile]}, defaults {@code ../shared/data} and
 * {@link ToxicityCorpus#DEFAULT_FILE}. The label mapping is documented in {@code models/toxicity/data/DATA_CARD.md}.
 */
public final class ToxicityDataPreparation {

    /** Changing the seed reshuffles every split; the card's metrics are tied to this value. */
    static final String SEED = "commentguard-toxicity-v1";

    private static final int N = ToxicityAttribute.values().length;
    private static final int TOX = ToxicityAttribute.TOXICITY.ordinal();
    private static final int SEVERE = ToxicityAttribute.SEVERE_TOXICITY.ordinal();
    private static final int OBSCENE = ToxicityAttribute.OBSCENE.ordinal();
    private static final int THREAT = ToxicityAttribute.THREAT.ordinal();
    private static final int INSULT = ToxicityAttribute.INSULT.ordinal();
    private static final int IDENTITY = ToxicityAttribute.IDENTITY_ATTACK.ordinal();

    /** Identity terms of the madlibs templates (the list the identity-term monitor watches too). */
    static final List<String> IDENTITY_TERMS = org.commentguard.scoring.IdentityTerms.ALL;

    private ToxicityDataPreparation() {}

    public static void main(String[] args) throws IOException {
        Path shared = Path.of(args.length > 0 ? args[0] : "../shared/data");
        Path out = args.length > 1 ? Path.of(args[1]) : ToxicityCorpus.DEFAULT_FILE;
        List<Example> all = new ArrayList<>();
        all.addAll(jigsaw(shared.resolve("jigsaw-toxic-2018-train/train.csv")));
        all.addAll(davidson(shared.resolve("davidson-hate-offensive/data_labeled_data.csv")));
        all.addAll(toxicSpans(shared.resolve("toxic-spans-civil-comments")));
        all.addAll(cat(shared.resolve("context-toxicity-cat")));
        all.addAll(madlibs(shared.resolve("identity-bias-madlibs/bias_madlibs_77k.csv")));
        // Duplicate texts across or within sources would leak between splits: keep the first occurrence only.
        Set<String> seen = new HashSet<>();
        List<Example> unique = new ArrayList<>();
        for (Example e : all) {
            String key = e.text().strip().toLowerCase(Locale.ROOT);
            if (!key.isEmpty() && seen.add(key)) {
                unique.add(e);
            }
        }
        ToxicityCorpus.write(out, unique);
        Map<String, int[]> stats = new LinkedHashMap<>();
        for (Example e : unique) {
            int[] s = stats.computeIfAbsent(e.source() + "/" + e.split(), k -> new int[2]);
            s[0]++;
            s[1] += e.label(ToxicityAttribute.TOXICITY) == 1 ? 1 : 0;
        }
        stats.forEach((k, v) -> System.out.printf(Locale.ROOT, "%-28s rows=%6d toxic=%6d%n", k, v[0], v[1]));
        System.out.println("wrote " + unique.size() + " rows to " + out);
    }

    private static List<Example> jigsaw(Path file) throws IOException {
        List<Example> out = new ArrayList<>();
        for (Map<String, String> r : Csv.read(file, ',').records()) {
            int[] l = new int[N];
            l[TOX] = bit(r.get("toxic"));
            l[SEVERE] = bit(r.get("severe_toxic"));
            l[OBSCENE] = bit(r.get("obscene"));
            l[THREAT] = bit(r.get("threat"));
            l[INSULT] = bit(r.get("insult"));
            l[IDENTITY] = bit(r.get("identity_hate"));
            out.add(example("jigsaw", r.get("id"), "", l, r.get("comment_text")));
        }
        return out;
    }

    /**
     * Davidson et al.: hate speech → toxicity and identity_attack; offensive → toxicity only (annotators chose
     * "offensive" over "hate", so identity_attack 0); neither → all attributes 0. Obscenity, insults and threats
     * were not annotated, so they stay unknown for toxic tweets.
     */
    private static List<Example> davidson(Path file) throws IOException {
        List<Example> hate = new ArrayList<>();
        List<Example> offensive = new ArrayList<>();
        List<Example> neither = new ArrayList<>();
        for (Map<String, String> r : Csv.read(file, ',').records()) {
            String id = r.get("");
            String text = htmlEntities(r.get("tweet"));
            int[] l = unknown();
            switch (r.get("class")) {
                case "0" -> {
                    l[TOX] = 1;
                    l[IDENTITY] = 1;
                    hate.add(example("davidson", id, "", l, text));
                }
                case "1" -> {
                    l[TOX] = 1;
                    l[IDENTITY] = 0;
                    offensive.add(example("davidson", id, "", l, text));
                }
                default -> neither.add(example("davidson", id, "", new int[N], text));
            }
        }
        List<Example> out = new ArrayList<>(hate);
        // Offensive tweets are 77% of Davidson and very repetitive; a fixed-seed sample keeps the mix balanced.
        out.addAll(sample(offensive, 3000));
        out.addAll(neither);
        return out;
    }

    /**
     * Civil Comments toxic spans: a post is toxic when at least half of its annotators did not call it "not
     * toxic"; a sub-type (Insult, Threat, Identity based Attack, Profane/Obscene) is positive when at least half
     * of the annotators marked a span of that type. Severity was not annotated.
     */
    private static List<Example> toxicSpans(Path dir) throws IOException {
        Map<String, String> texts = new LinkedHashMap<>();
        for (Map<String, String> r :
                Csv.read(dir.resolve("data_comments.csv"), ',').records()) {
            texts.put(r.get("comment_id"), r.get("comment_text"));
        }
        Map<String, String> annotationToComment = new HashMap<>();
        Map<String, int[]> votes = new HashMap<>(); // [annotators, toxicVotes]
        for (Map<String, String> r :
                Csv.read(dir.resolve("data_annotations.csv"), ',').records()) {
            annotationToComment.put(r.get("annotation"), r.get("comment_id"));
            int[] v = votes.computeIfAbsent(r.get("comment_id"), k -> new int[2]);
            v[0]++;
            v[1] += "True".equals(r.get("not toxic")) ? 0 : 1;
        }
        Map<String, Map<Integer, Set<String>>> typeVotes = new HashMap<>();
        for (Map<String, String> r :
                Csv.read(dir.resolve("data_spans.csv"), ',').records()) {
            String comment = annotationToComment.get(r.get("annotation"));
            Integer attr = switch (r.get("type").strip()) {
                case "Insult", "Insu" -> INSULT;
                case "Threat" -> THREAT;
                case "Identity based Attack", "Identity based" -> IDENTITY;
                case "Profane/Obscene" -> OBSCENE;
                default -> null;
            };
            if (comment != null && attr != null) {
                typeVotes
                        .computeIfAbsent(comment, k -> new HashMap<>())
                        .computeIfAbsent(attr, k -> new HashSet<>())
                        .add(r.get("annotation"));
            }
        }
        List<Example> out = new ArrayList<>();
        for (Map.Entry<String, String> t : texts.entrySet()) {
            int[] v = votes.get(t.getKey());
            if (v == null || v[0] == 0) {
                continue;
            }
            int[] l = new int[N];
            l[TOX] = 2 * v[1] >= v[0] ? 1 : 0;
            if (l[TOX] == 1) {
                l[SEVERE] = UNKNOWN;
                Map<Integer, Set<String>> types = typeVotes.getOrDefault(t.getKey(), Map.of());
                for (int a : new int[] {INSULT, THREAT, IDENTITY, OBSCENE}) {
                    l[a] = 2 * types.getOrDefault(a, Set.of()).size() >= v[0] ? 1 : 0;
                }
            }
            out.add(example("toxic-spans", t.getKey(), "", l, t.getValue()));
        }
        return out;
    }

    /**
     * CAT (Wikipedia talk posts with parents): label 1 → toxicity 1, sub-types unknown; label 0 → all 0. The
     * out-of-context label is used where the file has one, because the scorer sees the comment alone.
     */
    private static List<Example> cat(Path dir) throws IOException {
        List<Example> out = new ArrayList<>();
        for (String name : List.of("CAT_LARGE_gn.csv", "CAT_LARGE_gc.csv")) {
            List<Example> clean = new ArrayList<>();
            for (Map<String, String> r : Csv.read(dir.resolve(name), ',').records()) {
                boolean toxic = "1".equals(r.get("label"));
                int[] l = toxic ? catToxic() : new int[N];
                Example e = example("cat", r.get("id"), "", l, r.get("text"));
                if (toxic) {
                    out.add(e);
                } else {
                    clean.add(e);
                }
            }
            // 98% of CAT is clean; a sample keeps the repository copy small without losing any toxic post.
            out.addAll(sample(clean, 3000));
        }
        int i = 0;
        for (Map<String, String> r :
                Csv.read(dir.resolve("CAT_SMALL_cat_small.csv"), ',').records()) {
            boolean toxic = "1".equals(r.get("label_oc"));
            out.add(example("cat", "small-" + i++, "", toxic ? catToxic() : new int[N], r.get("text")));
        }
        return out;
    }

    /**
     * Identity templates: the template with its identity term (and, for name templates, the name) removed is the
     * split key, so held-out sentences use adjectives and verbs never seen in training with any identity. 60% of
     * keys may be sampled for training (non-toxic → all 0, toxic → toxicity 1), the rest form the bias split.
     */
    private static List<Example> madlibs(Path file) throws IOException {
        List<Example> trainPool = new ArrayList<>();
        List<Example> held = new ArrayList<>();
        int i = 0;
        for (Map<String, String> r : Csv.read(file, ',').records()) {
            String text = r.get("Text");
            String lower = text.toLowerCase(Locale.ROOT);
            String term = identityTerm(lower);
            String key;
            if ("am_hate_adj".equals(r.get("Template"))) {
                key = lower;
            } else {
                key = term.isEmpty() ? lower : lower.replace(term, " ");
                if ("name_adj".equals(r.get("Template"))) {
                    key = key.substring(key.indexOf(' ') + 1);
                }
            }
            boolean toxic = "BAD".equals(r.get("Label"));
            int[] l = new int[N];
            if (toxic) {
                l = unknown();
                l[TOX] = 1;
            }
            Example e = new Example("madlibs", "m" + i++, "", term.isEmpty() ? "none" : term, l, text);
            if (unit("madlibs-key|" + key.strip()) < 0.6) {
                trainPool.add(e);
            } else {
                held.add(e);
            }
        }
        List<Example> out = new ArrayList<>();
        for (Example e : sample(trainPool, 5000)) {
            out.add(withSplit(e, ToxicityCorpus.TRAIN));
        }
        List<Example> clean = held.stream()
                .filter(e -> e.label(ToxicityAttribute.TOXICITY) == 0)
                .toList();
        List<Example> bad = held.stream()
                .filter(e -> e.label(ToxicityAttribute.TOXICITY) == 1)
                .toList();
        for (Example e : sample(clean, 8000)) {
            out.add(withSplit(e, ToxicityCorpus.BIAS));
        }
        for (Example e : sample(bad, 3000)) {
            out.add(withSplit(e, ToxicityCorpus.BIAS));
        }
        return out;
    }

    /** One whole-word pattern per identity term, in {@link #IDENTITY_TERMS} order. */
    private static final List<Pattern> IDENTITY_PATTERNS = IDENTITY_TERMS.stream()
            .map(t -> Pattern.compile("\\b" + Pattern.quote(t) + "\\b"))
            .toList();

    /** The first identity term (in {@link #IDENTITY_TERMS} order) a lower-cased text mentions, or "". */
    static String identityTerm(String lowerText) {
        for (int i = 0; i < IDENTITY_TERMS.size(); i++) {
            if (IDENTITY_PATTERNS.get(i).matcher(lowerText).find()) {
                return IDENTITY_TERMS.get(i);
            }
        }
        return "";
    }

    private static int[] catToxic() {
        int[] l = unknown();
        l[TOX] = 1;
        return l;
    }

    private static int[] unknown() {
        int[] l = new int[N];
        java.util.Arrays.fill(l, UNKNOWN);
        return l;
    }

    private static int bit(String v) {
        return "1".equals(v == null ? "" : v.strip()) ? 1 : 0;
    }

    private static Example example(String source, String id, String group, int[] labels, String text) {
        double u = unit(source + "|" + id);
        // 70 / 15 / 15: calibration needs enough positives of the rare attributes (threat) to fit two parameters.
        String split = u < 0.70 ? ToxicityCorpus.TRAIN : u < 0.85 ? ToxicityCorpus.CALIBRATION : ToxicityCorpus.TEST;
        return new Example(source, id, split, group, labels, text);
    }

    private static Example withSplit(Example e, String split) {
        return new Example(e.source(), e.id(), split, e.group(), e.labels(), e.text());
    }

    /** A deterministic sample: the {@code n} rows whose seeded hash is smallest. */
    private static List<Example> sample(List<Example> rows, int n) {
        if (rows.size() <= n) {
            return rows;
        }
        return rows.stream()
                .sorted(Comparator.comparingDouble(e -> unit("sample|" + e.source() + "|" + e.id())))
                .limit(n)
                .toList();
    }

    /** Seeded hash of a key mapped to [0,1). */
    static double unit(String key) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest((SEED + "|" + key).getBytes(StandardCharsets.UTF_8));
            long v = 0;
            for (int i = 0; i < 7; i++) {
                v = (v << 8) | (d[i] & 0xff);
            }
            return v / (double) (1L << 56);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final Pattern ENTITY = Pattern.compile("&(#\\d+|amp|lt|gt|quot|apos);");

    private static String htmlEntities(String s) {
        Matcher m = ENTITY.matcher(s);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            String g = m.group(1);
            String rep = switch (g) {
                case "amp" -> "&";
                case "lt" -> "<";
                case "gt" -> ">";
                case "quot" -> "\"";
                case "apos" -> "'";
                default -> {
                    long cp = g.length() > 8 ? -1 : Long.parseLong(g.substring(1));
                    yield cp >= 0 && Character.isValidCodePoint((int) cp)
                            ? new String(Character.toChars((int) cp))
                            : " ";
                }
            };
            m.appendReplacement(b, Matcher.quoteReplacement(rep));
        }
        m.appendTail(b);
        return b.toString();
    }
}
