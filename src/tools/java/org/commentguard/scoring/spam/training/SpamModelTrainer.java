package org.commentguard.scoring.spam.training;

import org.commentguard.scoring.spam.SpamFeatures;
import org.commentguard.scoring.spam.SpamModel;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Trains the shipped spam model from {@code models/spam/data/} and writes {@code models/spam/spam-lr.bin} and
 * {@code model.properties}. Deterministic: the same data and code give the same bytes and sha256.
 *
 * <pre>src/tools/run SpamModelTrainer [models/spam] [version]</pre>
 */
public final class SpamModelTrainer {

    static final int FOLDS = 5;

    private SpamModelTrainer() {}

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "models/spam");
        String version = args.length > 1 ? args[1] : "1.0.0";
        SpamCorpus corpus = SpamCorpus.load(dir.resolve("data"));
        SpamModel model = train(corpus, LogisticRegression.Settings.DEFAULT);
        SpamModelEvaluation.Report report = SpamModelEvaluation.heldOut(model, corpus);
        String sha = SpamModelFiles.write(
                dir,
                model,
                version,
                String.format(
                        Locale.ROOT,
                        "youtube P=%.4f R=%.4f F1=%.4f AUC=%.4f; civil FPR=%.4f",
                        report.youtube().precision(),
                        report.youtube().recall(),
                        report.youtube().f1(),
                        report.youtube().auc(),
                        report.civil().falsePositiveRate()));
        System.out.println("training examples: " + corpus.training().size() + ", held out: "
                + corpus.heldOut().size());
        System.out.println("model: " + model);
        System.out.println("sha256: " + sha);
        System.out.println(report);
    }

    /** Fits the weights on the training split and Platt-calibrates them on {@value #FOLDS}-fold out-of-fold scores. */
    public static SpamModel train(SpamCorpus corpus, LogisticRegression.Settings settings) {
        SpamFeatures features = new SpamFeatures();
        List<SpamCorpus.Example> training = corpus.training();
        List<SpamFeatures.Extraction> xs = new ArrayList<>(training.size());
        boolean[] ys = new boolean[training.size()];
        for (int i = 0; i < training.size(); i++) {
            SpamCorpus.Example e = training.get(i);
            xs.add(features.extract(e.text(), e.window(), e.windowTexts(), e.window().length));
            ys[i] = e.spam();
        }
        return train(xs, ys, settings);
    }

    /** Same, over already extracted features (used by unit tests with a tiny inline corpus). */
    public static SpamModel train(
            List<SpamFeatures.Extraction> xs, boolean[] ys, LogisticRegression.Settings settings) {
        double[] oof = new double[xs.size()];
        for (int fold = 0; fold < FOLDS; fold++) {
            List<SpamFeatures.Extraction> foldX = new ArrayList<>();
            List<Boolean> foldY = new ArrayList<>();
            for (int i = 0; i < xs.size(); i++) {
                if (i % FOLDS != fold) {
                    foldX.add(xs.get(i));
                    foldY.add(ys[i]);
                }
            }
            boolean[] fy = new boolean[foldY.size()];
            for (int i = 0; i < fy.length; i++) {
                fy[i] = foldY.get(i);
            }
            SpamModel partial = LogisticRegression.fit(foldX, fy, settings);
            for (int i = fold; i < xs.size(); i += FOLDS) {
                oof[i] = partial.logit(xs.get(i));
            }
        }
        double[] ab = LogisticRegression.platt(oof, ys);
        return LogisticRegression.fit(xs, ys, settings).withCalibration(ab[0], ab[1]);
    }
}
