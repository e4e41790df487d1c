package org.commentguard.scoring.offtopic;

import org.commentguard.scoring.ScoringContext;
import org.commentguard.scoring.ScoringContext.ArticleText;
import org.commentguard.scoring.SiteScoringData;
import org.commentguard.scoring.offtopic.training.CalibrationData;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Asserts the held-out own-vs-other article ROC-AUC stated in {@code models/offtopic/MODEL_CARD.md}, on the pinned
 * data in {@code models/offtopic/data} (same seed and split as the trainer).
 */
class OffTopicCalibrationEvaluationTest {

    private static final long SEED = 20180501L;

    @Test
    void shippedCalibrationSeparatesOwnFromOtherArticleOnHeldOutPairs() throws Exception {
        OffTopicScorer scorer = new OffTopicScorer(OffTopicModel.loadShipped());
        List<CalibrationData.Pair> heldOut = CalibrationData.split(
                new CalibrationData(Path.of("models/offtopic/data"), SEED).articlePairs(), 0.25, SEED).get(1);

        double wins = 0;
        long comparisons = 0;
        double[] onTopic = new double[heldOut.size()];
        for (int i = 0; i < onTopic.length; i++) {
            CalibrationData.Pair p = heldOut.get(i);
            Double off = scorer.score(new ScoringContext(p.text(),
                    Optional.of(new ArticleText(p.title(), p.reference())), Optional.empty(), List.of(),
                    SiteScoringData.NONE)).scores().get("off_topic");
            onTopic[i] = off == null ? 0.5 : 1 - off;
        }
        for (int i = 0; i < onTopic.length; i++) {
            for (int j = 0; j < onTopic.length; j++) {
                if (heldOut.get(i).label() == 1 && heldOut.get(j).label() == 0) {
                    comparisons++;
                    wins += onTopic[i] > onTopic[j] ? 1 : onTopic[i] == onTopic[j] ? 0.5 : 0;
                }
            }
        }

        assertThat(heldOut).hasSize(81);
        assertThat(wins / comparisons).isGreaterThanOrEqualTo(0.98);
    }
}
