package org.commentguard.webhook;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One event for one endpoint: the outbox row, and after delivery its log entry. */
@Entity
@Table(name = "webhook_delivery")
@NamedQueries({
    @NamedQuery(
            name = "WebhookDelivery.ofEndpoint",
            query = "from WebhookDelivery d where d.endpointId = ?1 " + "order by d.createdAt desc, d.id")
})
public class WebhookDelivery extends PanacheEntityBase {

    public enum Status {
        PENDING,
        DELIVERED,
        FAILED
    }

    @Id
    public UUID id;

    @Column(name = "endpoint_id", nullable = false)
    public UUID endpointId;

    @Column(name = "site_id", nullable = false)
    public UUID siteId;

    @Column(name = "event_id", nullable = false)
    public UUID eventId;

    @Column(name = "event_type", nullable = false)
    public String eventType;

    @Column(nullable = false)
    public String payload;

    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    public Instant nextAttemptAt;

    @Column(name = "lease_until")
    public Instant leaseUntil;

    @Column(name = "last_attempt_at")
    public Instant lastAttemptAt;

    @Column(name = "last_status")
    public Integer lastStatus;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "delivered_at")
    public Instant deliveredAt;

    protected WebhookDelivery() {}

    WebhookDelivery(WebhookEndpoint endpoint, UUID eventId, String eventType, String payload, Instant now) {
        this.id = UUID.randomUUID();
        this.endpointId = endpoint.id;
        this.siteId = endpoint.siteId;
        this.eventId = eventId;
        this.eventType = eventType;
        this.payload = payload;
        this.status = Status.PENDING;
        this.nextAttemptAt = now;
        this.createdAt = now;
    }

    static List<WebhookDelivery> ofEndpoint(UUID endpointId, int limit) {
        return find("#WebhookDelivery.ofEndpoint", endpointId).page(0, limit).list();
    }
}
