package org.commentguard.quota;

import org.commentguard.comment.MutableTestClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class RefusedWorkTest {

    private static final long CONFIGURED = Long.MAX_VALUE;
    private static final String BATCH = "ScoreResource#batch";

    /** Real time that the test moves forward by hand. */
    private final MutableTestClock clock = new MutableTestClock();

    private final RefusedWork refused = new RefusedWork(clock);
    private final UUID key = UUID.randomUUID();

    @Test
    void aBodyAtLeastAsLargeWithNoLongerADeadlineIsRefusedUntilTheQueueHasDrainedByTheOvershoot() {
        refused.refused(key, BATCH, 80_000, CONFIGURED, Duration.ofSeconds(4));
        assertThat(refused.stillRefused(key, BATCH, 80_000, CONFIGURED)).isPresent();
        assertThat(refused.stillRefused(key, BATCH, 90_000, 500)).isPresent();
        clock.advance(Duration.ofSeconds(3));
        assertThat(refused.stillRefused(key, BATCH, 80_000, CONFIGURED))
                .hasValueSatisfying(left -> assertThat(left).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(1)));
        clock.advance(Duration.ofSeconds(1));
        assertThat(refused.stillRefused(key, BATCH, 80_000, CONFIGURED)).isEmpty();
    }

    @Test
    void smallerWorkALongerDeadlineAnotherKeyAndAnotherEndpointAreNotRefused() {
        refused.refused(key, BATCH, 80_000, 1000, Duration.ofSeconds(4));
        assertThat(refused.stillRefused(key, BATCH, 79_999, 1000)).isEmpty();
        assertThat(refused.stillRefused(key, BATCH, 80_000, 1001)).isEmpty();
        assertThat(refused.stillRefused(key, BATCH, 80_000, CONFIGURED)).isEmpty();
        assertThat(refused.stillRefused(UUID.randomUUID(), BATCH, 80_000, 1000)).isEmpty();
        assertThat(refused.stillRefused(key, "ScoreResource#score", 80_000, 1000))
                .isEmpty();
    }

    @Test
    void aBodyOfUnknownLengthIsNeitherRememberedNorRefused() {
        refused.refused(key, BATCH, -1, CONFIGURED, Duration.ofSeconds(4));
        assertThat(refused.stillRefused(key, BATCH, 80_000, CONFIGURED)).isEmpty();
        refused.refused(key, BATCH, 80_000, CONFIGURED, Duration.ofSeconds(4));
        assertThat(refused.stillRefused(key, BATCH, -1, CONFIGURED)).isEmpty();
    }

    @Test
    void nothingIsRememberedLongerThanThirtySeconds() {
        refused.refused(key, BATCH, 80_000, CONFIGURED, Duration.ofMinutes(10));
        assertThat(refused.stillRefused(key, BATCH, 80_000, CONFIGURED))
                .hasValueSatisfying(left -> assertThat(left).isLessThanOrEqualTo(RefusedWork.MAX_MEMORY));
        clock.advance(RefusedWork.MAX_MEMORY);
        assertThat(refused.stillRefused(key, BATCH, 80_000, CONFIGURED)).isEmpty();
    }

    @Test
    void theNewestRefusalReplacesTheOneBefore() {
        refused.refused(key, BATCH, 80_000, CONFIGURED, Duration.ofSeconds(20));
        refused.refused(key, BATCH, 100_000, CONFIGURED, Duration.ofSeconds(2));
        assertThat(refused.stillRefused(key, BATCH, 80_000, CONFIGURED)).isEmpty();
        assertThat(refused.stillRefused(key, BATCH, 100_000, CONFIGURED)).isPresent();
    }
}
