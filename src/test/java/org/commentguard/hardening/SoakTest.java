package org.commentguard.hardening;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Minutes of steady mixed traffic against the packaged service on an embedded PostgreSQL: comments (clean,
 * insulting and profane, some of them replies), queue listings and item reads, claim-next followed by a decision,
 * reader reports and score calls, each offered at a fixed rate (open loop) and run by a pool of client threads.
 *
 * <p>Afterwards: no answer was an error (no 5xx, no 4xx but the documented 204 of an empty queue), the heap live
 * set after a full GC did not grow between the first and the last third of the run, every acknowledged comment is
 * stored exactly once, and every item a moderator claimed and decided has exactly one decision in the audit log.
 * Throughput and latency per operation are printed, not asserted.
 *
 * <p>Runs with {@code -Dcommentguard.long-tests=true}; {@code -Dcommentguard.soak.minutes} (default 5) sets the
 * length and {@code -Dcommentguard.soak.scale} (default 1.0) multiplies every rate.
 */
@LongTest
class SoakTest {

    private static final double MINUTES = Double.parseDouble(System.getProperty("commentguard.soak.minutes", "5"));
    private static final double SCALE = Double.parseDouble(System.getProperty("commentguard.soak.scale", "1.0"));
    /**
     * Offered requests per second per operation at scale 1. Ingestion dominates the CPU cost (every scorer runs
     * and six rows are written), so it is set well below what two shared cores sustain (about 85/s, see
     * README): the soak looks for leaks and errors over time, not for the throughput limit.
     */
    private static final Map<String, Double> RATES = new LinkedHashMap<>();

    static {
        RATES.put("ingest", 12.0);
        RATES.put("score", 6.0);
        RATES.put("queue-list", 4.0);
        RATES.put("queue-item", 2.0);
        RATES.put("moderate", 4.0);
        RATES.put("report", 3.0);
    }

    private static final int CLIENT_THREADS = 16;
    private static final int MODERATORS = 4;
    /** One heap sample (and one line of the timeline) per twentieth of the run, 5 to 60 s apart. */
    private static final long SAMPLE_SECONDS = Math.max(5, Math.min(60, (long) (MINUTES * 60 / 20)));

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
    /** Openings that make the comment toxic or profane enough to be held for review or rejected. */
    private static final List<String> HOSTILE = List.of(
            "You are an idiot and a moron,",
            "What a load of crap, this shit council",
            "Shut up, you stupid clown,",
            "F*ck this f u c k i n g council and its",
            "Only a pathetic loser would write about the");

    private final Map<String, Op> ops = new LinkedHashMap<>();
    /** externalId → comment id (UUID), for every comment answered 201 or 200. */
    private final Map<String, String> acknowledged = new ConcurrentHashMap<>();

    private final List<String> acknowledgedOrder = new CopyOnWriteArrayList<>();
    /** Review item id → moderator, for every item claimed and then decided with a 200. */
    private final Map<String, String> decided = new ConcurrentHashMap<>();

    private final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    private final AtomicInteger emptyQueue = new AtomicInteger();
    private final AtomicInteger queuedOnIngest = new AtomicInteger();
    /** Every request as {seconds into the run it was due, nanoseconds from due to done}, for the timeline. */
    private final ConcurrentLinkedQueue<long[]> timeline = new ConcurrentLinkedQueue<>();

    private long runStart;

    @Test
    void minutesOfMixedTrafficLeaveNoErrorsNoHeapGrowthAndNothingLostOrDecidedTwice() throws Exception {
        ServiceProcess.EmbeddedData data = ServiceProcess.EmbeddedData.fresh("soak");
        try (ServiceProcess service = ServiceProcess.start("soak", data.env())) {
            ApiClient api = new ApiClient(service.base());
            String[] roles = new String[MODERATORS + 1];
            roles[0] = "ingest";
            for (int m = 1; m <= MODERATORS; m++) {
                roles[m] = "moderator" + m;
            }
            Map<String, String> keys = api.newSite("Soak site", roles);
            String article = "soak-" + java.util.UUID.randomUUID();
            ApiClient.require(
                    api.send(
                            "PUT",
                            "/api/v1/articles/" + article,
                            keys.get("ingest"),
                            Map.of("title", "Council approves tram line", "body", ARTICLE)),
                    201);

            Duration length = Duration.ofMillis((long) (MINUTES * 60_000));
            RATES.keySet().forEach(name -> ops.put(name, new Op(name)));
            List<long[]> heap = Collections.synchronizedList(new ArrayList<>());
            ExecutorService clients = Executors.newFixedThreadPool(CLIENT_THREADS);
            ExecutorService pacers = Executors.newFixedThreadPool(RATES.size() + 1);
            long start = System.nanoTime();
            runStart = start;
            long end = start + length.toNanos();
            AtomicLong sequence = new AtomicLong();
            for (Map.Entry<String, Double> rate : RATES.entrySet()) {
                Op op = ops.get(rate.getKey());
                long period = (long) (1e9 / (rate.getValue() * SCALE));
                pacers.submit(() -> {
                    // Open loop: request i is due at start + i * period whatever happened to the earlier ones, and
                    // its latency counts from that moment, so a stall shows as latency instead of a slower client.
                    for (long i = 0; ; i++) {
                        long due = start + i * period;
                        if (due >= end) {
                            return null;
                        }
                        sleepUntil(due);
                        long n = sequence.incrementAndGet();
                        clients.submit(() -> run(op, due, () -> perform(op.name, api, keys, article, n)));
                    }
                });
            }
            pacers.submit(() -> {
                while (System.nanoTime() < end) {
                    heap.add(new long[] {(System.nanoTime() - start) / 1_000_000_000L, liveHeap(service)});
                    sleepUntil(Math.min(end, System.nanoTime() + SAMPLE_SECONDS * 1_000_000_000L));
                }
                return null;
            });
            pacers.shutdown();
            assertThat(pacers.awaitTermination(length.toSeconds() + 120, TimeUnit.SECONDS))
                    .isTrue();
            clients.shutdown();
            assertThat(clients.awaitTermination(300, TimeUnit.SECONDS)).isTrue();
            double seconds = (System.nanoTime() - start) / 1e9;
            heap.add(new long[] {(long) seconds, liveHeap(service)});

            report(seconds, heap);
            assertThat(failures).as("unexpected answers").isEmpty();
            assertThat(acknowledged).isNotEmpty();
            assertThat(decided).as("items claimed and decided").isNotEmpty();
            assertHeapFlat(heap);
            assertStoredOnceAndDecidedOnce(data, keys.get("siteId"));
        } finally {
            Kill9DurabilityTest.deleteRecursively(data.dir());
        }
    }

    // ---- the operations ---------------------------------------------------------------------------------------

    private void perform(String op, ApiClient api, Map<String, String> keys, String article, long n) throws Exception {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String moderator = "moderator" + (1 + n % MODERATORS);
        switch (op) {
            case "ingest" -> {
                String externalId = "soak-" + n;
                Map<String, Object> body = new HashMap<>();
                body.put("externalId", externalId);
                body.put("articleId", article);
                body.put("author", Map.of("id", "reader-" + random.nextInt(200), "name", "Reader"));
                body.put("text", commentText(n));
                // Every fourth comment replies to an earlier one.
                if (n % 4 == 0 && !acknowledgedOrder.isEmpty()) {
                    body.put("parentId", acknowledgedOrder.get(random.nextInt(acknowledgedOrder.size())));
                }
                ApiClient.Answer answer = expect(op, api.post("/api/v1/comments", keys.get("ingest"), body), 201);
                if (answer != null) {
                    acknowledged.put(externalId, answer.get("id"));
                    acknowledgedOrder.add(externalId);
                    if ("PENDING".equals(answer.get("status"))) {
                        queuedOnIngest.incrementAndGet();
                    }
                }
            }
            case "score" ->
                expect(
                        op,
                        api.post(
                                "/api/v1/score",
                                keys.get("ingest"),
                                Map.of(
                                        "text",
                                        commentText(n),
                                        "article",
                                        Map.of("title", "Council approves tram line", "body", ARTICLE))),
                        200);
            case "queue-list" ->
                expect(
                        op,
                        api.send(
                                "GET",
                                "/api/v1/queue?limit=25" + (n % 2 == 0 ? "" : "&sort=oldest"),
                                keys.get(moderator),
                                null),
                        200);
            case "queue-item" -> {
                ApiClient.Answer page =
                        expect(op, api.send("GET", "/api/v1/queue?limit=5", keys.get(moderator), null), 200);
                List<Map<String, Object>> items = page == null ? List.of() : page.get("items");
                if (!items.isEmpty()) {
                    expect(
                            op,
                            api.send("GET", "/api/v1/queue/" + items.get(0).get("id"), keys.get(moderator), null),
                            200);
                }
            }
            case "moderate" -> {
                long t0 = System.nanoTime();
                ApiClient.Answer claim = api.post("/api/v1/queue/claim", keys.get(moderator), null);
                ops.get("moderate").serviceTime(System.nanoTime() - t0, "claim");
                if (claim.status() == 204) {
                    emptyQueue.incrementAndGet();
                    return;
                }
                if (expect(op, claim, 200) == null) {
                    return;
                }
                String item = claim.get("id");
                boolean approve = n % 3 != 0;
                ApiClient.Answer decision = expect(
                        op,
                        api.post(
                                "/api/v1/queue/" + item + "/decision",
                                keys.get(moderator),
                                Map.of(
                                        "action",
                                        approve ? "approve" : "reject",
                                        "reason",
                                        approve ? "acceptable" : "toxicity")),
                        200);
                if (decision != null && decided.putIfAbsent(item, moderator) != null) {
                    failures.add("item " + item + " decided twice");
                }
            }
            case "report" -> {
                if (acknowledgedOrder.isEmpty()) {
                    return;
                }
                String externalId = acknowledgedOrder.get(random.nextInt(acknowledgedOrder.size()));
                ApiClient.Answer answer = api.post(
                        "/api/v1/comments/" + acknowledged.get(externalId) + "/reports",
                        keys.get("ingest"),
                        Map.of("reporterId", "reader-" + random.nextInt(50), "reason", n % 2 == 0 ? "abuse" : "spam"));
                // 200: that reader had already reported that comment, which random picks make likely.
                if (answer.status() != 200) {
                    expect(op, answer, 201);
                }
            }
            default -> throw new IllegalArgumentException(op);
        }
    }

    /** Answers {@code answer} if it has the expected status, else records it as a failure and answers null. */
    private ApiClient.Answer expect(String op, ApiClient.Answer answer, int status) {
        if (answer.status() == status) {
            return answer;
        }
        failures.add(op + ": " + answer.status() + " " + answer.json());
        return null;
    }

    /** Clean, insulting or profane (about one in three is not clean), different enough to pass the spam scorer. */
    private static String commentText(long n) {
        Random random = new Random(n * 7919);
        StringBuilder text = new StringBuilder(n % 3 == 0 ? HOSTILE.get((int) (n / 3 % HOSTILE.size())) : "I think");
        for (int i = 0, words = 8 + random.nextInt(20); i < words; i++) {
            text.append(' ').append(WORDS.get(random.nextInt(WORDS.size())));
        }
        return text.append(n % 5 == 0 ? "!" : ".").toString();
    }

    private static final String ARTICLE = "The city council approved the new tram line after a long debate about "
            + "costs. The line will connect the central station with the river district, with twelve stops and a "
            + "depot near the market. Construction starts next summer; buses will replace part of the route while "
            + "the track is laid. Cyclists asked for safe crossings and the mayor promised new traffic lights.";

    // ---- measuring --------------------------------------------------------------------------------------------

    interface Call {
        void run() throws Exception;
    }

    private void run(Op op, long due, Call call) {
        long t0 = System.nanoTime();
        try {
            call.run();
        } catch (Exception e) {
            failures.add(op.name + ": " + e);
        } finally {
            long now = System.nanoTime();
            op.done(now - due, now - t0);
            timeline.add(new long[] {(due - runStart) / 1_000_000_000L, now - due});
        }
    }

    /** Latencies of one operation: from its due time (includes waiting for a client thread) and service time. */
    static final class Op {
        final String name;
        final ConcurrentLinkedQueue<Long> fromDue = new ConcurrentLinkedQueue<>();
        final ConcurrentLinkedQueue<Long> service = new ConcurrentLinkedQueue<>();
        final Map<String, ConcurrentLinkedQueue<Long>> steps = new ConcurrentHashMap<>();

        Op(String name) {
            this.name = name;
        }

        void done(long sinceDue, long serviceTime) {
            fromDue.add(sinceDue);
            service.add(serviceTime);
        }

        void serviceTime(long nanos, String step) {
            steps.computeIfAbsent(step, s -> new ConcurrentLinkedQueue<>()).add(nanos);
        }
    }

    private void report(double seconds, List<long[]> heap) {
        System.out.printf(
                Locale.ROOT,
                "soak: %.1f s, scale %.2f, %d client threads, %d cores, load average at " + "the end %.2f%n",
                seconds,
                SCALE,
                CLIENT_THREADS,
                Runtime.getRuntime().availableProcessors(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                        .getSystemLoadAverage());
        System.out.println("soak: operation      offered/s  done/s   p50 ms   p90 ms   p99 ms   max ms  (from due time)"
                + "   service p50/p99 ms");
        for (Op op : ops.values()) {
            long[] due = sorted(op.fromDue);
            long[] svc = sorted(op.service);
            System.out.printf(
                    Locale.ROOT,
                    "soak: %-13s %9.1f %7.1f %8.1f %8.1f %8.1f %8.1f   %8.1f / %.1f%n",
                    op.name,
                    RATES.get(op.name) * SCALE,
                    due.length / seconds,
                    ms(due, 0.5),
                    ms(due, 0.9),
                    ms(due, 0.99),
                    ms(due, 1.0),
                    ms(svc, 0.5),
                    ms(svc, 0.99));
            op.steps.forEach((step, lat) -> {
                long[] s = sorted(lat);
                System.out.printf(
                        Locale.ROOT,
                        "soak:   %-11s %d calls, service p50 %.1f / p99 %.1f ms%n",
                        step,
                        s.length,
                        ms(s, 0.5),
                        ms(s, 0.99));
            });
        }
        System.out.printf(
                "soak: %d comments acknowledged (%d held for review on ingestion), %d items claimed and "
                        + "decided, %d claims found the queue empty, %d failures%n",
                acknowledged.size(), queuedOnIngest.get(), decided.size(), emptyQueue.get(), failures.size());
        failures.stream().limit(20).forEach(f -> System.out.println("soak: failure " + f));
        System.out.println("soak: timeline, all operations by due time: from s, requests, p50 / p99 ms from due");
        Map<Long, ConcurrentLinkedQueue<Long>> windows = new java.util.TreeMap<>();
        timeline.forEach(
                t -> windows.computeIfAbsent(t[0] / SAMPLE_SECONDS * SAMPLE_SECONDS, w -> new ConcurrentLinkedQueue<>())
                        .add(t[1]));
        windows.forEach((from, lat) -> {
            long[] s = sorted(lat);
            System.out.printf(Locale.ROOT, "soak:   %4d s %6d %9.1f / %.1f%n", from, s.length, ms(s, 0.5), ms(s, 0.99));
        });
        StringBuilder series = new StringBuilder("soak: heap used after full GC (s:MiB)");
        synchronized (heap) {
            heap.forEach(h -> series.append(' ').append(h[0]).append(':').append(h[1] >> 20));
        }
        System.out.println(series);
    }

    private static long[] sorted(ConcurrentLinkedQueue<Long> values) {
        long[] a = values.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(a);
        return a;
    }

    private static double ms(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.min(sorted.length - 1, (int) (sorted.length * quantile))] / 1e6;
    }

    /**
     * The heap's live set: a full GC in the service ({@code jcmd <pid> GC.run}), then the sum of
     * {@code jvm_memory_used_bytes{area="heap"}} over the pools from {@code /q/metrics}.
     */
    private static long liveHeap(ServiceProcess service) throws Exception {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process gc = new ProcessBuilder(jcmd.toString(), Long.toString(service.pid()), "GC.run")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (!gc.waitFor(60, TimeUnit.SECONDS) || gc.exitValue() != 0) {
            throw new IllegalStateException("jcmd GC.run failed for " + service.pid());
        }
        HttpResponse<String> metrics = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(service.base() + "/q/metrics"))
                                .timeout(Duration.ofSeconds(30))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        Matcher m = HEAP_USED.matcher(metrics.body());
        long used = 0;
        while (m.find()) {
            used += (long) Double.parseDouble(m.group(1));
        }
        if (used == 0) {
            throw new IllegalStateException("no jvm_memory_used_bytes{area=\"heap\"} in /q/metrics");
        }
        return used;
    }

    private static final Pattern HEAP_USED =
            Pattern.compile("(?m)^jvm_memory_used_bytes\\{[^}]*area=\"heap\"[^}]*\\}\\s+([0-9.eE+]+)$");

    // ---- checks -----------------------------------------------------------------------------------------------

    /**
     * The smallest live set of the last third must not exceed that of the first third (after the first fifth of
     * the run, while caches and the JIT fill) by more than a quarter or 64 MiB, whichever is larger. A leak of a
     * few hundred bytes per request shows at this rate; the bound is wide because a full GC's result varies.
     */
    private static void assertHeapFlat(List<long[]> heap) {
        long last = heap.get(heap.size() - 1)[0];
        List<long[]> settled = heap.stream().filter(h -> h[0] >= last / 5).toList();
        assertThat(settled.size()).as("heap samples after warm-up").isGreaterThanOrEqualTo(6);
        int third = settled.size() / 3;
        long first =
                settled.subList(0, third).stream().mapToLong(h -> h[1]).min().orElseThrow();
        long end = settled.subList(settled.size() - third, settled.size()).stream()
                .mapToLong(h -> h[1])
                .min()
                .orElseThrow();
        System.out.printf(
                "soak: live heap, smallest of the first third %d MiB, of the last third %d MiB%n",
                first >> 20, end >> 20);
        assertThat(end).as("live heap at the end (bytes)").isLessThanOrEqualTo(first + Math.max(first / 4, 64L << 20));
    }

    /** Straight from the database: every acknowledged externalId once, every decided item one decision entry. */
    private void assertStoredOnceAndDecidedOnce(ServiceProcess.EmbeddedData data, String siteId) throws Exception {
        try (Connection c = DriverManager.getConnection(data.jdbcUrl(), "postgres", "")) {
            Map<String, Integer> copies = new HashMap<>();
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT external_id, count(*) FROM comment WHERE site_id = ?::uuid GROUP BY external_id")) {
                s.setString(1, siteId);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        copies.put(rs.getString(1), rs.getInt(2));
                    }
                }
            }
            assertThat(copies.keySet()).containsAll(acknowledged.keySet());
            assertThat(copies.values()).allMatch(n -> n == 1);

            Map<String, Integer> decisions = new HashMap<>();
            try (PreparedStatement s = c.prepareStatement("SELECT review_item_id::text, count(*) FROM audit_entry "
                    + "WHERE site_id = ?::uuid AND action IN ('comment.approved', 'comment.rejected') "
                    + "GROUP BY review_item_id")) {
                s.setString(1, siteId);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        decisions.put(rs.getString(1), rs.getInt(2));
                    }
                }
            }
            for (String item : decided.keySet()) {
                assertThat(decisions.get(item))
                        .as("decision entries of item " + item)
                        .isEqualTo(1);
            }
            // Nothing else decided items: the test's moderators are the only ones.
            assertThat(decisions.keySet()).containsExactlyInAnyOrderElementsOf(decided.keySet());
            System.out.printf(
                    "soak: database holds %d comments of the site, %d decided items with one decision "
                            + "entry each%n",
                    copies.size(), decisions.size());
        }
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long wait = nanoTime - System.nanoTime();
        if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
    }
}
