package org.commentguard.quota;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class TarpitTest {

    private static final Instant T0 = Instant.parse("2026-12-03T12:00:00Z");

    @Test
    void aKeyThatWaitsAsToldIsNeverHeldBack() {
        Tarpit tarpit = new Tarpit();
        UUID key = UUID.randomUUID();
        assertThat(tarpit.refused(key, T0, 1)).isZero();
        assertThat(tarpit.refused(key, T0.plusSeconds(1), 1)).isZero();
        assertThat(tarpit.refused(key, T0.plusSeconds(5), 1)).isZero();
    }

    @Test
    void aKeyThatComesBackEarlyGetsItsRefusalAtTheTimeItWasGiven() {
        Tarpit tarpit = new Tarpit();
        UUID key = UUID.randomUUID();
        assertThat(tarpit.refused(key, T0, 1)).isZero();
        // Back after 100 ms instead of 1 s: held until the second is over.
        assertThat(tarpit.refused(key, T0.plusMillis(100), 1)).isEqualTo(Duration.ofMillis(900));
        // That answer, sent at 1.0 s, says 1 s again: coming back at 1.1 s is early by 0.9 s.
        assertThat(tarpit.refused(key, T0.plusMillis(1100), 1)).isEqualTo(Duration.ofMillis(900));
    }

    @Test
    void theDelayIsBoundedAndPerKey() {
        Tarpit tarpit = new Tarpit();
        UUID hostile = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        tarpit.refused(hostile, T0, 60);
        assertThat(tarpit.refused(hostile, T0.plusMillis(1), 60)).isEqualTo(Tarpit.MAX_DELAY);
        assertThat(tarpit.refused(other, T0.plusMillis(1), 1)).isZero();
    }

    @Test
    void keysWhoseWaitIsOverAreSweptPastTheBound() {
        Tarpit tarpit = new Tarpit();
        for (int i = 0; i < Tarpit.SWEEP_ABOVE; i++) {
            tarpit.refused(UUID.randomUUID(), T0, 1);
        }
        tarpit.refused(UUID.randomUUID(), T0.plusSeconds(10), 1);
        assertThat(tarpit.size()).isEqualTo(1);
    }
}
