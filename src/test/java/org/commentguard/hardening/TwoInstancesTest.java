package org.commentguard.hardening;

import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two service instances on one external PostgreSQL: comments are ingested through both at once while moderators on
 * both claim and decide; no item may be claimed twice, nothing may be lost, and a race for one specific item
 * across the instances has exactly one winner. Uses a fresh database on the server named by
 * {@code -Dcommentguard.scaleout.postgres} (default {@code 127.0.0.1:5432}, user postgres) and drops it afterwards.
 * Runs with {@code -Dcommentguard.long-tests=true} after {@code package}.
 */
@LongTest(needsPostgres = true)
class TwoInstancesTest {

    private static final String SERVER = LongTest.POSTGRES;
    private static final int WRITERS = 8;
    private static final int COMMENTS_PER_WRITER = 40;
    private static final int RACES = 20;

    @Test
    void twoInstancesShareIngestionAndTheQueueWithoutDoubleClaimsOrLosses() throws Exception {
        String database =
                "cg_scaleout_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute("CREATE DATABASE " + database);
        Map<String, String> env = ServiceProcess.env(
                "QUARKUS_DATASOURCE_JDBC_URL",
                "jdbc:postgresql://" + SERVER + "/" + database,
                "QUARKUS_DATASOURCE_USERNAME",
                "postgres",
                "QUARKUS_DATASOURCE_PASSWORD",
                "");
        try (ServiceProcess one = ServiceProcess.start("scaleout-1", env);
                ServiceProcess two = ServiceProcess.start("scaleout-2", env)) {
            List<ApiClient> instances = List.of(new ApiClient(one.base()), new ApiClient(two.base()));
            Map<String, String> keys = instances
                    .get(0)
                    .newSite("Scale-out site", "ingest", "moderator1", "moderator2", "moderator3", "moderator4");
            String article = "scale-" + UUID.randomUUID();
            ApiClient.require(
                    instances
                            .get(1)
                            .send(
                                    "PUT",
                                    "/api/v1/articles/" + article,
                                    keys.get("ingest"),
                                    Map.of(
                                            "title",
                                            "Council approves tram line",
                                            "body",
                                            "The council approved the tram line.")),
                    201);
            // Every comment is queued, so every comment must be claimed and decided exactly once.
            ApiClient.require(
                    instances
                            .get(0)
                            .send(
                                    "PUT",
                                    "/api/v1/sites/" + keys.get("siteId") + "/policy",
                                    keys.get("admin"),
                                    Map.of("mode", "PRE_MODERATE_ALL")),
                    200);

            Set<String> acknowledged = ConcurrentHashMap.newKeySet();
            Map<String, String> claimedBy = new ConcurrentHashMap<>();
            AtomicInteger doubleClaims = new AtomicInteger();
            AtomicInteger decided = new AtomicInteger();
            AtomicBoolean ingesting = new AtomicBoolean(true);
            ExecutorService pool = Executors.newFixedThreadPool(12);
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                ApiClient api = instances.get(w % 2);
                int writer = w;
                writers.add(pool.submit(() -> {
                    for (int i = 0; i < COMMENTS_PER_WRITER; i++) {
                        String externalId = "so-" + writer + "-" + i;
                        ApiClient.Answer answer = ApiClient.require(
                                api.post(
                                        "/api/v1/comments",
                                        keys.get("ingest"),
                                        Map.of(
                                                "externalId",
                                                externalId,
                                                "articleId",
                                                article,
                                                "author",
                                                Map.of("id", "reader-" + (i % 25)),
                                                "text",
                                                distinctText(writer * 1_000 + i))),
                                201);
                        if (!"PENDING".equals(answer.get("status"))) {
                            throw new AssertionError("not queued: " + answer.json());
                        }
                        acknowledged.add(externalId);
                    }
                    return null;
                }));
            }
            List<Future<?>> moderators = new ArrayList<>();
            for (int m = 1; m <= 4; m++) {
                ApiClient api = instances.get(m % 2);
                String moderator = "moderator" + m;
                moderators.add(pool.submit(() -> {
                    // Claim-next until ingestion is over and the queue answers 204.
                    while (true) {
                        ApiClient.Answer claim = api.post("/api/v1/queue/claim", keys.get(moderator), null);
                        if (claim.status() == 204) {
                            if (!ingesting.get()) {
                                return null;
                            }
                            Thread.sleep(20);
                            continue;
                        }
                        ApiClient.require(claim, 200);
                        String item = claim.get("id");
                        if (claimedBy.putIfAbsent(item, moderator) != null) {
                            doubleClaims.incrementAndGet();
                        }
                        ApiClient.require(
                                api.post(
                                        "/api/v1/queue/" + item + "/decision",
                                        keys.get(moderator),
                                        Map.of("action", "approve", "reason", "acceptable")),
                                200);
                        decided.incrementAndGet();
                    }
                }));
            }
            for (Future<?> writer : writers) {
                writer.get(5, TimeUnit.MINUTES);
            }
            ingesting.set(false);
            for (Future<?> moderator : moderators) {
                moderator.get(5, TimeUnit.MINUTES);
            }

            int total = WRITERS * COMMENTS_PER_WRITER;
            assertThat(acknowledged).hasSize(total);
            assertThat(doubleClaims.get()).isZero();
            System.out.printf(
                    "two instances: %d comments ingested, %d claimed and decided, claims per moderator %s%n",
                    acknowledged.size(), decided.get(), perModerator(claimedBy));
            assertThat(claimedBy).hasSize(total);
            assertThat(decided.get()).isEqualTo(total);
            assertThat(new HashMap<>(claimedBy).values()).contains("moderator1", "moderator2");
            for (ApiClient api : instances) {
                List<Map<String, Object>> stored = api.allComments(keys.get("ingest"), article);
                assertThat(stored).hasSize(total);
                assertThat(stored)
                        .extracting(c -> c.get("externalId"))
                        .containsExactlyInAnyOrderElementsOf(acknowledged);
                // Every one was approved by a moderator.
                assertThat(stored).extracting(c -> c.get("status")).containsOnly("PUBLISHED");
            }

            // A race for one specific item from both instances: exactly one claim wins, the other is 409.
            for (int i = 0; i < RACES; i++) {
                ApiClient.require(
                        instances
                                .get(i % 2)
                                .post(
                                        "/api/v1/comments",
                                        keys.get("ingest"),
                                        Map.of(
                                                "externalId",
                                                "race-" + i,
                                                "articleId",
                                                article,
                                                "author",
                                                Map.of("id", "racer"),
                                                "text",
                                                distinctText(100_000 + i))),
                        201);
            }
            List<Map<String, Object>> open = ApiClient.require(
                            instances
                                    .get(0)
                                    .send(
                                            "GET",
                                            "/api/v1/queue?status=unclaimed&limit=100",
                                            keys.get("moderator1"),
                                            null),
                            200)
                    .get("items");
            assertThat(open).hasSize(RACES);
            for (Map<String, Object> item : open) {
                CyclicBarrier start = new CyclicBarrier(2);
                List<Future<Integer>> racers = new ArrayList<>();
                for (int r = 0; r < 2; r++) {
                    ApiClient api = instances.get(r);
                    String moderator = "moderator" + (r + 1);
                    racers.add(pool.submit(() -> {
                        start.await(10, TimeUnit.SECONDS);
                        return api.post("/api/v1/queue/" + item.get("id") + "/claim", keys.get(moderator), null)
                                .status();
                    }));
                }
                List<Integer> statuses = new ArrayList<>();
                for (Future<Integer> racer : racers) {
                    statuses.add(racer.get(60, TimeUnit.SECONDS));
                }
                assertThat(statuses).containsExactlyInAnyOrder(200, 409);
            }
            pool.shutdownNow();
            try (Connection c =
                    DriverManager.getConnection("jdbc:postgresql://" + SERVER + "/" + database, "postgres", "")) {
                assertThat(count(c, "SELECT count(*) FROM comment")).isEqualTo(total + RACES);
                assertThat(count(c, "SELECT count(*) FROM review_item WHERE state = 'DECIDED'"))
                        .isEqualTo(total);
                assertThat(count(c, "SELECT count(*) FROM review_item WHERE state = 'OPEN' AND claimed_by IS NOT NULL"))
                        .isEqualTo(RACES);
                assertThat(count(
                                c,
                                "SELECT count(*) FROM (SELECT comment_id FROM review_item "
                                        + "GROUP BY comment_id HAVING count(*) > 1) d"))
                        .isZero();
            }
        } finally {
            execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }

    private static final List<String> WORDS = List.of(
            "tram",
            "council",
            "budget",
            "station",
            "bus",
            "ticket",
            "morning",
            "river",
            "bridge",
            "school",
            "market",
            "traffic",
            "cyclists",
            "parking",
            "noise",
            "delay",
            "mayor",
            "vote",
            "neighbours",
            "shops",
            "summer",
            "winter",
            "timetable",
            "fare",
            "depot",
            "route",
            "track",
            "safety",
            "lights",
            "crossing",
            "elderly",
            "students",
            "workers",
            "visitors",
            "stop",
            "line");

    /** Texts different enough that the spam scorer's near-duplicate check does not reject them. */
    private static String distinctText(int seed) {
        java.util.Random random = new java.util.Random(seed);
        StringBuilder text = new StringBuilder("I think");
        for (int i = 0; i < 14; i++) {
            text.append(' ').append(WORDS.get(random.nextInt(WORDS.size())));
        }
        return text.append('.').toString();
    }

    private static Map<String, Long> perModerator(Map<String, String> claimedBy) {
        Map<String, Long> counts = new java.util.TreeMap<>();
        claimedBy.values().forEach(m -> counts.merge(m, 1L, Long::sum));
        return counts;
    }

    private static Connection admin() throws Exception {
        return DriverManager.getConnection("jdbc:postgresql://" + SERVER + "/postgres", "postgres", "");
    }

    private static void execute(String sql) throws Exception {
        try (Connection c = admin();
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static long count(Connection c, String sql) throws Exception {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
