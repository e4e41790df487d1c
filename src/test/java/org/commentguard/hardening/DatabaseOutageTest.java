package org.commentguard.hardening;

import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The database goes away under load and comes back: the packaged service reaches a fresh database on the external
 * PostgreSQL through a {@link TcpProxy}; while writers ingest, the proxy is cut for 10 s and restored. Every answer
 * must be a 201 or a clean {@code 503 database_unavailable} problem with {@code Retry-After} (never a 500),
 * ingestion must recover by itself,
 * and every acknowledged comment must be stored exactly once. Runs with {@code -Dcommentguard.long-tests=true}.
 */
@LongTest(needsPostgres = true)
class DatabaseOutageTest {

    private static final String SERVER = LongTest.POSTGRES;

    @Test
    void ingestionAnswersCleanServiceUnavailableWhileTheDatabaseIsGoneAndRecoversWithoutLosses() throws Exception {
        String database =
                "cg_outage_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute("CREATE DATABASE " + database);
        int targetPort = Integer.parseInt(SERVER.substring(SERVER.lastIndexOf(':') + 1));
        try (TcpProxy proxy = new TcpProxy(ServiceProcess.freePort(), targetPort)) {
            proxy.restore();
            Map<String, String> env = ServiceProcess.env(
                    "QUARKUS_DATASOURCE_JDBC_URL",
                    "jdbc:postgresql://127.0.0.1:" + proxy.port() + "/" + database,
                    "QUARKUS_DATASOURCE_USERNAME",
                    "postgres",
                    "QUARKUS_DATASOURCE_PASSWORD",
                    "");
            try (ServiceProcess service = ServiceProcess.start("outage", env)) {
                ApiClient api = new ApiClient(service.base());
                Map<String, String> keys = api.newSite("Outage site", "ingest");
                String article = "outage-" + UUID.randomUUID();
                ApiClient.require(
                        api.send(
                                "PUT",
                                "/api/v1/articles/" + article,
                                keys.get("ingest"),
                                Map.of(
                                        "title",
                                        "Council approves tram line",
                                        "body",
                                        "The council approved the line.")),
                        201);

                Set<String> acknowledged = ConcurrentHashMap.newKeySet();
                Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
                Set<String> unavailableCodes = ConcurrentHashMap.newKeySet();
                // Every 503 must tell the client when to retry: its Retry-After value, or "missing".
                Map<String, Integer> retryAfter = new ConcurrentHashMap<>();
                AtomicBoolean stop = new AtomicBoolean();
                ExecutorService writers = Executors.newFixedThreadPool(4);
                List<Future<?>> running = new java.util.ArrayList<>();
                for (int w = 0; w < 4; w++) {
                    int writer = w;
                    running.add(writers.submit(() -> {
                        for (int i = 0; !stop.get() && i < 5_000; i++) {
                            String externalId = "out-" + writer + "-" + i;
                            ApiClient.Answer answer = api.post(
                                    "/api/v1/comments",
                                    keys.get("ingest"),
                                    Map.of(
                                            "externalId",
                                            externalId,
                                            "articleId",
                                            article,
                                            "author",
                                            Map.of("id", "reader-" + i % 30),
                                            "text",
                                            "Comment " + i));
                            statuses.merge(answer.status(), 1, Integer::sum);
                            if (answer.status() == 201 || answer.status() == 200) {
                                acknowledged.add(externalId);
                            } else if (answer.status() == 503) {
                                unavailableCodes.add(
                                        String.valueOf(answer.json().get("code")));
                                retryAfter.merge(
                                        String.valueOf(Optional.ofNullable(answer.header("Retry-After"))
                                                .orElse("missing")),
                                        1,
                                        Integer::sum);
                                Thread.sleep(200);
                            }
                        }
                        return null;
                    }));
                }
                Thread.sleep(3_000);
                int beforeOutage = acknowledged.size();
                proxy.cut();
                Thread.sleep(10_000);
                int duringOutage = acknowledged.size();
                proxy.restore();
                // Recovery: new comments are acknowledged again within 60 s, without restarting the service.
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (acknowledged.size() < duringOutage + 20 && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                }
                stop.set(true);
                for (Future<?> f : running) {
                    f.get(60, TimeUnit.SECONDS);
                }
                writers.shutdown();
                System.out.printf(
                        "database outage: statuses %s, acknowledged %d before, %d by the end of the "
                                + "outage, %d in all; 503 codes %s, Retry-After values %s%n",
                        statuses, beforeOutage, duringOutage, acknowledged.size(), unavailableCodes, retryAfter);

                assertThat(statuses.keySet()).isSubsetOf(200, 201, 503);
                assertThat(statuses).containsKey(503);
                assertThat(unavailableCodes).containsOnly("database_unavailable");
                // A whole number of seconds (RFC 9110, delay-seconds) on every 503, small enough to retry soon.
                assertThat(retryAfter.keySet())
                        .isNotEmpty()
                        .allSatisfy(value -> assertThat(value)
                                .as("Retry-After of a 503")
                                .matches("[0-9]+")
                                .satisfies(v -> assertThat(Integer.parseInt(v)).isBetween(1, 60)));
                assertThat(acknowledged.size()).isGreaterThanOrEqualTo(duringOutage + 20);
                Map<String, Integer> copies = new java.util.HashMap<>();
                api.allComments(keys.get("ingest"), article)
                        .forEach(c -> copies.merge((String) c.get("externalId"), 1, Integer::sum));
                assertThat(copies.keySet()).containsAll(acknowledged);
                assertThat(copies.values()).allMatch(n -> n == 1);
            }
        } finally {
            execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }

    private static void execute(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + SERVER + "/postgres", "postgres", "");
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
