package org.commentguard.quota;

import org.commentguard.platform.failure.Failure;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A request refused to protect the service or the other sites: {@code 429 rate_limited} or
 * {@code 429 too_many_concurrent} (this caller is over its quota), {@code 503 overloaded} (the scoring queue could
 * not finish it within its deadline). The answer carries {@code Retry-After}.
 */
public class AdmissionRefusedException extends Failure {

    public static final String RATE_LIMITED = "rate_limited";
    public static final String TOO_MANY_CONCURRENT = "too_many_concurrent";
    public static final String OVERLOADED = "overloaded";

    private final long retryAfterSeconds;
    /** For a request refused at once as too much for its deadline: by how much the estimate overshot it. */
    private Duration overshoot;

    private AdmissionRefusedException(Kind kind, String code, String title, String detail, Duration retryAfter) {
        super(kind, code, title, detail, List.of());
        // Whole seconds (RFC 9110), rounded up, at least 1: "0" would invite an immediate retry storm.
        this.retryAfterSeconds = Math.max(1, Math.min(3600, (retryAfter.toMillis() + 999) / 1000));
    }

    static AdmissionRefusedException rateLimited(String who, double rate, Duration retryAfter) {
        return new AdmissionRefusedException(
                Kind.THROTTLED,
                RATE_LIMITED,
                "Too many requests",
                "This " + who
                        + " is limited to " + rate
                        + " requests per second on this instance; retry after the time given in "
                        + "Retry-After",
                retryAfter);
    }

    static AdmissionRefusedException tooManyConcurrent(String who, int limit) {
        return new AdmissionRefusedException(
                Kind.THROTTLED,
                TOO_MANY_CONCURRENT,
                "Too many requests",
                "This " + who + " already has " + limit + " scoring requests in progress on this instance",
                Duration.ofSeconds(1));
    }

    static AdmissionRefusedException overloaded(String detail, Duration retryAfter) {
        return new AdmissionRefusedException(Kind.UNAVAILABLE, OVERLOADED, "Service unavailable", detail, retryAfter);
    }

    /** Refused at once because the estimate ({@code retryAfter}) is {@code overshoot} past the deadline. */
    static AdmissionRefusedException tooLongForDeadline(String detail, Duration retryAfter, Duration overshoot) {
        AdmissionRefusedException e = overloaded(detail, retryAfter);
        e.overshoot = overshoot;
        return e;
    }

    /** By how much the estimate overshot the deadline, for a request refused at once for it; else empty. */
    Optional<Duration> overshoot() {
        return Optional.ofNullable(overshoot);
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
