package org.commentguard.webhook;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import java.time.Duration;
import java.util.Optional;

/** Webhook delivery settings ({@code commentguard.webhook.*}). */
@ConfigMapping(prefix = "commentguard.webhook")
public interface WebhookConfig {

    /** How often the dispatcher looks for due deliveries (a Quarkus scheduler interval such as {@code 2s}). */
    @WithDefault("2s")
    String dispatchInterval();

    /** Deliveries claimed per round by one instance. */
    @WithDefault("50")
    @Min(1)
    @Max(1000)
    int batchSize();

    /**
     * Endpoints one instance sends to at the same time. Each endpoint's deliveries go out in order on one worker,
     * so a receiver that is slow or hangs (up to {@link #requestTimeout()}) holds up only its own events.
     */
    @WithDefault("8")
    @Min(1)
    @Max(256)
    int endpointWorkers();

    /** First retry delay; each further failure doubles it, up to {@link #backoffMax()}. */
    @WithDefault("PT5S")
    Duration backoffBase();

    @WithDefault("PT1H")
    Duration backoffMax();

    /** A delivery claimed by an instance that died is retried after this lease. */
    @WithDefault("PT2M")
    Duration lease();

    /**
     * Consecutive failed attempts after which an endpoint is disabled (its deliveries wait until re-enabled),
     * provided the failures also span {@link #disableAfter()}.
     */
    @WithDefault("15")
    @Min(1)
    int disableAfterFailures();

    /** How long an endpoint must have been failing before it can be disabled. */
    @WithDefault("PT24H")
    Duration disableAfter();

    /** Attempts after which a single delivery is given up as FAILED. */
    @WithDefault("30")
    @Min(1)
    int maxAttempts();

    @WithDefault("PT10S")
    Duration requestTimeout();

    /**
     * Lets webhooks reach loopback and private networks (10/8, 172.16/12, 192.168/16, 100.64/10, fc00::/7), for
     * receivers on the operator's own premises. Off by default: in a multi-tenant deployment it lets every site
     * admin make the service call internal addresses. Link-local (cloud metadata), multicast, broadcast and
     * unspecified addresses stay refused even when it is on.
     */
    @WithDefault("false")
    boolean allowPrivateTargets();

    /**
     * Base64 AES key (16, 24 or 32 bytes) that encrypts signing secrets at rest. Without it secrets are stored
     * unencrypted (still never returned by the API) and start-up logs a warning.
     */
    Optional<String> encryptionKey();
}
