package org.commentguard.quota;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import java.time.Duration;
import java.util.OptionalInt;

/**
 * Service-wide quota and scheduling defaults ({@code commentguard.quota.*}). A site's stored overrides
 * ({@code PUT /api/v1/sites/{id}/quota}) are laid over the quota fields by {@link SiteQuotas}; the scheduling
 * fields are per instance only. Every limit counts on one instance (see README, Quotas, deadlines and shedding).
 */
@ConfigMapping(prefix = "commentguard.quota")
public interface QuotaConfig {

    /**
     * Requests per second one site may send to this instance, all its keys together. One instance scores about
     * 150 comments/s at best on two cores, so 100/s leaves room for the other sites' traffic.
     */
    @WithDefault("100")
    @DecimalMin("0.01")
    double siteRequestsPerSecond();

    /** Requests a site may send at once above its rate (the token bucket's size). */
    @WithDefault("200")
    @Min(1)
    int siteBurst();

    /** Scoring requests of one site in progress at once on this instance (a batch counts once). */
    @WithDefault("16")
    @Min(1)
    @Max(10_000)
    int siteMaxConcurrent();

    /** Requests per second of one key: half the site's, so one leaked or runaway key cannot use up the site's. */
    @WithDefault("50")
    @DecimalMin("0.01")
    double keyRequestsPerSecond();

    @WithDefault("100")
    @Min(1)
    int keyBurst();

    @WithDefault("8")
    @Min(1)
    @Max(10_000)
    int keyMaxConcurrent();

    /**
     * Deadline of a single-comment scoring request ({@code /api/v1/score}, Perspective's analyze). Coral gives
     * Perspective 800 ms including the network and its own work; 500 ms leaves it 300 ms of that.
     */
    @WithDefault("PT0.5S")
    Duration deadline();

    /**
     * Deadline of {@code /api/v1/score/batch}: 100 comments of 770 characters cost about 11 s of CPU, about 5.5 s
     * on two idle cores; while other sites share the workers, large batches are the first to be shed.
     */
    @WithDefault("PT10S")
    Duration batchDeadline();

    /**
     * Deadline of the scoring step of {@code POST /api/v1/comments} and edits. Ingestion clients (site backends)
     * wait seconds, not Coral's 800 ms; a shed comment is answered 503 before anything is stored.
     */
    @WithDefault("PT5S")
    Duration ingestDeadline();

    /**
     * How long past its deadline a request waits for comments that are already being scored when the deadline
     * passes (work still waiting is dropped at the deadline). Their CPU is spent either way; with the 500 ms
     * {@link #deadline()} the answer still comes within Coral's 800 ms.
     */
    @WithDefault("PT0.25S")
    Duration runningGrace();

    /**
     * Scoring worker threads; default: one per core plus two. The workers beyond {@link #cores()} are spare: a
     * flood fills the cores, and a quiet site's comments (up to one per spare worker, such as its {@code /score} and
     * {@code /comments} arriving together) start at once on them instead of waiting for the flood's comments to
     * finish (scoring a comment cannot be interrupted).
     */
    OptionalInt workers();

    /**
     * Comments scored at once by sites that are already scoring; default: the available processors (at most
     * {@link #workers()}). Beyond it, a site starts a comment only on a spare worker: when it has none being scored,
     * or when it has fewer being scored than there are spare workers and only this one waiting. One site alone fills
     * every core.
     */
    OptionalInt cores();

    /** Comments waiting for a scoring worker, all sites together; beyond it new work is refused at once (503). */
    @WithDefault("2000")
    @Min(1)
    int maxQueuedItems();

    /** How long an instance uses a site's overrides before reading them again (another instance may change them). */
    @WithDefault("PT10S")
    Duration overrideRefresh();
}
