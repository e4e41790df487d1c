package org.commentguard.quota;

import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ConcurrencySlotsTest {

    private final ConcurrencySlots slots = new ConcurrencySlots();
    private final UUID site = UUID.randomUUID();

    @Test
    void noMoreThanTheLimitAreHeldAndAFreedSlotCanBeTakenAgain() {
        ConcurrencySlots.Slot first = slots.tryAcquire(site, 2);
        ConcurrencySlots.Slot second = slots.tryAcquire(site, 2);
        assertThat(first).isNotNull();
        assertThat(second).isNotNull();
        assertThat(slots.tryAcquire(site, 2)).isNull();
        assertThat(slots.tryAcquire(UUID.randomUUID(), 2)).as("another owner").isNotNull();
        first.close();
        first.close();
        assertThat(slots.inUse(site)).as("closing twice frees once").isEqualTo(1);
        assertThat(slots.tryAcquire(site, 2)).isNotNull();
    }

    @Test
    void aLoweredLimitRefusesNewRequestsUntilEnoughHaveFinished() {
        ConcurrencySlots.Slot a = slots.tryAcquire(site, 5);
        ConcurrencySlots.Slot b = slots.tryAcquire(site, 5);
        assertThat(slots.tryAcquire(site, 1)).isNull();
        a.close();
        assertThat(slots.tryAcquire(site, 1)).isNull();
        b.close();
        assertThat(slots.tryAcquire(site, 1)).isNotNull();
    }
}
