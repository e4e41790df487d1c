package org.commentguard.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.commentguard.audit.Acting;
import org.commentguard.audit.AuditLog;
import org.commentguard.audit.AuditRecord;
import org.commentguard.platform.Json;
import org.commentguard.platform.failure.Conflict;
import org.commentguard.platform.failure.Invalid;
import org.commentguard.platform.failure.NotFound;
import org.commentguard.platform.failure.Rejected;
import org.commentguard.platform.failure.Violation;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Registers webhook endpoints and writes events to the outbox. */
@ApplicationScoped
public class Webhooks {

    static final int MAX_ENDPOINTS_PER_SITE = 20;

    private final Clock clock;
    private final SecretBox box;
    private final AuditLog audit;
    private final WebhookTargetPolicy targets;
    private final SecureRandom random = new SecureRandom();

    public Webhooks(Clock clock, SecretBox box, AuditLog audit, WebhookTargetPolicy targets) {
        this.clock = clock;
        this.box = box;
        this.audit = audit;
        this.targets = targets;
    }

    /** A new endpoint and its signing secret, which exists in clear only in this value. */
    public record Registered(WebhookEndpoint endpoint, String secret) {}

    @Transactional
    public Registered register(UUID siteId, String url, List<String> eventTypes, Acting acting) {
        checkUrl(url);
        try {
            targets.checkRegistration(url);
        } catch (WebhookTargetForbiddenException e) {
            throw new Rejected(
                    "webhook_target_forbidden",
                    "Webhook target forbidden",
                    "url: " + e.getMessage(),
                    List.of(new Violation("url", e.getMessage())));
        }
        if (eventTypes == null || eventTypes.isEmpty()) {
            throw new Invalid("eventTypes", "must name at least one of " + WebhookEvents.ALL);
        }
        for (int i = 0; i < eventTypes.size(); i++) {
            if (!WebhookEvents.ALL.contains(eventTypes.get(i))) {
                throw new Invalid("eventTypes[" + i + "]", "must be one of " + WebhookEvents.ALL);
            }
        }
        if (WebhookEndpoint.subscribedOfSite(siteId).size() >= MAX_ENDPOINTS_PER_SITE) {
            throw new Conflict(
                    "too_many_webhooks",
                    "A site has at most " + MAX_ENDPOINTS_PER_SITE + " webhook endpoints; delete one first");
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String secret = "whsec_" + HexFormat.of().formatHex(bytes);
        WebhookEndpoint endpoint = new WebhookEndpoint(
                siteId,
                url.strip(),
                eventTypes.stream().distinct().toList(),
                box.seal(secret),
                clock.instant(),
                acting.actor());
        endpoint.persist();
        audit.append(new AuditRecord(
                siteId,
                null,
                null,
                null,
                acting,
                "webhook.created",
                null,
                Map.of("endpointId", endpoint.id.toString(), "url", endpoint.url, "eventTypes", endpoint.eventTypes()),
                null,
                null,
                null));
        return new Registered(endpoint, secret);
    }

    @Transactional
    public List<WebhookEndpoint> list(UUID siteId) {
        return WebhookEndpoint.ofSite(siteId);
    }

    @Transactional
    public WebhookEndpoint get(UUID siteId, UUID id) {
        return WebhookEndpoint.ofSite(siteId, id).orElseThrow(() -> new NotFound("Webhook " + id));
    }

    /** Re-enables an endpoint that was disabled after failures; its waiting deliveries go out again. */
    @Transactional
    public WebhookEndpoint enable(UUID siteId, UUID id, Acting acting) {
        WebhookEndpoint endpoint = get(siteId, id);
        if (endpoint.retiredAt != null) {
            throw new Conflict("webhook_deleted", "Webhook " + id + " was deleted; register a new one");
        }
        endpoint.enable();
        audit.append(new AuditRecord(
                siteId,
                null,
                null,
                null,
                acting,
                "webhook.enabled",
                null,
                Map.of("endpointId", id.toString()),
                null,
                null,
                null));
        return endpoint;
    }

    /** Deletes an endpoint for good; nothing more is queued for it or delivered to it. */
    @Transactional
    public WebhookEndpoint delete(UUID siteId, UUID id, Acting acting) {
        WebhookEndpoint endpoint = get(siteId, id);
        endpoint.retire("deleted by " + acting.actor(), clock.instant());
        audit.append(new AuditRecord(
                siteId,
                null,
                null,
                null,
                acting,
                "webhook.deleted",
                null,
                Map.of("endpointId", id.toString()),
                null,
                null,
                null));
        return endpoint;
    }

    @Transactional
    public List<WebhookDelivery> deliveries(UUID siteId, UUID id, int limit) {
        get(siteId, id);
        return WebhookDelivery.ofEndpoint(id, limit);
    }

    /**
     * Writes {@code eventType} with {@code data} to the outbox of every active endpoint of the site that
     * subscribes to it. Must run in the transaction that produced the event: the event exists exactly when the
     * change does.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(UUID siteId, String eventType, Map<String, Object> data) {
        // Endpoints disabled after failures still collect events: they get every one once re-enabled.
        List<WebhookEndpoint> endpoints = WebhookEndpoint.subscribedOfSite(siteId).stream()
                .filter(e -> e.subscribes(eventType))
                .toList();
        if (endpoints.isEmpty()) {
            return;
        }
        UUID eventId = UUID.randomUUID();
        Instant now = clock.instant();
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("id", eventId.toString());
        envelope.put("type", eventType);
        envelope.put("createdAt", now.toString());
        envelope.put("siteId", siteId.toString());
        envelope.put("data", data);
        String payload = Json.write(envelope);
        for (WebhookEndpoint endpoint : endpoints) {
            new WebhookDelivery(endpoint, eventId, eventType, payload, now).persist();
        }
    }

    String secretOf(WebhookEndpoint endpoint) {
        return box.open(endpoint.secret);
    }

    private static void checkUrl(String url) {
        if (url == null || url.isBlank() || url.length() > 2000) {
            throw new Invalid("url", "must be an http(s) URL of at most 2000 characters");
        }
        try {
            URI uri = URI.create(url.strip());
            // The authority, not getHost(): URI has no host for spellings like 127.1, which the target policy
            // must see and refuse with its own reason.
            if (uri.getRawAuthority() == null
                    || !("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))) {
                throw new Invalid("url", "must be an absolute http(s) URL");
            }
        } catch (IllegalArgumentException e) {
            throw new Invalid("url", "must be an absolute http(s) URL");
        }
    }
}
