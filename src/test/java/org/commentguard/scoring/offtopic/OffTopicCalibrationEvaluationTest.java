package org.commentguard.scoring.offtopic;

import org.commentguard.scoring.model.Agreement;
import org.commentguard.scoring.model.CpuAgreement;
import org.commentguard.scoring.model.CpuKernels;
import org.commentguard.scoring.offtopic.training.CalibrationData;
import org.commentguard.scoring.offtopic.training.OffTopicCalibrationTrainer;
import org.commentguard.tools.BinaryMetrics;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Asserts the held-out metrics stated in {@code models/offtopic/MODEL_CARD.md}, end to end through the scorer, on the
 * pinned corpus in {@code models/offtopic/data/articles} (same seed and article split as the trainer: no held-out
 * article was fitted on).
 */
class OffTopicCalibrationEvaluationTest {

    /**
     * ROC-AUC on 100-200 comments moves by about 0.005 per comment pair that changes rank; float embeddings differ
     * slightly between CPU kinds, so a couple of swaps are allowed.
     */
    private static final double CARD_TOLERANCE = 0.01;

    private static CalibrationData.Split split;
    private static List<CalibrationData.Pair> heldOut;
    private static double[] offTopic;
    private static double[] onTopic;

    @BeforeAll
    static void scoreHeldOutPairs() throws Exception {
        CalibrationData data = new CalibrationData(Path.of("models/offtopic/data"), OffTopicCalibrationTrainer.SEED);
        split = data.split(data.articles(), OffTopicCalibrationTrainer.HELD_OUT);
        heldOut = data.articlePairs(split.heldOut(), true);
        offTopic = CpuAgreement.offTopic(heldOut);
        onTopic = new double[heldOut.size()];
        for (int i = 0; i < onTopic.length; i++) {
            onTopic[i] = Double.isNaN(offTopic[i]) ? 0.5 : 1 - offTopic[i];
        }
    }

    /**
     * The whole off-topic scorer (embeddings, lemma and entity overlap, drift stage, calibration) reproduces its pinned
     * {@code off_topic} scores of the first held-out pairs on this CPU, and decides each of them the same way at the
     * policy's default threshold; measured under emulated AVX2 against the AVX-512 VNNI reference: max 0.0021 over 60
     * pairs. {@code src/bench/cpu-agreement.sh --check} runs the same comparison (CI runs it under emulated AVX2).
     */
    @Test
    void reproducesThePinnedOffTopicScoresOnThisInstructionSet() {
        double[] actual = Arrays.copyOf(offTopic, CpuAgreement.OFF_TOPIC_PAIRS);
        double[] pinned = CpuAgreement.offTopicReference();
        Agreement agreement = Agreement.of(actual, pinned, 1, CpuAgreement.OFF_TOPIC_THRESHOLD);

        System.out.println("off_topic vs pinned java on " + CpuKernels.instructionSet() + ": " + agreement);
        assertThat(agreement.n()).isEqualTo(CpuAgreement.OFF_TOPIC_PAIRS);
        assertThat(agreement.max()).isLessThanOrEqualTo(CpuAgreement.OFF_TOPIC_MAX_DIFFERENCE);
        assertThat(Agreement.decidedOtherwise(
                        actual, pinned, CpuAgreement.OFF_TOPIC_THRESHOLD, CpuAgreement.OFF_TOPIC_MAX_DIFFERENCE))
                .as("pairs decided the other way at %s", CpuAgreement.OFF_TOPIC_THRESHOLD)
                .isEmpty();
    }

    @Test
    void heldOutArticlesAreNeverFittedOn() {
        assertThat(split.heldOut())
                .extracting(CalibrationData.Article::id)
                .doesNotContainAnyElementsOf(
                        split.train().stream().map(CalibrationData.Article::id).toList())
                .hasSize(10);
        assertThat(heldOut).hasSize(221);
    }

    @Test
    void shippedCalibrationSeparatesOwnFromOtherArticleOnHeldOutArticles() {
        // Issue #4 asks for >= 0.85; the card (and the README) state the measured 0.9810 (1.2.0; 0.9777 in 1.1).
        assertThat(auc(p -> p.label() == 1, p -> !p.source().startsWith("own-")))
                .isCloseTo(0.9810, within(CARD_TOLERANCE));
    }

    @Test
    void shippedCalibrationSeparatesOwnFromANeighbouringArticleOfTheSameGroup() {
        assertThat(auc(p -> p.label() == 1, p -> p.source().equals("other-same-group")))
                .isCloseTo(0.9752, within(CARD_TOLERANCE));
    }

    @Test
    void shippedCalibrationRanksOnTopicAboveOffTopicCommentsUnderTheirOwnArticle() {
        assertThat(auc(p -> p.label() == 1, p -> p.label() == 0 && p.source().startsWith("own-")))
                .isCloseTo(0.9706, within(CARD_TOLERANCE));
    }

    /** ROC-AUC of the pairs {@code positive} picks against those {@code negative} picks, ties counted half. */
    private static double auc(Predicate<CalibrationData.Pair> positive, Predicate<CalibrationData.Pair> negative) {
        List<Double> scores = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (int i = 0; i < onTopic.length; i++) {
            boolean pos = positive.test(heldOut.get(i));
            if (pos || negative.test(heldOut.get(i))) {
                scores.add(onTopic[i]);
                labels.add(pos ? 1 : 0);
            }
        }
        return BinaryMetrics.rocAuc(
                scores.stream().mapToDouble(Double::doubleValue).toArray(),
                labels.stream().mapToInt(Integer::intValue).toArray());
    }
}
