package org.commentguard.scoring.offtopic.training;

import org.commentguard.scoring.model.ModelArtifact;
import org.commentguard.scoring.offtopic.DriftFeatures;
import org.commentguard.scoring.offtopic.OffTopicModel;
import org.commentguard.scoring.offtopic.OffTopicParameters;
import org.commentguard.scoring.offtopic.OffTopicScorer;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Fits the drift model, the final stage of the off-topic score: one logistic regression over {@link DriftFeatures}
 * (the article and parent relevance of the calibration already shipped, plus entity, thread and theme signals), on
 * the training articles of the annotated Fox News comments and of the CC0 corpus threads. The article, parent and
 * lexical logistics are kept as they are (run {@link OffTopicCalibrationTrainer} first to refit those; it writes a
 * calibration without the drift block). Held-out articles are never fitted on; {@link OffTopicDriftEvaluation}
 * reports them. Deterministic.
 *
 * <p>usage: {@code OffTopicDriftTrainer [models/offtopic]}; reads {@code data/fox-news/} and {@code data/articles/}
 * beside the calibration and rewrites {@code calibration.properties} and {@code model.properties}.
 */
public final class OffTopicDriftTrainer {

    static final String VERSION = "1.2.0";
    /** Fixed before fitting, not tuned: nine features, about 500 examples. */
    static final double L2 = 1.0;

    static final String LABELS = "fox-news/labels-annotator-a.tsv";

    private OffTopicDriftTrainer() {}

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "models/offtopic");
        // The drift block of an earlier run is dropped: it is what this run replaces (and may name other features).
        String current = String.join(
                "\n",
                Files.readAllLines(out.resolve("calibration.properties"), StandardCharsets.UTF_8).stream()
                        .filter(l -> !l.startsWith("drift."))
                        .toList());
        OffTopicParameters base =
                OffTopicParameters.read(new java.io.ByteArrayInputStream(current.getBytes(StandardCharsets.UTF_8)));
        OffTopicModel shipped = OffTopicModel.loadShipped();
        // A zero drift model makes the scorer compute the drift features; its output is not used here.
        OffTopicModel model = shipped.withParams(
                base.withDrift(new OffTopicParameters.Logistic(0, new double[DriftFeatures.NAMES.size()])));
        OffTopicScorer scorer = new OffTopicScorer(model);

        List<DriftData.Item> train = trainingItems(out.resolve("data"));
        long t0 = System.nanoTime();
        double[][] x = new double[train.size()][];
        int[] y = new int[train.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = scorer.assess(train.get(i).context()).drift().vector();
            y[i] = train.get(i).y();
        }
        System.out.printf(
                Locale.ROOT,
                "features for %d training comments in %.1f s (%d positive)%n",
                x.length,
                (System.nanoTime() - t0) / 1e9,
                Arrays.stream(y).sum());
        OffTopicParameters.Logistic drift = PairCalibration.fit(x, y, L2);
        System.out.printf(
                Locale.ROOT,
                "drift model: train ROC-AUC %.4f; bias %.4f%n",
                org.commentguard.tools.BinaryMetrics.rocAuc(PairCalibration.scores(drift, x), y),
                drift.bias());
        for (int i = 0; i < DriftFeatures.NAMES.size(); i++) {
            System.out.printf(Locale.ROOT, "  %-20s %8.4f%n", DriftFeatures.NAMES.get(i), drift.weights()[i]);
        }

        byte[] calibration = base.withDrift(drift)
                .toProperties("Off-topic calibration " + VERSION
                        + ", article/parent/lexical by OffTopicCalibrationTrainer, drift by OffTopicDriftTrainer (seed "
                        + OffTopicCalibrationTrainer.SEED + "); see MODEL_CARD.md")
                .getBytes(StandardCharsets.UTF_8);
        Files.write(out.resolve("calibration.properties"), calibration);
        List<String> props = new ArrayList<>();
        for (String line : Files.readAllLines(out.resolve("model.properties"), StandardCharsets.UTF_8)) {
            if (line.startsWith("version=")) {
                line = "version=" + VERSION;
            } else if (line.startsWith("sha256=")) {
                line = "sha256=" + ModelArtifact.sha256(calibration);
            } else if (line.startsWith("training.drift.")) {
                continue;
            }
            props.add(line);
        }
        props.add("training.drift.comments=" + x.length);
        props.add("training.drift.labels=" + LABELS + " + articles/comments.tsv (training articles)");
        Files.write(
                out.resolve("model.properties"), (String.join("\n", props) + "\n").getBytes(StandardCharsets.UTF_8));
        System.out.println("wrote " + out.resolve("calibration.properties") + " and model.properties");
    }

    /** Fox News training articles (annotator A's labels) and the corpus training articles' threads. */
    static List<DriftData.Item> trainingItems(Path data) throws Exception {
        List<DriftData.Item> items = new ArrayList<>(
                DriftData.fox(data.resolve("fox-news"), data.resolve(LABELS)).get(0));
        CalibrationData corpus = new CalibrationData(data, OffTopicCalibrationTrainer.SEED);
        items.addAll(DriftData.corpus(
                "corpus-train",
                corpus.split(corpus.articles(), OffTopicCalibrationTrainer.HELD_OUT)
                        .train()));
        return items;
    }
}
