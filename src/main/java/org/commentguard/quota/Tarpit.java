package org.commentguard.quota;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down the {@code 429} answers of a key that ignores {@code Retry-After}. A key refused again before the
 * time its last refusal told it to wait gets its next refusal only at that time (at most {@link #MAX_DELAY} later):
 * each of a hostile client's connections then sends one request per {@code Retry-After} instead of one as fast as it
 * can, and the service spends its CPU on other sites' comments rather than on answering refusals. A client that
 * waits as told is never delayed, and an admitted request never is.
 */
@ApplicationScoped
class Tarpit {

    static final Duration MAX_DELAY = Duration.ofSeconds(2);
    /** Past this many keys, those whose wait is over are forgotten before the next one is stored. */
    static final int SWEEP_ABOVE = 10_000;

    private final Map<UUID, Instant> retryAt = new ConcurrentHashMap<>();

    /**
     * Records that {@code key} was refused at {@code now} and told to retry after {@code retryAfterSeconds}; answers
     * how long to hold this refusal back (zero unless the key came back before its previous refusal's time).
     */
    Duration refused(UUID key, Instant now, long retryAfterSeconds) {
        Instant next = now.plusSeconds(retryAfterSeconds);
        if (retryAt.size() >= SWEEP_ABOVE) {
            retryAt.values().removeIf(at -> !at.isAfter(now));
        }
        Instant previous = retryAt.put(key, next);
        if (previous == null || !previous.isAfter(now)) {
            return Duration.ZERO;
        }
        Duration early = Duration.between(now, previous);
        Duration hold = early.compareTo(MAX_DELAY) < 0 ? early : MAX_DELAY;
        // The held answer's own Retry-After counts from when it is sent.
        retryAt.put(key, next.plus(hold));
        return hold;
    }

    int size() {
        return retryAt.size();
    }
}
