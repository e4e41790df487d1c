package org.commentguard.quota;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Refuses again, before its body is read, work that was just refused as too much for its deadline. When the
 * scheduler refuses a request at once ({@code 503 overloaded}) it knows by how much the estimate overshot the
 * deadline: until the queue has drained by that much, the same work cannot fit. For that long, a request of the same
 * key to the same endpoint whose body is at least as large and whose deadline is no longer is answered
 * {@code 503 overloaded} right after authentication. A client that ignores {@code Retry-After} and resends a
 * 100-comment batch every 100 ms then costs a header check per request, not reading, parsing and validating 80 kB
 * each time on the cores that score the other sites' comments.
 *
 * <p>Smaller requests, requests with a longer deadline, and other keys and endpoints are not affected, and nothing
 * is remembered longer than {@link #MAX_MEMORY}. Counted on this instance, like every quota.
 */
@ApplicationScoped
public class RefusedWork {

    static final Duration MAX_MEMORY = Duration.ofSeconds(30);

    private final Clock clock;
    private final Cache<Endpoint, Refusal> refusals = Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfterWrite(MAX_MEMORY)
            .build();

    public RefusedWork(Clock clock) {
        this.clock = clock;
    }

    private record Endpoint(UUID key, String endpoint) {}

    /**
     * @param deadlineMillis the deadline the client asked for ({@link RequestScoring#DEADLINE_HEADER}), or
     *                       {@link Long#MAX_VALUE} for the configured one
     */
    private record Refusal(Instant until, long bytes, long deadlineMillis) {}

    /**
     * Remembers that {@code key}'s request to {@code endpoint}, {@code bytes} long, was refused with an estimate
     * {@code overshoot} past its deadline. Nothing is remembered for a body of unknown length.
     */
    void refused(UUID key, String endpoint, long bytes, long deadlineMillis, Duration overshoot) {
        if (bytes <= 0 || overshoot.isNegative() || overshoot.isZero()) {
            return;
        }
        Duration memory = overshoot.compareTo(MAX_MEMORY) < 0 ? overshoot : MAX_MEMORY;
        refusals.put(new Endpoint(key, endpoint), new Refusal(clock.instant().plus(memory), bytes, deadlineMillis));
    }

    /**
     * How long a request of {@code key} to {@code endpoint}, {@code bytes} long (negative when unknown), with that
     * deadline would still be refused, if it would.
     */
    Optional<Duration> stillRefused(UUID key, String endpoint, long bytes, long deadlineMillis) {
        Refusal refusal = refusals.getIfPresent(new Endpoint(key, endpoint));
        if (refusal == null || bytes < refusal.bytes() || deadlineMillis > refusal.deadlineMillis()) {
            return Optional.empty();
        }
        Duration left = Duration.between(clock.instant(), refusal.until());
        return left.isNegative() || left.isZero() ? Optional.empty() : Optional.of(left);
    }
}
