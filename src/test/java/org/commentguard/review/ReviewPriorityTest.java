package org.commentguard.review;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ReviewPriorityTest {

    @Test
    void worstHarmReportsHistoryAndEscalationAddUp() {
        Map<String, Double> scores = new HashMap<>();
        scores.put("toxicity", 0.8);
        scores.put("spam", 0.3);
        scores.put("off_topic", 0.99);
        scores.put("insult", null);
        assertThat(ReviewPriority.base(scores, 0, 0, false)).isCloseTo(80, within(1e-9));
        assertThat(ReviewPriority.base(scores, 2, 3, true)).isCloseTo(80 + 30 + 30 + 50, within(1e-9));
        assertThat(ReviewPriority.base(Map.of(), 0, 99, false)).isCloseTo(50, within(1e-9));
    }

    @Test
    void olderItemsGainPriorityAtTheConfiguredRate() {
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        double rank = ReviewPriority.rank(40, t0, 2.0);
        assertThat(ReviewPriority.at(rank, t0, 2.0)).isCloseTo(40, within(1e-6));
        assertThat(ReviewPriority.at(rank, t0.plus(Duration.ofHours(5)), 2.0)).isCloseTo(50, within(1e-6));
    }

    @Test
    void rankOrderEqualsPriorityWithAgeBonusAtAnyMoment() {
        Instant now = Instant.parse("2026-01-02T00:00:00Z");
        double oldLow = ReviewPriority.rank(30, now.minus(Duration.ofHours(20)), 2.0);
        double newHigh = ReviewPriority.rank(60, now.minus(Duration.ofHours(1)), 2.0);
        // 30 + 40 = 70 beats 60 + 2 = 62
        assertThat(oldLow).isGreaterThan(newHigh);
    }

    @Test
    void reporterWeightFollowsTheirTrackRecord() {
        assertThat(ReaderReports.weight(0, 0)).isEqualTo(1.0);
        assertThat(ReaderReports.weight(8, 0)).isGreaterThan(1.7);
        assertThat(ReaderReports.weight(0, 8)).isLessThan(0.3);
    }
}
