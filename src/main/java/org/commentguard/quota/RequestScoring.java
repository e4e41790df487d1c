package org.commentguard.quota;

import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import org.commentguard.platform.failure.Rejected;
import org.commentguard.platform.failure.Violation;
import org.commentguard.scoring.ScoreResult;
import org.commentguard.scoring.ScoringContext;
import org.commentguard.site.Caller;
import org.commentguard.site.CurrentCaller;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * Scoring on behalf of the current API request: the caller's site and key, and the deadline of the endpoint kind,
 * tightened by the client's {@value #DEADLINE_HEADER} header when it asks for less. The deadline counts from the
 * request's arrival ({@link RateLimitFilter}), so time spent reading the body and authenticating is included.
 */
@RequestScoped
public class RequestScoring {

    /** Milliseconds the client is willing to wait for scoring; only ever shortens the configured deadline. */
    public static final String DEADLINE_HEADER = "X-Commentguard-Deadline-Ms";

    static final long MAX_HEADER_MILLIS = 3_600_000;

    private final ScoringScheduler scheduler;
    private final CurrentCaller caller;
    private final QuotaConfig config;
    private final HttpServerRequest request;
    private final RefusedWork refusedWork;
    private final QuotaMetrics metrics;
    private long arrived = System.nanoTime();
    /** The matched resource method, set before the body is read (null for callers without an API key). */
    private String endpoint;

    public RequestScoring(
            ScoringScheduler scheduler,
            CurrentCaller caller,
            QuotaConfig config,
            HttpServerRequest request,
            RefusedWork refusedWork,
            QuotaMetrics metrics) {
        this.scheduler = scheduler;
        this.caller = caller;
        this.config = config;
        this.request = request;
        this.refusedWork = refusedWork;
        this.metrics = metrics;
    }

    /** Marks the request's arrival; the deadline counts from here (else from this bean's first use). */
    void arrived() {
        arrived = System.nanoTime();
    }

    /**
     * Before the body is read: refuses at once ({@code 503 overloaded}) a request of {@code key} to {@code endpoint}
     * that {@link RefusedWork} says cannot fit yet, and remembers the endpoint for a refusal later on.
     */
    void beforeBody(UUID site, UUID key, String endpoint) {
        this.endpoint = endpoint;
        long asked = askedMillis(request.getHeader(DEADLINE_HEADER));
        if (asked < 0) {
            return; // a malformed deadline is answered 400 when the request is scored
        }
        refusedWork.stillRefused(key, endpoint, contentLength(), asked).ifPresent(left -> {
            metrics.refused(site, AdmissionRefusedException.OVERLOADED);
            throw AdmissionRefusedException.overloaded(
                    "A request of this key at least this large with no longer a "
                            + "deadline was just refused as more than the scoring queue can finish in time; retry in about "
                            + left.toMillis() + " ms",
                    left);
        });
    }

    /** One comment for a client waiting on it ({@code /api/v1/score}, Perspective analyze). */
    public ScoreResult one(ScoringContext context) {
        return run(List.of(context), config.deadline()).get(0);
    }

    /** The items of {@code /api/v1/score/batch}, each its own unit of work. */
    public List<ScoreResult> batch(List<ScoringContext> contexts) {
        return run(contexts, config.batchDeadline());
    }

    /**
     * The scoring step of ingestion or an edit for {@code siteId}; a refusal here comes before anything is stored.
     * The site is explicit because integrations that authenticate by signature (Coral) have no API-key caller.
     */
    public ScoreResult ingest(UUID siteId, ScoringContext context) {
        UUID keyId = caller.find().flatMap(Caller::keyId).orElse(null);
        return run(siteId, keyId, List.of(context), config.ingestDeadline()).get(0);
    }

    private List<ScoreResult> run(List<ScoringContext> contexts, Duration configured) {
        Caller c = caller.get();
        return run(c.site(), c.keyId().orElse(null), contexts, configured);
    }

    private List<ScoreResult> run(UUID siteId, UUID keyId, List<ScoringContext> contexts, Duration configured) {
        Duration left = deadline(configured).minusNanos(System.nanoTime() - arrived);
        try {
            return scheduler.scoreAll(siteId, keyId, contexts, left.isNegative() ? Duration.ZERO : left);
        } catch (AdmissionRefusedException e) {
            if (keyId != null && endpoint != null) {
                e.overshoot()
                        .ifPresent(overshoot -> refusedWork.refused(
                                keyId,
                                endpoint,
                                contentLength(),
                                askedMillis(request.getHeader(DEADLINE_HEADER)),
                                overshoot));
            }
            throw e;
        }
    }

    /** The request body's declared length, or -1 when unknown (chunked). */
    private long contentLength() {
        String length = request.getHeader("Content-Length");
        try {
            return length == null ? -1 : Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The deadline the client asked for in milliseconds, {@link Long#MAX_VALUE} for none, -1 when malformed. */
    static long askedMillis(String header) {
        if (header == null) {
            return Long.MAX_VALUE;
        }
        long millis;
        try {
            millis = Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
        return millis < 1 || millis > MAX_HEADER_MILLIS ? -1 : millis;
    }

    private Duration deadline(Duration configured) {
        long millis = askedMillis(request.getHeader(DEADLINE_HEADER));
        if (millis == Long.MAX_VALUE) {
            return configured;
        }
        if (millis < 0) {
            throw new Rejected(
                    "invalid_deadline",
                    "Bad request",
                    DEADLINE_HEADER + " must be a whole number of milliseconds between 1 and " + MAX_HEADER_MILLIS,
                    List.of(new Violation(DEADLINE_HEADER, "must be between 1 and " + MAX_HEADER_MILLIS)));
        }
        Duration asked = Duration.ofMillis(millis);
        return asked.compareTo(configured) < 0 ? asked : configured;
    }
}
