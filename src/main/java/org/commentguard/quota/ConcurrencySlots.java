package org.commentguard.quota;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Scoring requests in progress per site and per key on this instance. Counters rather than semaphores, so a
 * changed limit applies to the next request without rebuilding anything.
 */
final class ConcurrencySlots {

    private final Map<UUID, AtomicInteger> inUse = new ConcurrentHashMap<>();

    /** A held slot; closing it frees it (exactly once). */
    interface Slot extends AutoCloseable {
        @Override
        void close();
    }

    /** Takes a slot of {@code owner}, or answers null when {@code limit} are already taken. */
    Slot tryAcquire(UUID owner, int limit) {
        AtomicInteger count = inUse.computeIfAbsent(owner, k -> new AtomicInteger());
        if (count.incrementAndGet() > limit) {
            count.decrementAndGet();
            return null;
        }
        java.util.concurrent.atomic.AtomicBoolean open = new java.util.concurrent.atomic.AtomicBoolean(true);
        return () -> {
            if (open.compareAndSet(true, false)) {
                count.decrementAndGet();
            }
        };
    }

    int inUse(UUID owner) {
        AtomicInteger count = inUse.get(owner);
        return count == null ? 0 : count.get();
    }
}
