package org.commentguard.scoring.toxicity.training;

import org.commentguard.scoring.toxicity.ToxicityScorer;
import org.commentguard.scoring.toxicity.ToxicityScores;
import org.commentguard.scoring.toxicity.transformer.ToxicityProbabilities;
import org.commentguard.scoring.toxicity.transformer.TransformerToxicityModel;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Toxicity ROC-AUC of the first stage, the transformer and the grey-band cascade on held-out sets that neither
 * stage was trained on (read from {@code ../shared/data}, never copied into the repository), and the cascade's
 * false-positive rate on the non-toxic identity templates.
 *
 * <p>Usage: {@code CascadeEvaluation [shared-data-dir] [grey-low] [grey-high]}.
 */
public final class CascadeEvaluation {

    private CascadeEvaluation() {
    }

    public static void main(String[] args) throws Exception {
        Path shared = Path.of(args.length > 0 ? args[0] : "../shared/data");
        double low = args.length > 1 ? Double.parseDouble(args[1]) : ToxicityScorer.Settings.DEFAULT.greyBandLow();
        double high = args.length > 2 ? Double.parseDouble(args[2]) : ToxicityScorer.Settings.DEFAULT.greyBandHigh();
        ToxicityScorer first = new ToxicityScorer(ToxicityScorer.loadShipped(), "first",
                ToxicityScorer.Settings.DEFAULT, null);
        try (TransformerToxicityModel transformer = TransformerToxicityModel.loadShipped(2)) {
            System.out.printf(Locale.ROOT, "grey band [%.2f, %.2f]%n", low, high);
            System.out.println("set                         n   first  transformer  cascade  refined");
            evaluate("jigsaw test sample (IBM)", ToxicityModelEvaluation.jigsawSample(
                    shared.resolve("jigsaw-toxic-test-sample-ibm/test_examples.csv")), first, transformer, low, high);
            evaluate("kaggle insults test", ToxicityModelEvaluation.kaggleInsults(
                    shared.resolve("kaggle-insults-impermium/test_with_solutions.csv")), first, transformer, low, high);
            evaluate("kaggle impermium verif.", ToxicityModelEvaluation.kaggleInsults(
                    shared.resolve("kaggle-insults-impermium/impermium_verification_labels.csv")), first, transformer,
                    low, high);
            evaluate("OLID test", ToxicityModelEvaluation.olid(shared.resolve("olid-offenseval2019")), first,
                    transformer, low, high);
            identityFalsePositives(shared.resolve("identity-bias-madlibs/bias_madlibs_77k.csv"), first, transformer,
                    low, high);
        }
    }

    private static double cascade(String text, ToxicityScorer first, TransformerToxicityModel transformer,
                                  double low, double high, boolean[] refined) {
        ToxicityScores s = first.firstStage(text);
        if (s.toxicity() >= low && s.toxicity() <= high) {
            refined[0] = true;
            return transformer.predict(text).toxicity();
        }
        refined[0] = false;
        return s.toxicity();
    }

    private static void evaluate(String name, Map<String, Integer> set, ToxicityScorer first,
                                 TransformerToxicityModel transformer, double low, double high) {
        if (set.isEmpty()) {
            System.out.printf(Locale.ROOT, "%-24s  missing, skipped%n", name);
            return;
        }
        int n = set.size();
        double[] f = new double[n];
        double[] t = new double[n];
        double[] c = new double[n];
        int[] labels = new int[n];
        int i = 0;
        int refinedCount = 0;
        boolean[] refined = new boolean[1];
        for (Map.Entry<String, Integer> e : set.entrySet()) {
            f[i] = first.firstStage(e.getKey()).toxicity();
            ToxicityProbabilities p = transformer.predict(e.getKey());
            t[i] = p.toxicity();
            c[i] = cascade(e.getKey(), first, transformer, low, high, refined);
            refinedCount += refined[0] ? 1 : 0;
            labels[i++] = e.getValue();
        }
        System.out.printf(Locale.ROOT, "%-24s %6d  %6.3f  %11.3f  %7.3f  %6.1f%%%n", name, n,
                BinaryMetrics.rocAuc(f, labels), BinaryMetrics.rocAuc(t, labels), BinaryMetrics.rocAuc(c, labels),
                100.0 * refinedCount / n);
    }

    private static void identityFalsePositives(Path csv, ToxicityScorer first, TransformerToxicityModel transformer,
                                               double low, double high) throws Exception {
        if (!Files.exists(csv)) {
            return;
        }
        List<String> neutral = new ArrayList<>();
        // Columns: Text,Label,Template; the text may be quoted, the last two columns never contain commas.
        for (String line : Files.readAllLines(csv)) {
            int templateComma = line.lastIndexOf(',');
            int labelComma = templateComma > 0 ? line.lastIndexOf(',', templateComma - 1) : -1;
            if (labelComma > 0 && line.substring(labelComma + 1, templateComma).trim().equals("NOT_BAD")) {
                neutral.add(line.substring(0, labelComma).replace("\"", ""));
            }
        }
        // Every 10th template: the full 38k would take minutes on two cores without changing the rate.
        int fp = 0;
        int n = 0;
        boolean[] refined = new boolean[1];
        for (int i = 0; i < neutral.size(); i += 10) {
            n++;
            if (cascade(neutral.get(i), first, transformer, low, high, refined) >= 0.5) {
                fp++;
            }
        }
        System.out.printf(Locale.ROOT, "identity templates (non-toxic, every 10th): cascade false positives %d of %d"
                + " (%.2f%%) at 0.5%n", fp, n, 100.0 * fp / n);
    }
}
