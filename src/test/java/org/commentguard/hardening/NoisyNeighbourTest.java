package org.commentguard.hardening;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One site floods, another keeps its pace. Against the packaged jar with the shipped quota defaults: site A runs
 * 32 clients that send 100-comment batches of 800-character comments back to back (after a refusal each waits
 * 100 ms, not the Retry-After it was given: a hostile client); site B sends one 600–1,000-character comment a
 * second to {@code /api/v1/score} and one to {@code /api/v1/comments}, first alone (quiet) and then during A's
 * flood.
 *
 * <p>Asserted: B is never refused; its {@code /score} p90 during the flood stays within {@value #SLOWDOWN} times its
 * quiet p90 (or {@value #FLOOR_MS} ms, whichever is more: on a quiet run the figures are a few dozen ms and
 * scheduling noise alone doubles them), and every one of its {@code /score} answers, the slowest included, comes
 * under Coral's 800 ms; A only ever gets 200, 429 or 503, at least one refusal, and no answer later than its batch
 * deadline plus {@value #HANG_MARGIN_S} s; every comment acknowledged to B is stored once; the refusals show in
 * {@code /q/metrics} for A and not for B. The p99 of each phase is printed, not compared: at one request a second it
 * is the slowest one or two requests of the phase, and the ratio of two such single samples went from 1.12 to 2.18
 * between runs on one machine. The p90 ratio measured 1.25, 1.36 (Intel Xeon), 1.60 and 1.95 (AMD EPYC, the last
 * inside {@code .ci/run} with its MariaDB and PHP running): B's comment cannot interrupt A's, so it shares the cores
 * with the flood until one of A's comments finishes (README: Noisy neighbour). The second test prints batch
 * throughput with one and two scoring workers (nothing asserted on it).
 *
 * <p>Runs with {@code -Dcommentguard.long-tests=true}; {@code -Dcommentguard.noisy.quiet-seconds} and
 * {@code -Dcommentguard.noisy.flood-seconds} (default 60 each) set the phases.
 */
@LongTest
class NoisyNeighbourTest {

    private static final int QUIET_SECONDS = Integer.getInteger("commentguard.noisy.quiet-seconds", 60);
    private static final int FLOOD_SECONDS = Integer.getInteger("commentguard.noisy.flood-seconds", 60);
    private static final int FLOOD_CLIENTS = 32;
    private static final int BATCH_ITEMS = 100;
    private static final long FLOOR_MS = 150;
    /** B's p90 slowdown allowed during the flood; measured 1.25 to 1.95 on two CPU kinds (class comment). */
    private static final double SLOWDOWN = 2.5;

    private static final long CORAL_MS = 800;
    /** The shipped batch deadline is 10 s; an answer much later than that would be a hang. */
    private static final long HANG_MARGIN_S = 5;

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
            "line",
            "the",
            "and",
            "because",
            "should",
            "never",
            "always",
            "they",
            "we",
            "our",
            "city",
            "plan",
            "money");
    private static final String ARTICLE = "The city council approved the new tram line after a long debate about "
            + "costs. The line will connect the central station with the river district, with twelve stops and a "
            + "depot near the market. Construction starts next summer; buses will replace part of the route while "
            + "the track is laid. Cyclists asked for safe crossings and the mayor promised new traffic lights.";

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .executor(Executors.newCachedThreadPool())
            .build();

    record Answer(int status, long nanos, String retryAfter, String body) {}

    private Answer post(URI base, String path, String key, Object body) throws IOException, InterruptedException {
        return postJson(base, path, key, Json.write(body));
    }

    /**
     * Posts a body already written as JSON. The flood writes its 80 kB batch once per client: the load generator
     * shares the machine's cores with the service, and writing it anew for each of a few hundred requests a
     * second would take CPU from site B's scoring that the service never used.
     */
    private Answer postJson(URI base, String path, String key, String json) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(base.resolve(path))
                        .timeout(Duration.ofSeconds(60))
                        .header("X-Api-Key", key)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return new Answer(
                r.statusCode(),
                System.nanoTime() - t0,
                r.headers().firstValue("Retry-After").orElse(null),
                r.body());
    }

    /** A news comment of 600 to 1,000 characters, different for every n. */
    static String comment(long n, int min, int max) {
        Random random = new Random(n * 7919 + 17);
        int length = min + random.nextInt(max - min + 1);
        StringBuilder text = new StringBuilder("I think");
        while (text.length() < length) {
            text.append(
                    random.nextInt(12) == 0
                            ? ". " + capital(WORDS.get(random.nextInt(WORDS.size())))
                            : " " + WORDS.get(random.nextInt(WORDS.size())));
        }
        return text.substring(0, length - 1) + ".";
    }

    private static String capital(String w) {
        return Character.toUpperCase(w.charAt(0)) + w.substring(1);
    }

    /** B's two streams, each one request a second, open loop. */
    private final class SiteB {
        final URI base;
        final String key;
        final String article;
        final Map<String, ConcurrentLinkedQueue<Long>> latencies = new ConcurrentHashMap<>();
        final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        final AtomicLong sequence = new AtomicLong(1_000_000);

        SiteB(URI base, String key, String article) {
            this.base = base;
            this.key = key;
            this.article = article;
        }

        /** Runs both streams for {@code seconds} and answers the latencies (ms, from due time) per endpoint. */
        Map<String, long[]> run(String phase, int seconds) throws Exception {
            latencies.clear();
            ExecutorService pool = Executors.newFixedThreadPool(8);
            long start = System.nanoTime();
            List<java.util.concurrent.Future<?>> calls = new ArrayList<>();
            for (int i = 0; i < seconds; i++) {
                long due = start + i * 1_000_000_000L;
                sleepUntil(due);
                long n = sequence.incrementAndGet();
                calls.add(pool.submit(() -> call(phase, "score", due, n)));
                calls.add(pool.submit(() -> call(phase, "comments", due, n)));
            }
            for (var c : calls) {
                c.get(120, TimeUnit.SECONDS);
            }
            pool.shutdown();
            Map<String, long[]> out = new TreeMap<>();
            latencies.forEach((k, v) ->
                    out.put(k, v.stream().mapToLong(Long::longValue).sorted().toArray()));
            return out;
        }

        private Void call(String phase, String endpoint, long due, long n) {
            try {
                String text = comment(n, 600, 1000);
                Answer a;
                if (endpoint.equals("score")) {
                    a = post(
                            base,
                            "/api/v1/score",
                            key,
                            Map.of(
                                    "text",
                                    text,
                                    "article",
                                    Map.of("title", "Council approves tram line", "body", ARTICLE)));
                    if (a.status() != 200) {
                        failures.add(phase + " score: " + a.status() + " " + a.body());
                    }
                } else {
                    String externalId = "b-" + n;
                    Map<String, Object> body = new HashMap<>();
                    body.put("externalId", externalId);
                    body.put("articleId", article);
                    body.put("author", Map.of("id", "reader-" + (n % 50), "name", "Reader"));
                    body.put("text", text);
                    a = post(base, "/api/v1/comments", key, body);
                    if (a.status() == 201) {
                        acknowledged.add(externalId);
                    } else {
                        failures.add(phase + " comments: " + a.status() + " " + a.body());
                    }
                }
                latencies
                        .computeIfAbsent(endpoint, k -> new ConcurrentLinkedQueue<>())
                        .add((System.nanoTime() - due) / 1_000_000);
            } catch (Exception e) {
                failures.add(phase + " " + endpoint + ": " + e);
            }
            return null;
        }
    }

    @Test
    void aFloodingSiteIsRefusedWhileTheQuietSitesCommentsStayFastAndNothingAcknowledgedIsLost() throws Exception {
        ServiceProcess.EmbeddedData data = ServiceProcess.EmbeddedData.fresh("noisy");
        try (ServiceProcess service = ServiceProcess.start("noisy", data.env())) {
            ApiClient api = new ApiClient(service.base());
            Map<String, String> a = api.newSite("Flooding site", "ingest");
            Map<String, String> b = api.newSite("Quiet site", "ingest");
            String article = "noisy-" + java.util.UUID.randomUUID();
            ApiClient.require(
                    api.send(
                            "PUT",
                            "/api/v1/articles/" + article,
                            b.get("ingest"),
                            Map.of("title", "Council approves tram line", "body", ARTICLE)),
                    201);
            SiteB siteB = new SiteB(service.base(), b.get("ingest"), article);
            // Warm-up (JIT, model sessions), not measured.
            siteB.run("warm-up", 15);
            System.out.printf(
                    Locale.ROOT,
                    "noisy: warm-up refusals of site B (cold JIT, not asserted): %d%n",
                    siteB.failures.size());
            siteB.failures.clear();
            String loadBefore = loadAverage();
            Map<String, long[]> quiet = siteB.run("quiet", QUIET_SECONDS);

            Map<Integer, AtomicLong> aStatuses = new ConcurrentHashMap<>();
            ConcurrentLinkedQueue<String> aFailures = new ConcurrentLinkedQueue<>();
            AtomicLong aItemsScored = new AtomicLong();
            AtomicLong aSlowest = new AtomicLong();
            long floodEnd = System.nanoTime() + (FLOOD_SECONDS + 5) * 1_000_000_000L;
            ExecutorService flood = Executors.newFixedThreadPool(FLOOD_CLIENTS);
            for (int c = 0; c < FLOOD_CLIENTS; c++) {
                int client = c;
                flood.submit(() -> {
                    List<Map<String, Object>> items = new ArrayList<>();
                    for (int i = 0; i < BATCH_ITEMS; i++) {
                        items.add(Map.of("text", comment(client * 1000L + i, 800, 800)));
                    }
                    String batch = Json.write(Map.of("items", items));
                    while (System.nanoTime() < floodEnd) {
                        try {
                            Answer answer = postJson(service.base(), "/api/v1/score/batch", a.get("ingest"), batch);
                            aStatuses
                                    .computeIfAbsent(answer.status(), k -> new AtomicLong())
                                    .incrementAndGet();
                            aSlowest.accumulateAndGet(answer.nanos(), Math::max);
                            if (answer.status() == 200) {
                                aItemsScored.addAndGet(BATCH_ITEMS);
                            } else if (answer.status() == 429 || answer.status() == 503) {
                                if (answer.retryAfter() == null) {
                                    aFailures.add(answer.status() + " without Retry-After");
                                }
                                Thread.sleep(100);
                            } else {
                                aFailures.add(answer.status() + " " + answer.body());
                            }
                        } catch (Exception e) {
                            aFailures.add(e.toString());
                        }
                    }
                    return null;
                });
            }
            // Let the flood build up before B's measured phase starts.
            Thread.sleep(5_000);
            Map<String, long[]> busy = siteB.run("flood", FLOOD_SECONDS);
            flood.shutdown();
            assertThat(flood.awaitTermination(120, TimeUnit.SECONDS))
                    .as("flood clients finished")
                    .isTrue();
            String loadAfter = loadAverage();
            String metrics = metrics(service.base());

            System.out.printf(
                    Locale.ROOT, "noisy: load average before %s, after %s (1/5/15 min)%n", loadBefore, loadAfter);
            print("quiet", quiet);
            print("flood", busy);
            System.out.printf(
                    Locale.ROOT,
                    "noisy: site A answers %s, %d comments scored (%.1f/s), slowest answer " + "%d ms%n",
                    new TreeMap<>(aStatuses),
                    aItemsScored.get(),
                    aItemsScored.get() / (double) (FLOOD_SECONDS + 5),
                    aSlowest.get() / 1_000_000);
            System.out.println("noisy: refusals " + refusals(metrics));

            assertThat(siteB.failures).as("site B is never refused").isEmpty();
            assertThat(aFailures)
                    .as("site A gets only 200, 429 or 503 with Retry-After")
                    .isEmpty();
            long refused = aStatuses.getOrDefault(429, new AtomicLong()).get()
                    + aStatuses.getOrDefault(503, new AtomicLong()).get();
            assertThat(refused).as("site A refused").isPositive();
            assertThat(aSlowest.get() / 1_000_000_000L)
                    .as("site A's slowest answer, s")
                    .isLessThanOrEqualTo(10 + HANG_MARGIN_S);
            long quietP90 = percentile(quiet.get("score"), 0.9);
            long busyP90 = percentile(busy.get("score"), 0.9);
            System.out.printf(
                    Locale.ROOT,
                    "noisy: site B /score flood/quiet: p90 %.2fx, p99 %.2fx%n",
                    busyP90 / (double) quietP90,
                    percentile(busy.get("score"), 0.99) / (double) percentile(quiet.get("score"), 0.99));
            assertThat(busyP90)
                    .as("B's /score p90 during the flood, ms (quiet p90 " + quietP90 + " ms)")
                    .isLessThanOrEqualTo(Math.max((long) (SLOWDOWN * quietP90), FLOOR_MS));
            assertThat(percentile(busy.get("score"), 1.0))
                    .as("B's slowest /score answer during the flood, ms")
                    .isLessThan(CORAL_MS);
            assertThat(metrics)
                    .containsPattern("commentguard_quota_refusals_total\\{[^}]*site=\"" + a.get("siteId") + "\"");
            assertThat(metrics).doesNotContain("site=\"" + b.get("siteId") + "\"");

            List<Map<String, Object>> stored = api.allComments(b.get("ingest"), article);
            Map<String, Long> perExternalId = new HashMap<>();
            stored.forEach(c -> perExternalId.merge((String) c.get("externalId"), 1L, Long::sum));
            for (String id : siteB.acknowledged) {
                assertThat(perExternalId.get(id))
                        .as("stored copies of acknowledged " + id)
                        .isEqualTo(1L);
            }
            System.out.printf(
                    Locale.ROOT,
                    "noisy: site B: %d comments acknowledged, all stored once%n",
                    siteB.acknowledged.size());
        } finally {
            Kill9DurabilityTest.deleteRecursively(data.dir());
        }
    }

    @Test
    void printsBatchThroughputWithOneAndTwoScoringWorkers() throws Exception {
        for (int workers : new int[] {1, 2}) {
            ServiceProcess.EmbeddedData data = ServiceProcess.EmbeddedData.fresh("batch-" + workers);
            Map<String, String> env = new HashMap<>(data.env());
            env.put("COMMENTGUARD_QUOTA_WORKERS", Integer.toString(workers));
            // Throughput, not shedding, is measured here: a batch is never refused for its deadline.
            env.put("COMMENTGUARD_QUOTA_BATCH_DEADLINE", "PT300S");
            try (ServiceProcess service = ServiceProcess.start("batch-" + workers, env)) {
                ApiClient api = new ApiClient(service.base());
                String key = api.newSite("Batch site", "ingest").get("ingest");
                List<Map<String, Object>> items = new ArrayList<>();
                for (int i = 0; i < BATCH_ITEMS; i++) {
                    items.add(Map.of("text", comment(i, 800, 800)));
                }
                for (int i = 0; i < 3; i++) {
                    assertThat(post(service.base(), "/api/v1/score/batch", key, Map.of("items", items))
                                    .status())
                            .isEqualTo(200);
                }
                int batches = 10;
                long t0 = System.nanoTime();
                for (int i = 0; i < batches; i++) {
                    Answer answer = post(service.base(), "/api/v1/score/batch", key, Map.of("items", items));
                    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
                }
                double seconds = (System.nanoTime() - t0) / 1e9;
                System.out.printf(
                        Locale.ROOT,
                        "noisy: batch of %d x 800 chars, %d worker(s): %.2f s per batch, "
                                + "%.1f comments/s, load average %s%n",
                        BATCH_ITEMS,
                        workers,
                        seconds / batches,
                        batches * BATCH_ITEMS / seconds,
                        loadAverage());
            } finally {
                Kill9DurabilityTest.deleteRecursively(data.dir());
            }
        }
    }

    private static void print(String phase, Map<String, long[]> latencies) {
        latencies.forEach((endpoint, ms) -> System.out.printf(
                Locale.ROOT,
                "noisy: site B %-5s %-8s n=%d p50 %d / p90 %d / p99 %d / max %d ms%n",
                phase,
                endpoint,
                ms.length,
                percentile(ms, 0.5),
                percentile(ms, 0.9),
                percentile(ms, 0.99),
                percentile(ms, 1.0)));
    }

    static long percentile(long[] sorted, double q) {
        if (sorted == null || sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank))];
    }

    private static String loadAverage() throws IOException {
        String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
        return parts[0] + " " + parts[1] + " " + parts[2];
    }

    private String metrics(URI base) throws Exception {
        return http.send(
                        HttpRequest.newBuilder(base.resolve("/q/metrics"))
                                .timeout(Duration.ofSeconds(30))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
    }

    private static final Pattern REFUSAL = Pattern.compile("commentguard_quota_refusals_total\\{([^}]*)} ([0-9.E]+)");

    private static List<String> refusals(String metrics) {
        List<String> out = new ArrayList<>();
        Matcher m = REFUSAL.matcher(metrics);
        while (m.find()) {
            out.add(m.group(1) + " = " + m.group(2));
        }
        return out;
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long wait = nanoTime - System.nanoTime();
        if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
    }
}
