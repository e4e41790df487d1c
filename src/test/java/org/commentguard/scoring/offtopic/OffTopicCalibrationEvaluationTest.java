package org.commentguard.scoring.offtopic;

import org.commentguard.scoring.ScoringContext;
import org.commentguard.scoring.ScoringContext.ArticleText;
import org.commentguard.scoring.SiteScoringData;
import org.commentguard.scoring.offtopic.training.CalibrationData;
import org.commentguard.tools.BinaryMetrics;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Asserts the held-out metrics stated in {@code models/offtopic/MODEL_CARD.md}, end to end through the scorer, on the
 * pinned corpus in {@code models/offtopic/data/articles} (same seed and article split as the trainer: no held-out
 * article was fitted on).
 */
class OffTopicCalibrationEvaluationTest {

    private static final long SEED = 20180501L;
    /**
     * ROC-AUC on 100-200 comments moves by about 0.005 per comment pair that changes rank; float embeddings differ
     * slightly between CPU kinds, so a couple of swaps are allowed.
     */
    private static final double CARD_TOLERANCE = 0.01;

    private static CalibrationData.Split split;
    private static List<CalibrationData.Pair> heldOut;
    private static double[] onTopic;

    @BeforeAll
    static void scoreHeldOutPairs() throws Exception {
        OffTopicScorer scorer = new OffTopicScorer(OffTopicModel.loadShipped());
        CalibrationData data = new CalibrationData(Path.of("models/offtopic/data"), SEED);
        split = data.split(data.articles(), 0.25);
        heldOut = data.articlePairs(split.heldOut(), true);
        onTopic = new double[heldOut.size()];
        for (int i = 0; i < onTopic.length; i++) {
            CalibrationData.Pair p = heldOut.get(i);
            Double off = scorer.score(new ScoringContext(
                            p.text(),
                            Optional.of(new ArticleText(p.title(), p.reference())),
                            Optional.empty(),
                            List.of(),
                            SiteScoringData.NONE))
                    .scores()
                    .get("off_topic");
            onTopic[i] = off == null ? 0.5 : 1 - off;
        }
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
