package org.commentguard.webhook;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A site's webhook receiver: URL, subscribed event types, (encrypted) signing secret and health. */
@Entity
@Table(name = "webhook_endpoint")
@NamedQueries({
    @NamedQuery(
            name = "WebhookEndpoint.subscribedOfSite",
            query = "from WebhookEndpoint e where e.siteId = ?1 and e.retiredAt is null"),
    @NamedQuery(
            name = "WebhookEndpoint.ofSite",
            query = "from WebhookEndpoint e where e.siteId = ?1 order by e.createdAt, e.id")
})
public class WebhookEndpoint extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "site_id", nullable = false)
    public UUID siteId;

    @Column(nullable = false)
    public String url;

    /** Comma-separated event types. */
    @Column(name = "event_types", nullable = false)
    String eventTypes;

    /** The signing secret as sealed by {@link SecretBox}; never leaves the service. */
    @Column(nullable = false)
    String secret;

    @Column(nullable = false)
    public boolean active;

    @Column(name = "consecutive_failures", nullable = false)
    public int consecutiveFailures;

    /** Start of the current failure streak; {@code null} while deliveries succeed. */
    @Column(name = "failing_since")
    public Instant failingSince;

    @Column(name = "disabled_at")
    public Instant disabledAt;

    @Column(name = "disabled_reason")
    public String disabledReason;

    @Column(name = "retired_at")
    public Instant retiredAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    protected WebhookEndpoint() {}

    WebhookEndpoint(
            UUID siteId, String url, List<String> eventTypes, String sealedSecret, Instant now, String createdBy) {
        this.id = UUID.randomUUID();
        this.siteId = siteId;
        this.url = url;
        this.eventTypes = String.join(",", eventTypes);
        this.secret = sealedSecret;
        this.active = true;
        this.createdAt = now;
        this.createdBy = createdBy;
    }

    public List<String> eventTypes() {
        return Arrays.asList(eventTypes.split(","));
    }

    public boolean subscribes(String eventType) {
        return eventTypes().contains(eventType);
    }

    /** Endpoints that still collect events: active ones and those disabled after failures, not deleted ones. */
    static List<WebhookEndpoint> subscribedOfSite(UUID siteId) {
        return find("#WebhookEndpoint.subscribedOfSite", siteId).list();
    }

    static List<WebhookEndpoint> ofSite(UUID siteId) {
        return find("#WebhookEndpoint.ofSite", siteId).list();
    }

    static Optional<WebhookEndpoint> ofSite(UUID siteId, UUID id) {
        return WebhookEndpoint.<WebhookEndpoint>findByIdOptional(id).filter(e -> e.siteId.equals(siteId));
    }

    /** A successful delivery resets the failure streak. */
    void succeeded() {
        consecutiveFailures = 0;
        failingSince = null;
    }

    /**
     * Counts a failed attempt. The endpoint is disabled only when the streak is both {@code limit} attempts long
     * and older than {@code period}: a burst of events during a short outage must not disable a healthy receiver.
     */
    void failed(int limit, java.time.Duration period, Instant now) {
        consecutiveFailures++;
        if (failingSince == null) {
            failingSince = now;
        }
        if (consecutiveFailures >= limit && !failingSince.plus(period).isAfter(now) && active) {
            active = false;
            disabledAt = now;
            disabledReason = consecutiveFailures + " consecutive failed deliveries since " + failingSince;
        }
    }

    /** Deletes the endpoint for good: nothing more is queued or sent. */
    void retire(String reason, Instant now) {
        active = false;
        retiredAt = now;
        disabledAt = now;
        disabledReason = reason;
    }

    /** Re-enables a disabled endpoint (its pending deliveries resume). */
    void enable() {
        active = true;
        consecutiveFailures = 0;
        failingSince = null;
        disabledAt = null;
        disabledReason = null;
    }
}
