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
    private long arrived = System.nanoTime();

    public RequestScoring(ScoringScheduler scheduler, CurrentCaller caller, QuotaConfig config,
                          HttpServerRequest request) {
        this.scheduler = scheduler;
        this.caller = caller;
        this.config = config;
        this.request = request;
    }

    /** Marks the request's arrival; the deadline counts from here (else from this bean's first use). */
    void arrived() {
        arrived = System.nanoTime();
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
        return scheduler.scoreAll(siteId, keyId, contexts, left.isNegative() ? Duration.ZERO : left);
    }

    private Duration deadline(Duration configured) {
        String header = request.getHeader(DEADLINE_HEADER);
        if (header == null) {
            return configured;
        }
        long millis;
        try {
            millis = Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            millis = -1;
        }
        if (millis < 1 || millis > MAX_HEADER_MILLIS) {
            throw new Rejected("invalid_deadline", "Bad request", DEADLINE_HEADER
                    + " must be a whole number of milliseconds between 1 and " + MAX_HEADER_MILLIS,
                    List.of(new Violation(DEADLINE_HEADER, "must be between 1 and " + MAX_HEADER_MILLIS)));
        }
        Duration asked = Duration.ofMillis(millis);
        return asked.compareTo(configured) < 0 ? asked : configured;
    }
}
