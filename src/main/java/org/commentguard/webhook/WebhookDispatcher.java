package org.commentguard.webhook;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.vertx.core.MultiMap;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * Sends due outbox rows. Rows are claimed with {@code FOR UPDATE SKIP LOCKED} and a lease, so any number of
 * instances can run the dispatcher without sending a row twice; the HTTP call happens outside any transaction.
 * A claimed batch is sent one endpoint per worker: an endpoint's rows go out in order, one at a time, while
 * different endpoints (different sites) are sent in parallel, so a slow or hanging receiver delays only its own
 * events and never another site's.
 */
@ApplicationScoped
public class WebhookDispatcher {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);
    private static final String CLAIM = "UPDATE webhook_delivery d SET lease_until = ?1 FROM ("
            + " SELECT w.id FROM webhook_delivery w JOIN webhook_endpoint e ON e.id = w.endpoint_id"
            + " WHERE w.status = 'PENDING' AND w.next_attempt_at <= ?2"
            + " AND (w.lease_until IS NULL OR w.lease_until < ?2) AND e.active"
            + " ORDER BY w.next_attempt_at, w.created_at LIMIT ?3 FOR UPDATE OF w SKIP LOCKED) due"
            + " WHERE d.id = due.id RETURNING d.id, d.endpoint_id, d.next_attempt_at, d.created_at";

    private final WebhookConfig config;
    private final Webhooks webhooks;
    private final Clock clock;
    private final WebhookTargetPolicy targets;
    private final WebhookSender sender;
    private final ExecutorService workers;

    public WebhookDispatcher(
            WebhookConfig config, Webhooks webhooks, Clock clock, WebhookTargetPolicy targets, WebhookSender sender) {
        this.config = config;
        this.webhooks = webhooks;
        this.clock = clock;
        this.targets = targets;
        this.sender = sender;
        AtomicInteger n = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(config.endpointWorkers(), r -> {
            Thread t = new Thread(r, "webhook-sender-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @PreDestroy
    void close() {
        workers.shutdownNow();
    }

    @Scheduled(
            every = "${commentguard.webhook.dispatch-interval:2s}",
            delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            dispatchDue();
        } catch (RuntimeException e) {
            LOG.warnf(e, "Webhook dispatch round failed; it is retried on the next round");
        }
    }

    /**
     * Claims and sends one batch of due deliveries, and returns once every claimed row has been attempted;
     * answers how many were attempted.
     */
    public int dispatchDue() {
        Instant now = clock.instant();
        @SuppressWarnings("unchecked")
        List<Object[]> claimed = QuarkusTransaction.requiringNew()
                .call(() -> WebhookDelivery.getEntityManager()
                        .createNativeQuery(CLAIM)
                        .setParameter(1, now.plus(config.lease()))
                        .setParameter(2, now)
                        .setParameter(3, config.batchSize())
                        .getResultList());
        // RETURNING gives no order: restore the claim's order (due time, then age) within each endpoint.
        Map<Object, List<Object[]>> byEndpoint = claimed.stream()
                .sorted(Comparator.comparing((Object[] row) -> column(row[2])).thenComparing(row -> column(row[3])))
                .collect(Collectors.groupingBy(row -> row[1], LinkedHashMap::new, Collectors.toList()));
        List<Callable<Void>> sends = new ArrayList<>();
        for (List<Object[]> rows : byEndpoint.values()) {
            sends.add(() -> {
                for (Object[] row : rows) {
                    attemptSafely((UUID) row[0]);
                }
                return null;
            });
        }
        try {
            workers.invokeAll(sends);
        } catch (InterruptedException e) {
            // Rows not attempted keep their lease and are retried after it expires.
            Thread.currentThread().interrupt();
        }
        return claimed.size();
    }

    /** A timestamp column as the driver returned it; both rows of a comparison come from the same column. */
    @SuppressWarnings("unchecked")
    private static Comparable<Object> column(Object value) {
        return (Comparable<Object>) value;
    }

    private void attemptSafely(UUID deliveryId) {
        try {
            attempt(deliveryId);
        } catch (RuntimeException e) {
            // One row's database failure must not stop the endpoint's other rows; this row is retried after its lease.
            LOG.warnf(e, "Webhook delivery %s could not be attempted; it is retried after its lease", deliveryId);
        }
    }

    private record Prepared(String url, String secret, String eventType, String payload) {}

    private void attempt(UUID deliveryId) {
        Prepared p = QuarkusTransaction.requiringNew().call(() -> {
            WebhookDelivery d = WebhookDelivery.findById(deliveryId);
            WebhookEndpoint e = WebhookEndpoint.findById(d.endpointId);
            return new Prepared(e.url, webhooks.secretOf(e), d.eventType, d.payload);
        });
        long timestamp = clock.instant().getEpochSecond();
        Integer status = null;
        String error = null;
        try {
            // Resolved and checked for this attempt: what the name answered at registration proves nothing now.
            WebhookTargetPolicy.PinnedTarget target = targets.pin(p.url());
            MultiMap headers = MultiMap.caseInsensitiveMultiMap()
                    .add("Content-Type", "application/json")
                    .add("User-Agent", "Commentguard-Webhooks/1")
                    .add("Commentguard-Event", p.eventType())
                    .add("Commentguard-Delivery", deliveryId.toString())
                    .add(WebhookSigner.TIMESTAMP_HEADER, Long.toString(timestamp))
                    .add(WebhookSigner.SIGNATURE_HEADER, WebhookSigner.sign(p.secret(), timestamp, p.payload()));
            status = sender.post(target, headers, p.payload());
            if (status >= 300 && status < 400) {
                error = "HTTP " + status + " (redirects are not followed)";
            } else if (status < 200 || status >= 300) {
                error = "HTTP " + status;
            }
        } catch (WebhookTargetForbiddenException e) {
            error = "target forbidden: " + e.getMessage();
        } catch (UnknownHostException e) {
            error = "host not found: " + e.getMessage();
        } catch (IOException e) {
            error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted";
        }
        record(deliveryId, status, error);
    }

    private void record(UUID deliveryId, Integer status, String error) {
        QuarkusTransaction.requiringNew().run(() -> {
            WebhookDelivery d = WebhookDelivery.findById(deliveryId);
            WebhookEndpoint e = WebhookEndpoint.findById(d.endpointId);
            Instant now = clock.instant();
            d.attempts++;
            d.lastAttemptAt = now;
            d.lastStatus = status;
            d.leaseUntil = null;
            if (error == null) {
                d.status = WebhookDelivery.Status.DELIVERED;
                d.deliveredAt = now;
                d.lastError = null;
                e.succeeded();
                return;
            }
            d.lastError = error.length() > 500 ? error.substring(0, 500) : error;
            if (d.attempts >= config.maxAttempts()) {
                d.status = WebhookDelivery.Status.FAILED;
            } else {
                d.nextAttemptAt = now.plus(backoff(d.attempts));
            }
            e.failed(config.disableAfterFailures(), config.disableAfter(), now);
            LOG.debugf(
                    "Webhook delivery %s to endpoint %s failed (attempt %d): %s", d.id, e.id, d.attempts, d.lastError);
        });
    }

    /**
     * Exponential backoff: base, 2×base, 4×base … capped, with up to 10% jitter so that instances and
     * endpoints recovering together do not retry in lockstep.
     */
    Duration backoff(int attempts) {
        long base = config.backoffBase().toMillis();
        long max = config.backoffMax().toMillis();
        long delay = attempts >= 40 ? max : Math.min(max, base << Math.min(attempts - 1, 40));
        return Duration.ofMillis(delay + ThreadLocalRandom.current().nextLong(delay / 10 + 1));
    }
}
