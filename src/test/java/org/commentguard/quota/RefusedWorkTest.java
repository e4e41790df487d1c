package org.commentguard.quota;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class RefusedWorkTest {

    private static final long CONFIGURED = Long.MAX_VALUE;
    private static final String BATCH = "ScoreResource#batch";

    /** A clock the test moves by hand. */
    private static final class HandClock extends Clock {
        Instant now = Instant.parse("2026-12-02T01:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final HandClock clock = new HandClock();
    private final RefusedWork refused = new RefusedWork(clock);
    private final UUID key = UUID.randomUUID();

    @Test
    void aBodyAtLeastAsLargeWithNoLongerADeadlineIsRefusedUntilTheQueueHasDrainedByTheOvershoot() {
        refused.refused(key, BATCH, 80_000, CONFIGURED, Duration.ofSeconds(4));
        assertThat(refused.stillRefused(key, BATCH, 80_000, CONFIGURED)).contains(Duration.ofSeconds(4));
        assertThat(refused.stillRefused(key, BATCH, 90_000, 500)).contains(Duration.ofSeconds(4));
        clock.now = clock.now.plusSeconds(3);
        assertThat(refused.stillRefused(key, BATCH, 80_000, CONFIGURED)).contains(Duration.ofSeconds(1));
        clock.now = clock.now.plusSeconds(1);
        assertThat(refused.stillRefused(key, BATCH, 80_000, CONFIGURED)).isEmpty();
    }

    @Test
    void smallerWorkALongerDeadlineAnotherKeyAndAnotherEndpointAreNotRefused() {
        refused.refused(key, BATCH, 80_000, 1000, Duration.ofSeconds(4));
        assertThat(refused.stillRefused(key, BATCH, 79_999, 1000)).isEmpty();
        assertThat(refused.stillRefused(key, BATCH, 80_000, 1001)).isEmpty();
        assertThat(refused.stillRefused(key, BATCH, 80_000, CONFIGURED)).isEmpty();
        assertThat(refused.stillRefused(UUID.randomUUID(), BATCH, 80_000, 1000)).isEmpty();
        assertThat(refused.stillRefused(key, "ScoreResource#score", 80_000, 1000)).isEmpty();
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
        assertThat(refused.stillRefused(key, BATCH, 80_000, CONFIGURED)).contains(RefusedWork.MAX_MEMORY);
    }

    @Test
    void theNewestRefusalReplacesTheOneBefore() {
        refused.refused(key, BATCH, 80_000, CONFIGURED, Duration.ofSeconds(20));
        refused.refused(key, BATCH, 100_000, CONFIGURED, Duration.ofSeconds(2));
        assertThat(refused.stillRefused(key, BATCH, 80_000, CONFIGURED)).isEmpty();
        assertThat(refused.stillRefused(key, BATCH, 100_000, CONFIGURED)).contains(Duration.ofSeconds(2));
    }
}
