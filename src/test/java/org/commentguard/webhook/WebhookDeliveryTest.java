package org.commentguard.webhook;

import com.sun.net.httpserver.HttpServer;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.commentguard.comment.Moderation;
import org.commentguard.comment.MutableTestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.commentguard.testing.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
class WebhookDeliveryTest {

    @Inject
    WebhookDispatcher dispatcher;

    @Inject
    MutableTestClock clock;

    @Inject
    AgroalDataSource db;

    HttpServer receiver;
    final List<Received> received = new CopyOnWriteArrayList<>();
    final AtomicBoolean down = new AtomicBoolean();

    record Received(int answered, String timestamp, String signature, String event, String body) {
        Map<String, Object> json() {
            return io.restassured.path.json.JsonPath.from(body).getMap("$");
        }
    }

    @BeforeEach
    void start() throws IOException {
        Moderation.useMarkerScorer();
        // The receiver listens on loopback, which only an operator's opt-in opens.
        WebhookTargets.allowPrivateTargetsForThisTest();
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int status = down.get() ? 503 : 200;
            received.add(new Received(
                    status,
                    exchange.getRequestHeaders().getFirst("Commentguard-Timestamp"),
                    exchange.getRequestHeaders().getFirst("Commentguard-Signature"),
                    exchange.getRequestHeaders().getFirst("Commentguard-Event"),
                    body));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stop() {
        receiver.stop(0);
        clock.reset();
    }

    String url() {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
    }

    static String register(Moderation.TestSite site, String url, List<String> types, String[] secret) {
        var r = as(site.admin())
                .body(Map.of("url", url, "eventTypes", types))
                .post("/api/v1/webhooks")
                .then()
                .statusCode(201)
                .body("secret", startsWith("whsec_"))
                .extract();
        secret[0] = r.path("secret");
        return r.path("endpoint.id");
    }

    /**
     * Runs dispatch rounds until {@code done} holds. The dispatcher is global: rounds also carry other test
     * classes' leftover deliveries, so this waits on a generous deadline rather than a round count.
     */
    void dispatchUntil(BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!done.getAsBoolean() && System.nanoTime() < deadline) {
            dispatcher.dispatchDue();
            Thread.sleep(50);
        }
        assertThat(done.getAsBoolean())
                .as("dispatch finished; deliveries still pending everywhere: %s", pending())
                .isTrue();
    }

    /** Every delivery not yet delivered, of any site, with its last answer: what a failed wait was waiting on. */
    List<String> pending() {
        List<String> rows = new java.util.ArrayList<>();
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT d.status,"
                        + " d.attempts, d.last_status, d.last_error, d.next_attempt_at, d.lease_until, e.url, e.active"
                        + " FROM webhook_delivery d JOIN webhook_endpoint e ON e.id = d.endpoint_id"
                        + " WHERE d.status <> 'DELIVERED' ORDER BY d.created_at DESC LIMIT 30");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rows.add(rs.getString(1) + " attempts=" + rs.getInt(2) + " status=" + rs.getObject(3) + " error="
                        + rs.getString(4) + " next=" + rs.getObject(5) + " lease=" + rs.getObject(6) + " url="
                        + rs.getString(7) + " active=" + rs.getBoolean(8));
            }
        } catch (java.sql.SQLException e) {
            rows.add("could not read: " + e.getMessage());
        }
        rows.add("clock=" + clock.instant());
        return rows;
    }

    /** Waits, without dispatching, until {@code condition} holds. */
    static void awaitTrue(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(condition.getAsBoolean()).as(what).isTrue();
    }

    /**
     * Whether every delivery row of the endpoint is DELIVERED. A row is marked so only after the receiver has
     * answered, so once this holds nothing is in flight, and without new events nothing more can be sent.
     */
    static boolean allDelivered(Moderation.TestSite site, String endpoint) {
        List<String> statuses = as(site.admin())
                .get("/api/v1/webhooks/" + endpoint + "/deliveries")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("status");
        return !statuses.isEmpty() && statuses.stream().allMatch("DELIVERED"::equals);
    }

    @Test
    void everyEventArrivesSignedAndExactlyOnceAfterTheReceiverWasDown() throws Exception {
        Moderation.TestSite site = Moderation.newSite();
        String[] secret = new String[1];
        String endpoint = register(site, url(), WebhookEvents.ALL, secret);
        down.set(true);
        site.comment("u", "fine");
        String queued = site.comment("u", "hmm {toxicity=0.8}");
        site.comment("u", "awful {toxicity=0.99}");
        String item = as(site.moderator()).get("/api/v1/queue").then().extract().path("items[0].id");
        as(site.moderator())
                .body(Map.of("action", "approve", "reason", "acceptable"))
                .post("/api/v1/queue/" + item + "/decision")
                .then()
                .statusCode(200);
        as(site.moderator())
                .body(Map.of("action", "ban", "reason", "spam"))
                .post("/api/v1/authors/u")
                .then()
                .statusCode(200);
        // published, queued, rejected, decided, published (approval), sanctioned
        int events = 6;
        dispatchUntil(() -> received.size() >= events);
        as(site.admin())
                .get("/api/v1/webhooks/" + endpoint + "/deliveries")
                .then()
                .statusCode(200)
                .body("", hasSize(events))
                .body("status.unique()", equalTo(List.of("PENDING")))
                .body("[0].lastStatus", equalTo(503))
                .body("[0].attempts", equalTo(1))
                .body("[0].nextAttemptAt", notNullValue());

        down.set(false);
        clock.advance(Duration.ofHours(2));
        dispatchUntil(() -> allDelivered(site, endpoint));
        // Nothing is sent again once delivered.
        clock.advance(Duration.ofHours(2));
        dispatcher.dispatchDue();

        List<Received> accepted =
                received.stream().filter(r -> r.answered() == 200).toList();
        assertThat(accepted).hasSize(events);
        assertThat(accepted.stream().map(r -> r.json().get("id")).distinct()).hasSize(events);
        assertThat(accepted.stream().map(Received::event))
                .containsExactlyInAnyOrder(
                        "comment.published",
                        "comment.queued",
                        "comment.rejected",
                        "comment.decided",
                        "comment.published",
                        "author.sanctioned");
        for (Received r : accepted) {
            assertThat(WebhookSigner.verify(secret[0], Long.parseLong(r.timestamp()), r.body(), r.signature()))
                    .as("signature of %s", r.event())
                    .isTrue();
            assertThat(r.json().get("type")).isEqualTo(r.event());
            assertThat(r.json().get("siteId")).isEqualTo(site.id());
        }
        Map<String, Object> decided = accepted.stream()
                .filter(r -> r.event().equals("comment.decided"))
                .findFirst()
                .orElseThrow()
                .json();
        assertThat(((Map<?, ?>) decided.get("data")).get("commentId")).isEqualTo(queued);
        assertThat(((Map<?, ?>) decided.get("data")).get("action")).isEqualTo("approve");
        as(site.admin())
                .get("/api/v1/webhooks/" + endpoint + "/deliveries")
                .then()
                .body("status.unique()", equalTo(List.of("DELIVERED")))
                .body("[0].attempts", equalTo(2));
    }

    @Test
    void aReceiverThatHangsHoldsUpOnlyItsOwnEndpoint() throws Exception {
        // Site H's receiver, a server of its own, accepts the request and then does not answer until released.
        CountDownLatch hanging = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        HttpServer hangingServer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        hangingServer.createContext("/hang", exchange -> {
            exchange.getRequestBody().readAllBytes();
            hanging.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        hangingServer.start();
        ExecutorService round = Executors.newSingleThreadExecutor();
        try {
            Moderation.TestSite slow = Moderation.newSite();
            Moderation.TestSite other = Moderation.newSite();
            String[] secret = new String[1];
            String slowEndpoint = register(
                    slow,
                    "http://127.0.0.1:" + hangingServer.getAddress().getPort() + "/hang",
                    List.of("comment.published"),
                    secret);
            String otherEndpoint = register(other, url(), List.of("comment.published"), secret);
            slow.comment("u", "fine");
            other.comment("u", "fine");

            Future<Integer> dispatching = round.submit(dispatcher::dispatchDue);
            assertThat(hanging.await(60, TimeUnit.SECONDS))
                    .as("the hanging receiver was reached")
                    .isTrue();
            // While H's receiver still holds its request (whichever round claimed it: this one or the scheduled
            // one), the other site's event goes out.
            awaitTrue("other site delivered during the hang", () -> allDelivered(other, otherEndpoint));
            assertThat(release.getCount()).isEqualTo(1);

            release.countDown();
            dispatching.get(60, TimeUnit.SECONDS);
            awaitTrue("hanging site delivered once released", () -> allDelivered(slow, slowEndpoint));
        } finally {
            release.countDown();
            round.shutdownNow();
            hangingServer.stop(0);
        }
    }

    @Test
    void dispatchersRunningConcurrentlyDeliverEachEventOnce() throws Exception {
        Moderation.TestSite site = Moderation.newSite();
        String[] secret = new String[1];
        String endpoint = register(site, url(), List.of("comment.published"), secret);
        for (int i = 0; i < 12; i++) {
            site.comment("u" + i, "comment " + i);
        }
        // Four "instances" dispatch at once; SKIP LOCKED and the lease keep them off each other's rows.
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<Integer>> rounds = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                rounds.add(pool.submit(() -> {
                    start.await();
                    return dispatcher.dispatchDue();
                }));
            }
            start.countDown();
            for (var f : rounds) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        dispatchUntil(() -> allDelivered(site, endpoint));
        // Every row delivered in one attempt, and the receiver saw each event once: no row was sent twice.
        as(site.admin())
                .get("/api/v1/webhooks/" + endpoint + "/deliveries")
                .then()
                .body("", hasSize(12))
                .body("attempts.unique()", equalTo(List.of(1)));
        assertThat(received).hasSize(12);
        assertThat(received.stream().map(r -> r.json().get("id")).distinct()).hasSize(12);
    }

    @Test
    void endpointOnlyGetsTheEventTypesItSubscribedTo() throws Exception {
        Moderation.TestSite site = Moderation.newSite();
        String[] secret = new String[1];
        String endpoint = register(site, url(), List.of("comment.rejected"), secret);
        site.comment("u", "fine");
        site.comment("u", "awful {toxicity=0.99}");
        // The published comment's event is never queued for this endpoint: its outbox holds the rejection only.
        as(site.admin())
                .get("/api/v1/webhooks/" + endpoint + "/deliveries")
                .then()
                .body("eventType", equalTo(List.of("comment.rejected")));
        dispatchUntil(() -> allDelivered(site, endpoint));
        assertThat(received).extracting(Received::event).containsExactly("comment.rejected");
    }

    @Test
    void endpointIsDisabledAfterRepeatedFailuresKeepsCollectingEventsAndGetsThemAllWhenReenabled() throws Exception {
        Moderation.TestSite site = Moderation.newSite();
        String[] secret = new String[1];
        String endpoint = register(site, url(), List.of("comment.published"), secret);
        down.set(true);
        site.comment("u", "before the outage was noticed");
        for (int i = 0; i < 10; i++) {
            dispatcher.dispatchDue();
            clock.advance(Duration.ofHours(2));
        }
        as(site.admin())
                .get("/api/v1/webhooks/" + endpoint)
                .then()
                .statusCode(200)
                .body("active", equalTo(false))
                .body("consecutiveFailures", equalTo(5))
                .body("disabledReason", notNullValue());
        as(site.admin())
                .get("/api/v1/webhooks/" + endpoint + "/deliveries")
                .then()
                .body("[0].status", equalTo("PENDING"))
                .body("[0].attempts", equalTo(5))
                .body("[0].lastError", equalTo("HTTP 503"));
        site.comment("u", "while disabled");
        int attemptsWhileDisabled = received.size();
        dispatcher.dispatchDue();
        assertThat(received).hasSize(attemptsWhileDisabled);

        down.set(false);
        as(site.admin())
                .post("/api/v1/webhooks/" + endpoint + "/enable")
                .then()
                .statusCode(200)
                .body("active", equalTo(true))
                .body("consecutiveFailures", equalTo(0));
        clock.advance(Duration.ofHours(6));
        dispatchUntil(() -> received.stream().filter(r -> r.answered() == 200).count() >= 2);
        assertThat(received.stream()
                        .filter(r -> r.answered() == 200)
                        .map(r -> r.json().get("id"))
                        .distinct())
                .hasSize(2);
    }

    @Test
    void deletedEndpointGetsNothingMoreAndCannotBeReenabled() {
        Moderation.TestSite site = Moderation.newSite();
        String[] secret = new String[1];
        String endpoint = register(site, url(), List.of("comment.published"), secret);
        as(site.admin())
                .delete("/api/v1/webhooks/" + endpoint)
                .then()
                .statusCode(200)
                .body("deleted", equalTo(true))
                .body("active", equalTo(false));
        site.comment("u", "after deletion");
        as(site.admin())
                .get("/api/v1/webhooks/" + endpoint + "/deliveries")
                .then()
                .body("", hasSize(0));
        as(site.admin())
                .post("/api/v1/webhooks/" + endpoint + "/enable")
                .then()
                .statusCode(409)
                .body("code", equalTo("webhook_deleted"));
    }

    @Test
    void signingSecretIsShownOnceAndStoredEncrypted() throws Exception {
        Moderation.TestSite site = Moderation.newSite();
        String[] secret = new String[1];
        String endpoint = register(site, url(), List.of("comment.published"), secret);
        String listed = as(site.admin())
                .get("/api/v1/webhooks")
                .then()
                .statusCode(200)
                .body("", hasSize(1))
                .extract()
                .asString();
        assertThat(listed).doesNotContain(secret[0]).doesNotContain("secret");
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT secret FROM webhook_endpoint WHERE id = ?")) {
            s.setObject(1, UUID.fromString(endpoint));
            ResultSet rs = s.executeQuery();
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).startsWith("v1:").doesNotContain(secret[0].substring(6));
        }
    }

    @Test
    void webhookManagementNeedsTheSitesAdminKeyAndValidInput() {
        Moderation.TestSite site = Moderation.newSite();
        String[] secret = new String[1];
        String endpoint = register(site, url(), List.of("comment.published"), secret);
        as(site.moderator()).get("/api/v1/webhooks").then().statusCode(403);
        as(site.ingest())
                .body(Map.of("url", url(), "eventTypes", List.of("comment.published")))
                .post("/api/v1/webhooks")
                .then()
                .statusCode(403);
        Moderation.TestSite other = Moderation.newSite();
        as(other.admin())
                .get("/api/v1/webhooks/" + endpoint + "/deliveries")
                .then()
                .statusCode(404);
        as(other.admin()).get("/api/v1/webhooks").then().body("", hasSize(0));
        as(site.admin())
                .body(Map.of("url", "ftp://x", "eventTypes", List.of("comment.published")))
                .post("/api/v1/webhooks")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("url"));
        as(site.admin())
                .body(Map.of("url", url(), "eventTypes", List.of("comment.exploded")))
                .post("/api/v1/webhooks")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("eventTypes[0]"));
        as(site.admin())
                .body(Map.of("url", url()))
                .post("/api/v1/webhooks")
                .then()
                .statusCode(400);
    }
}
