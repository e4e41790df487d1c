package org.commentguard.quota;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class TokenBucketTest {

    private Instant now = Instant.parse("2026-12-01T12:00:00Z");
    private final TokenBucket bucket = new TokenBucket();

    private Clock clock() {
        return Clock.fixed(now, ZoneOffset.UTC);
    }

    private Duration take(double rate, int burst) {
        return bucket.take(rate, burst, clock().instant());
    }

    @Test
    void aFreshBucketLetsTheWholeBurstThroughAndThenRefusesWithTheTimeUntilTheNextToken() {
        for (int i = 0; i < 5; i++) {
            assertThat(take(2, 5)).isZero();
        }
        assertThat(take(2, 5)).isEqualTo(Duration.ofMillis(500));
        assertThat(take(2, 5)).as("a refusal takes nothing").isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void tokensComeBackAtTheRateButNeverAboveTheBurst() {
        for (int i = 0; i < 3; i++) {
            take(10, 3);
        }
        now = now.plusMillis(250);
        assertThat(take(10, 3)).isZero();
        assertThat(take(10, 3)).isZero();
        assertThat(take(10, 3)).isEqualTo(Duration.ofMillis(50));
        now = now.plus(Duration.ofHours(1));
        for (int i = 0; i < 3; i++) {
            assertThat(take(10, 3)).isZero();
        }
        assertThat(take(10, 3)).isPositive();
    }

    @Test
    void aLowerBurstAppliesAtOnceToATokenRichBucket() {
        take(1, 100);
        assertThat(take(1, 2)).isZero();
        assertThat(take(1, 2)).isZero();
        assertThat(take(1, 2)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void aClockMovedBackwardsRefillsNothingAndLosesNothing() {
        take(1, 2);
        now = now.minusSeconds(30);
        assertThat(take(1, 2)).isZero();
        assertThat(take(1, 2)).isPositive();
        now = now.plusSeconds(31);
        assertThat(take(1, 2)).isZero();
    }

    @Test
    void aGivenBackTokenCanBeTakenAgain() {
        take(0.01, 1);
        assertThat(take(0.01, 1)).isPositive();
        bucket.giveBack(1);
        assertThat(take(0.01, 1)).isZero();
    }
}
