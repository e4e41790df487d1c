package org.commentguard.scoring.toxicity.training;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.commentguard.scoring.toxicity.ToxicityAttribute;
import org.commentguard.scoring.toxicity.ToxicityScorer;
import org.commentguard.scoring.toxicity.transformer.CascadeBlend;
import org.commentguard.scoring.toxicity.transformer.ToxicityProbabilities;
import org.commentguard.scoring.toxicity.transformer.TransformerToxicityModel;
import org.commentguard.tools.BinaryMetrics;
import org.commentguard.tools.Csv;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Toxicity ROC-AUC of the first stage, the transformer and the grey-band cascade (with the shipped fitted
 * {@link CascadeBlend}) on held-out sets that neither stage was trained on (read from {@code ../shared/data},
 * never copied into the repository), and the cascade's false-positive rate on the non-toxic identity templates.
 * Without a band on the command line it prints the default band and the alternatives an operator might choose.
 *
 * <p>Usage: {@code CascadeEvaluation [shared-data-dir] [grey-low grey-high]}.
 */
public final class CascadeEvaluation {

    private CascadeEvaluation() {}

    public static void main(String[] args) throws Exception {
        Path shared = Path.of(args.length > 0 ? args[0] : "../shared/data");
        List<double[]> bands = new ArrayList<>();
        if (args.length > 2) {
            bands.add(new double[] {Double.parseDouble(args[1]), Double.parseDouble(args[2])});
        } else {
            bands.add(new double[] {
                ToxicityScorer.Settings.DEFAULT.greyBandLow(), ToxicityScorer.Settings.DEFAULT.greyBandHigh()
            });
            for (double[] b : new double[][] {{0.3, 0.7}, {0.2, 1.0}, {0.1, 1.0}}) {
                bands.add(b);
            }
        }
        ToxicityScorer first =
                new ToxicityScorer(ToxicityScorer.loadShipped(), "first", ToxicityScorer.Settings.DEFAULT, null);
        try (TransformerToxicityModel transformer = TransformerToxicityModel.loadShipped(2)) {
            CascadeBlend blend = CascadeBlend.loadShipped(transformer.modelId());
            System.out.println("blend " + blend.description() + "; first grey band is the default");
            System.out.print("set                          n   first  transformer");
            for (double[] b : bands) {
                System.out.printf(Locale.ROOT, "  [%.2f,%.2f] refined", b[0], b[1]);
            }
            System.out.println();
            evaluate(
                    "jigsaw test sample (IBM)",
                    ToxicityModelEvaluation.jigsawSample(
                            shared.resolve("jigsaw-toxic-test-sample-ibm/test_examples.csv")),
                    first,
                    transformer,
                    blend,
                    bands);
            evaluate(
                    "kaggle insults test",
                    ToxicityModelEvaluation.kaggleInsults(
                            shared.resolve("kaggle-insults-impermium/test_with_solutions.csv")),
                    first,
                    transformer,
                    blend,
                    bands);
            evaluate(
                    "kaggle impermium verif.",
                    ToxicityModelEvaluation.kaggleInsults(
                            shared.resolve("kaggle-insults-impermium/impermium_verification_labels.csv")),
                    first,
                    transformer,
                    blend,
                    bands);
            evaluate(
                    "OLID test",
                    ToxicityModelEvaluation.olid(shared.resolve("olid-offenseval2019")),
                    first,
                    transformer,
                    blend,
                    bands);
            // Sets added to ../shared/data after both stages were trained (MIT): held out by construction.
            evaluate(
                    "Fox News comments (hate)",
                    foxNews(shared.resolve("fox-news-comments/fox-news-comments.json")),
                    first,
                    transformer,
                    blend,
                    bands);
            evaluate(
                    "HateXplain test (hate/off.)",
                    labelled(shared.resolve("hatexplain-val-test/test.csv"), "label", "hate", "offensive"),
                    first,
                    transformer,
                    blend,
                    bands);
            evaluate(
                    "ToxiGen seed (hate)",
                    labelled(shared.resolve("toxigen-seed-sentences/sentences.csv"), "label", "hate"),
                    first,
                    transformer,
                    blend,
                    bands);
            identityFalsePositives(
                    shared.resolve("identity-bias-madlibs/bias_madlibs_77k.csv"), first, transformer, blend, bands);
        }
    }

    /**
     * The cascade's toxicity for scored rows under one grey band: rows whose first-stage toxicity lies in
     * [{@code low}, {@code high}] get the blend of both stages, the others keep the first stage's.
     *
     * @param toxicity per row, as the service would answer
     * @param refined  how many rows the transformer refined
     */
    record Banded(double[] toxicity, int refined) {

        static Banded of(double[] first, double[] transformer, CascadeBlend blend, double low, double high) {
            double[] p = new double[first.length];
            int refined = 0;
            for (int k = 0; k < p.length; k++) {
                boolean in = first[k] >= low && first[k] <= high;
                refined += in ? 1 : 0;
                p[k] = in ? blend.combine(ToxicityAttribute.TOXICITY, first[k], transformer[k]) : first[k];
            }
            return new Banded(p, refined);
        }

        double refinedShare() {
            return (double) refined / toxicity.length;
        }
    }

    /** Fox News reader comments (JSON lines): {@code text} with the annotators' {@code label}, 1 = hateful. */
    static Map<String, Integer> foxNews(Path file) throws IOException {
        Map<String, Integer> out = new LinkedHashMap<>();
        if (!Files.isRegularFile(file)) {
            return out;
        }
        ObjectMapper json = new ObjectMapper();
        for (String line : Files.readAllLines(file)) {
            if (!line.isBlank()) {
                var row = json.readTree(line);
                String text = row.get("text").asText().strip();
                if (!text.isEmpty()) {
                    out.putIfAbsent(text, row.get("label").asInt() == 1 ? 1 : 0);
                }
            }
        }
        return out;
    }

    /** A CSV with {@code text} and a label column: 1 for the positive labels, 0 for the rest. */
    static Map<String, Integer> labelled(Path file, String column, String... positive) throws IOException {
        Map<String, Integer> out = new LinkedHashMap<>();
        if (!Files.isRegularFile(file)) {
            return out;
        }
        List<String> yes = List.of(positive);
        for (Map<String, String> r : Csv.read(file, ',').records()) {
            out.putIfAbsent(r.get("text"), yes.contains(r.get(column)) ? 1 : 0);
        }
        return out;
    }

    /**
     * The text as the served transformer reads it ({@link TransformerToxicityModel#readable}); with
     * {@code -Dreadable=false}, as written (the behaviour before disguised spellings were put back).
     */
    static String asRead(TransformerToxicityModel transformer, String text) {
        return Boolean.parseBoolean(System.getProperty("readable", "true")) ? transformer.readable(text) : text;
    }

    private static void evaluate(
            String name,
            Map<String, Integer> set,
            ToxicityScorer first,
            TransformerToxicityModel transformer,
            CascadeBlend blend,
            List<double[]> bands) {
        if (set.isEmpty()) {
            System.out.printf(Locale.ROOT, "%-24s  missing, skipped%n", name);
            return;
        }
        int n = set.size();
        double[] f = new double[n];
        double[] t = new double[n];
        int[] labels = new int[n];
        int i = 0;
        for (Map.Entry<String, Integer> e : set.entrySet()) {
            f[i] = first.firstStage(e.getKey()).toxicity();
            ToxicityProbabilities p = transformer.predict(asRead(transformer, e.getKey()));
            t[i] = p.toxicity();
            labels[i++] = e.getValue();
        }
        System.out.printf(
                Locale.ROOT,
                "%-24s %6d  %6.3f  %11.3f",
                name,
                n,
                BinaryMetrics.rocAuc(f, labels),
                BinaryMetrics.rocAuc(t, labels));
        for (double[] b : bands) {
            Banded c = Banded.of(f, t, blend, b[0], b[1]);
            System.out.printf(
                    Locale.ROOT,
                    "  %11.3f %6.1f%%",
                    BinaryMetrics.rocAuc(c.toxicity(), labels),
                    100.0 * c.refinedShare());
        }
        System.out.println();
    }

    /**
     * False-positive rate at 0.5 on every 5th non-toxic bias-madlibs template for each band, and per identity
     * term for the first (default) band.
     */
    private static void identityFalsePositives(
            Path csv,
            ToxicityScorer first,
            TransformerToxicityModel transformer,
            CascadeBlend blend,
            List<double[]> bands)
            throws Exception {
        if (!Files.exists(csv)) {
            return;
        }
        List<String> neutral = Csv.read(csv, ',').records().stream()
                .filter(r -> "NOT_BAD".equals(r.get("Label")))
                .map(r -> r.get("Text"))
                .toList();
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < neutral.size(); i += 5) {
            texts.add(neutral.get(i));
        }
        double[] f = new double[texts.size()];
        double[] t = new double[texts.size()];
        String[] terms = new String[texts.size()];
        for (int i = 0; i < f.length; i++) {
            f[i] = first.firstStage(texts.get(i)).toxicity();
            t[i] = transformer.predict(asRead(transformer, texts.get(i))).toxicity();
            String term = ToxicityDataPreparation.identityTerm(texts.get(i).toLowerCase(Locale.ROOT));
            terms[i] = term.isEmpty() ? "(none)" : term;
        }
        for (int b = 0; b < bands.size(); b++) {
            double low = bands.get(b)[0];
            double high = bands.get(b)[1];
            double[] p = Banded.of(f, t, blend, low, high).toxicity();
            Map<String, int[]> byTerm = new java.util.TreeMap<>();
            int fp = 0;
            for (int i = 0; i < p.length; i++) {
                int[] counts = byTerm.computeIfAbsent(terms[i], k -> new int[2]);
                counts[1]++;
                if (p[i] >= 0.5) {
                    fp++;
                    counts[0]++;
                }
            }
            System.out.printf(
                    Locale.ROOT,
                    "identity templates (non-toxic, every 5th), band [%.2f, %.2f]: cascade"
                            + " false positives %d of %d (%.2f%%) at 0.5%n",
                    low,
                    high,
                    fp,
                    f.length,
                    100.0 * fp / f.length);
            if (b == 0) {
                StringBuilder line = new StringBuilder("  per term:");
                byTerm.entrySet().stream()
                        .sorted((x, y) -> Double.compare(
                                (double) y.getValue()[0] / y.getValue()[1], (double) x.getValue()[0] / x.getValue()[1]))
                        .forEach(e -> line.append(String.format(
                                Locale.ROOT,
                                " %s %.1f%% (%d/%d);",
                                e.getKey(),
                                100.0 * e.getValue()[0] / e.getValue()[1],
                                e.getValue()[0],
                                e.getValue()[1])));
                System.out.println(line);
            }
        }
    }
}
