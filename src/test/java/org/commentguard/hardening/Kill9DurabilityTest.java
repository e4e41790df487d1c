package org.commentguard.hardening;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kill -9 during sustained ingestion: the packaged service runs as a child process on an embedded PostgreSQL in a
 * temporary directory; writers post comments concurrently and record every externalId answered 201; the service is
 * killed with SIGKILL mid-stream (the second time together with its PostgreSQL), restarted on the same data, and
 * every acknowledged comment must be there exactly once, with its audit entry, queue item and webhook events, and
 * no row may be half-written. Runs with {@code -Dcommentguard.long-tests=true} after {@code package}.
 */
@LongTest
class Kill9DurabilityTest {

    private static final int WRITERS = 8;
    private static final List<String> TEXTS = List.of(
            "Finally a tram line, buses here are always late.",
            "You are an idiot and everybody on this site knows it.",
            "Check out cheap pills at http://spam.example/buy now!!!",
            "The council should publish the full cost estimate first.",
            "What a load of crap, this city never learns.",
            "I ride the line every day and it is a real improvement.");

    @Test
    void everyAcknowledgedCommentSurvivesKillNineOfTheServiceAndOfItsDatabaseExactlyOnceAndComplete() throws Exception {
        ServiceProcess.EmbeddedData embedded = ServiceProcess.EmbeddedData.fresh("kill9");
        Path data = embedded.dir();
        Map<String, String> env = embedded.env();
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        Map<String, String> keys;
        String article = "kill9-" + UUID.randomUUID();
        ServiceProcess service = ServiceProcess.start("kill9-1", env);
        try {
            ApiClient api = new ApiClient(service.base());
            keys = api.newSite("Kill -9 site", "ingest", "moderator");
            ApiClient.require(
                    api.send(
                            "PUT",
                            "/api/v1/articles/" + article,
                            keys.get("ingest"),
                            Map.of(
                                    "title",
                                    "Council approves tram line",
                                    "body",
                                    "The city council approved the new tram line after a long debate about costs.")),
                    201);
            // An endpoint nobody listens on: every event stays in the outbox, so each comment's events can be counted.
            ApiClient.require(
                    api.post(
                            "/api/v1/webhooks",
                            keys.get("admin"),
                            Map.of(
                                    "url",
                                    "http://receiver.invalid/down",
                                    "eventTypes",
                                    List.of("comment.published", "comment.queued", "comment.rejected"))),
                    201);

            ingestThenKill(service, keys.get("ingest"), article, acknowledged, null);
        } finally {
            service.close();
        }
        int afterFirstKill = acknowledged.size();
        service = ServiceProcess.start("kill9-2", env);
        try {
            ingestThenKill(service, keys.get("ingest"), article, acknowledged, data);
        } finally {
            service.close();
        }
        assertThat(afterFirstKill).isPositive();
        assertThat(acknowledged.size()).isGreaterThan(afterFirstKill);

        service = ServiceProcess.start("kill9-3", env);
        try {
            ApiClient api = new ApiClient(service.base());
            List<Map<String, Object>> stored = api.allComments(keys.get("ingest"), article);
            Map<String, Integer> copies = new HashMap<>();
            stored.forEach(c -> copies.merge((String) c.get("externalId"), 1, Integer::sum));
            assertThat(copies.keySet()).containsAll(acknowledged);
            assertThat(copies.values()).allMatch(n -> n == 1);
            // Re-posting an acknowledged comment after the crashes answers the stored verdict, not a new comment.
            String again = acknowledged.iterator().next();
            ApiClient.Answer repost = api.post("/api/v1/comments", keys.get("ingest"), comment(again, article, 0));
            assertThat(repost.status()).isIn(200, 201);
            assertThat(api.allComments(keys.get("ingest"), article)).hasSize(stored.size());
            assertNoHalfWrittenRows(embedded, stored.size());
            // Stored may exceed acknowledged: a comment committed just before the kill never got its answer.
            System.out.printf("kill -9: %d acknowledged, %d stored%n", acknowledged.size(), stored.size());
        } finally {
            service.close();
            deleteRecursively(data);
        }
    }

    /**
     * Writers post until the service dies; it is killed once enough comments are acknowledged (at most 20 s).
     * With {@code data} (the embedded database's directory) its postmaster is killed with SIGKILL as well.
     */
    private void ingestThenKill(
            ServiceProcess service, String ingestKey, String article, Set<String> acknowledged, Path data)
            throws Exception {
        boolean alsoKillDatabase = data != null;
        ApiClient api = new ApiClient(service.base());
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger sent = new AtomicInteger();
        int before = acknowledged.size();
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            writers.submit(() -> {
                for (int i = 0; !stop.get() && i < 10_000; i++) {
                    String externalId = "k9-" + writer + "-" + UUID.randomUUID();
                    try {
                        ApiClient.Answer answer = api.post(
                                "/api/v1/comments", ingestKey, comment(externalId, article, sent.incrementAndGet()));
                        if (answer.status() == 201) {
                            acknowledged.add(externalId);
                        } else if (answer.status() != 503) {
                            throw new AssertionError("unexpected " + answer.status() + " " + answer.json());
                        }
                    } catch (java.io.IOException killed) {
                        return null;
                    }
                }
                return null;
            });
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        // Kill at a point that depends on the run, not on a round number of requests.
        int target = before + 60 + (int) (System.nanoTime() % 60);
        while (acknowledged.size() < target && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        if (alsoKillDatabase) {
            // The whole server at once, as a crash of the machine would: postmaster and backends.
            ProcessHandle postmaster = ProcessHandle.of(postmasterPid(data)).orElseThrow();
            List<ProcessHandle> server =
                    new ArrayList<>(postmaster.descendants().toList());
            server.add(postmaster);
            service.kill9();
            server.forEach(ProcessHandle::destroyForcibly);
            // No waiting for them to be reaped: the restart on the same fixed port must cope with a postmaster
            // that is dead but still a zombie (EmbeddedDatabaseTest has the details).
        } else {
            service.kill9();
        }
        stop.set(true);
        writers.shutdown();
        assertThat(writers.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
    }

    /** pg_ctl detaches the postmaster from the service's JVM; its pid is the first line of postmaster.pid. */
    private static long postmasterPid(Path data) throws java.io.IOException {
        return Long.parseLong(
                Files.readAllLines(data.resolve("postmaster.pid")).get(0).trim());
    }

    private static Map<String, Object> comment(String externalId, String article, int n) {
        return Map.of(
                "externalId",
                externalId,
                "articleId",
                article,
                "author",
                Map.of("id", "reader-" + (n % 40), "name", "Reader"),
                "text",
                TEXTS.get(n % TEXTS.size()));
    }

    /**
     * Everything a comment's transaction writes must be there for every stored comment: its audit entry, an open
     * queue item when it is pending, one outbox event, and non-empty scores and models.
     */
    private static void assertNoHalfWrittenRows(ServiceProcess.EmbeddedData embedded, int stored) throws Exception {
        try (Connection c = DriverManager.getConnection(embedded.jdbcUrl(), "postgres", "")) {
            assertThat(count(c, "SELECT count(*) FROM comment")).isEqualTo(stored);
            assertThat(count(
                            c,
                            "SELECT count(*) FROM comment c WHERE NOT EXISTS "
                                    + "(SELECT 1 FROM audit_entry a WHERE a.comment_id = c.id)"))
                    .isZero();
            assertThat(count(
                            c,
                            "SELECT count(*) FROM comment c WHERE c.status = 'PENDING' AND NOT EXISTS "
                                    + "(SELECT 1 FROM review_item r WHERE r.comment_id = c.id AND r.state = 'OPEN')"))
                    .isZero();
            assertThat(count(
                            c,
                            "SELECT count(*) FROM review_item r JOIN comment c ON c.id = r.comment_id "
                                    + "WHERE r.state = 'OPEN' AND c.status <> 'PENDING'"))
                    .isZero();
            assertThat(count(
                            c,
                            "SELECT count(*) FROM comment c WHERE (SELECT count(*) FROM webhook_delivery d "
                                    + "WHERE d.payload LIKE '%' || c.id::text || '%') <> 1"))
                    .isZero();
            assertThat(count(c, "SELECT count(*) FROM comment WHERE scores IN ('', '{}') OR models IN ('', '{}')"))
                    .isZero();
        }
    }

    private static long count(Connection c, String sql) throws Exception {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static void deleteRecursively(Path dir) throws java.io.IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            List<Path> all = new ArrayList<>(paths.toList());
            java.util.Collections.reverse(all);
            for (Path p : all) {
                Files.deleteIfExists(p);
            }
        }
    }
}
