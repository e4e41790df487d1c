package org.commentguard.scoring.toxicity.training;

import org.commentguard.scoring.toxicity.ToxicityScorer;
import org.commentguard.scoring.toxicity.transformer.CascadeBlend;
import org.commentguard.scoring.toxicity.transformer.TransformerToxicityModel;
import org.commentguard.tools.Csv;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Does a disguised spelling hide a hateful or offensive text from the served toxicity score? Sets neither stage was
 * trained on: ToxiGen's human-written seed sentences (MIT; 371 hateful, 297 neutral) and HateXplain's test split
 * (MIT; hate or offensive against normal). Each text as written and with its longest word disguised the way
 * functional test suites for hate speech disguise words: one letter swapped for a look-alike digit ({@code h4te},
 * {@code w0men}), or the word spelled out with spaces ({@code M u s l i m s}). Per variant: the share of positives
 * and of negatives the served cascade scores at least 0.5 for {@code toxicity}, and of the positives it catches as
 * written, how many it still catches disguised; each with the transformer reading the text as written and as the
 * service reads it ({@link TransformerToxicityModel#readable}).
 *
 * <p>usage: {@code DisguisedToxicityEvaluation [FILE:TEXT_COLUMN:LABEL_COLUMN:POSITIVE_LABELS:NAME ...]}
 */
public final class DisguisedToxicityEvaluation {

    private DisguisedToxicityEvaluation() {}

    public static void main(String[] args) throws Exception {
        List<String> sets = args.length > 0
                ? List.of(args)
                : List.of(
                        "../shared/data/toxigen-seed-sentences/sentences.csv:text:label:hate:ToxiGen seed sentences",
                        "../shared/data/hatexplain-val-test/test.csv:text:label:hate,offensive:HateXplain test");
        ToxicityScorer first =
                new ToxicityScorer(ToxicityScorer.loadShipped(), "first", ToxicityScorer.Settings.DEFAULT, null);
        try (TransformerToxicityModel transformer = TransformerToxicityModel.loadShipped(2)) {
            CascadeBlend blend = CascadeBlend.loadShipped(transformer.modelId());
            System.out.println(
                    "flagged = served toxicity >= 0.5; the transformer reads the text as written | as served");
            for (String spec : sets) {
                evaluate(spec.split(":", 5), first, transformer, blend);
            }
        }
    }

    /** {@code spec}: file, text column, label column, positive labels (comma-separated), name. */
    private static void evaluate(
            String[] spec, ToxicityScorer first, TransformerToxicityModel transformer, CascadeBlend blend)
            throws Exception {
        List<Map<String, String>> rows = Csv.read(Path.of(spec[0]), ',').records();
        java.util.Set<String> positive = java.util.Set.of(spec[3].split(","));
        int[] y = rows.stream()
                .mapToInt(r -> positive.contains(r.get(spec[2])) ? 1 : 0)
                .toArray();
        System.out.printf(
                Locale.ROOT,
                "%s: %d texts, %d %s%n",
                spec[4],
                rows.size(),
                java.util.Arrays.stream(y).sum(),
                String.join(" or ", positive));
        Map<String, UnaryOperator<String>> variants = new java.util.LinkedHashMap<>();
        variants.put("as written", t -> t);
        variants.put("longest word, one look-alike digit", DisguisedToxicityEvaluation::leet);
        variants.put("longest word spelled out with spaces", DisguisedToxicityEvaluation::spaced);
        variants.put("longest word, two inner letters swapped", DisguisedToxicityEvaluation::swapped);
        variants.put("longest word, one inner letter left out", DisguisedToxicityEvaluation::dropped);
        boolean[] caught = null;
        for (Map.Entry<String, UnaryOperator<String>> v : variants.entrySet()) {
            // [written, served] flagged among positives, negatives, and positives caught when written plainly
            int[][] flagged = new int[3][2];
            int[] n = new int[3];
            boolean[] plain = new boolean[rows.size()];
            for (int i = 0; i < rows.size(); i++) {
                String text = v.getValue().apply(rows.get(i).get(spec[1]));
                var firstStage = first.firstStage(text);
                boolean[] f = {
                    blend.combine(firstStage, transformer.predict(text)).toxicity() >= 0.5,
                    blend.combine(firstStage, transformer.predict(transformer.readable(text)))
                                    .toxicity()
                            >= 0.5
                };
                plain[i] = f[1];
                List<Integer> groups = new java.util.ArrayList<>(List.of(y[i] == 1 ? 0 : 1));
                if (y[i] == 1 && caught != null && caught[i]) {
                    groups.add(2);
                }
                for (int g : groups) {
                    n[g]++;
                    for (int k = 0; k < 2; k++) {
                        flagged[g][k] += f[k] ? 1 : 0;
                    }
                }
            }
            if (caught == null) {
                caught = plain;
            }
            System.out.printf(
                    Locale.ROOT,
                    "  %-38s positives flagged %5.1f %% | %5.1f %%   negatives %5.1f %% | %5.1f %%%s%n",
                    v.getKey(),
                    pct(flagged[0][0], n[0]),
                    pct(flagged[0][1], n[0]),
                    pct(flagged[1][0], n[1]),
                    pct(flagged[1][1], n[1]),
                    n[2] == 0
                            ? ""
                            : String.format(
                                    Locale.ROOT,
                                    "   of the %d caught as written, still caught %5.1f %% | %5.1f %%",
                                    n[2],
                                    pct(flagged[2][0], n[2]),
                                    pct(flagged[2][1], n[2])));
        }
    }

    private static double pct(int k, int n) {
        return n == 0 ? 0 : 100.0 * k / n;
    }

    /** The longest word of at least four letters, or null. */
    private static int[] longestWord(String s) {
        java.util.regex.Matcher m =
                java.util.regex.Pattern.compile("\\p{L}{4,}").matcher(s);
        int[] best = null;
        while (m.find()) {
            if (best == null || m.end() - m.start() > best[1] - best[0]) {
                best = new int[] {m.start(), m.end()};
            }
        }
        return best;
    }

    /** The first inner a, e, i, o or s of the longest word swapped for 4, 3, 1, 0 or 5. */
    static String leet(String s) {
        int[] w = longestWord(s);
        if (w == null) {
            return s;
        }
        for (int i = w[0] + 1; i < w[1] - 1; i++) {
            char d = switch (Character.toLowerCase(s.charAt(i))) {
                case 'a' -> '4';
                case 'e' -> '3';
                case 'i' -> '1';
                case 'o' -> '0';
                case 's' -> '5';
                default -> 0;
            };
            if (d != 0) {
                return s.substring(0, i) + d + s.substring(i + 1);
            }
        }
        return s;
    }

    /** The longest word with its second and third letters swapped ({@code Mulsims}). */
    static String swapped(String s) {
        int[] w = longestWord(s);
        if (w == null || s.charAt(w[0] + 1) == s.charAt(w[0] + 2)) {
            return s;
        }
        return s.substring(0, w[0] + 1) + s.charAt(w[0] + 2) + s.charAt(w[0] + 1) + s.substring(w[0] + 3);
    }

    /** The longest word without its second-to-last letter ({@code Muslms}). */
    static String dropped(String s) {
        int[] w = longestWord(s);
        return w == null ? s : s.substring(0, w[1] - 2) + s.substring(w[1] - 1);
    }

    /** The longest word with a space after each of its letters but the last. */
    static String spaced(String s) {
        int[] w = longestWord(s);
        if (w == null) {
            return s;
        }
        return s.substring(0, w[0]) + String.join(" ", s.substring(w[0], w[1]).split("")) + s.substring(w[1]);
    }
}
