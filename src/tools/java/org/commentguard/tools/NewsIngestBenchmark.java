package org.commentguard.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What full scoring costs on realistic news comments (600–1,000 characters), measured through the HTTP API of a
 * running service as a site would use it: every comment under a registered article of its thread, the thread
 * growing as comments arrive. Per set of comments:
 *
 * <ol>
 *   <li>a warm-up with {@code clients} clients for {@code warm} seconds, not reported;</li>
 *   <li>one at a time: milliseconds per comment of each scorer (from {@code /q/metrics}; with one client this is
 *   their CPU time) and the service's CPU per comment;</li>
 *   <li>{@code POST /api/v1/comments} with {@code clients} concurrent clients (closed loop, after a warm-up):
 *   comments/s, latency, refusals, the service's CPU per comment, and the share of comments served with a degraded
 *   stage ({@code toxicity.refine_skipped_busy}: the transformer skipped while busy);</li>
 *   <li>{@code POST /api/v1/score} at a fixed rate (open loop, latency from each request's scheduled time).</li>
 * </ol>
 *
 * <p>usage: {@code NewsIngestBenchmark BASE_URL PLATFORM_ADMIN_KEY SERVICE_PID ARTICLES_DIR CSV:COLUMN:LABEL...};
 * system properties {@code clients} (16), {@code seconds} (30), {@code warm} (10), {@code rate} (10, per second),
 * {@code sequential} (100). {@code src/bench/news-bench.sh} starts the packaged service and runs this.
 */
public final class NewsIngestBenchmark {

    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** Clients per ingest key: the default per-key concurrency limit, so that no client is refused for it. */
    static final int CLIENTS_PER_KEY = 8;

    static final Pattern METRIC = Pattern.compile("^([a-z_]+)\\{([^}]*)\\}\\s+([0-9.eE+-]+)$");

    private final URI base;
    private final long pid;
    private final List<String> keys = new ArrayList<>();
    private final List<String> articles = new ArrayList<>();
    private final List<String[]> articleTexts = new ArrayList<>();
    private final AtomicInteger seq = new AtomicInteger();

    private NewsIngestBenchmark(URI base, long pid) {
        this.base = base;
        this.pid = pid;
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 5) {
            System.err.println(
                    "usage: NewsIngestBenchmark BASE_URL PLATFORM_ADMIN_KEY SERVICE_PID ARTICLES_DIR CSV:COLUMN:LABEL...");
            System.exit(2);
        }
        NewsIngestBenchmark bench = new NewsIngestBenchmark(
                URI.create(args[0].endsWith("/") ? args[0] : args[0] + "/"), Long.parseLong(args[2]));
        int clients = Integer.getInteger("clients", 16);
        bench.setUp(args[1], Path.of(args[3]), clients);
        System.out.printf(
                Locale.ROOT,
                "== %d CPUs, Java %s; %d articles of %.0f words on average; %d clients%n",
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"),
                bench.articles.size(),
                bench.articleTexts.stream()
                        .mapToInt(a -> a[1].split("\\s+").length)
                        .average()
                        .orElse(0),
                clients);
        for (int a = 4; a < args.length; a++) {
            String[] spec = args[a].split(":", 3);
            List<String> texts = newsLength(Path.of(spec[0]), spec[1]);
            String label = spec.length > 2 ? spec[2] : spec[0];
            System.out.printf(
                    Locale.ROOT,
                    "== %s: %d comments of 600-1,000 characters, mean %.0f%n",
                    label,
                    texts.size(),
                    texts.stream().mapToInt(String::length).average().orElse(0));
            if (!texts.isEmpty()) {
                bench.run(texts, clients);
            }
        }
    }

    /** A site with one ingest key per {@value #CLIENTS_PER_KEY} clients, and the articles registered. */
    private void setUp(String platformKey, Path articleDir, int clients) throws Exception {
        String site = send("POST", "api/v1/sites", platformKey, "{\"name\":\"News ingestion benchmark\"}");
        String siteId = JSON.readTree(site).get("site").get("id").asText();
        String admin = JSON.readTree(site).get("adminKey").get("key").asText();
        for (int i = 0; i < Math.max(1, (clients + CLIENTS_PER_KEY - 1) / CLIENTS_PER_KEY); i++) {
            keys.add(field(
                    send(
                            "POST",
                            "api/v1/sites/" + siteId + "/keys",
                            admin,
                            "{\"role\":\"ingest\",\"label\":\"bench-" + i + "\"}"),
                    "key"));
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(articleDir)) {
            files = s.filter(p -> p.getFileName().toString().matches("a\\d+.*\\.txt"))
                    .sorted()
                    .toList();
        }
        for (Path f : files) {
            String all = Files.readString(f, StandardCharsets.UTF_8).strip();
            int nl = all.indexOf('\n');
            String title = all.substring(0, nl).strip();
            String body = all.substring(nl + 1).strip();
            String id = "news-" + f.getFileName().toString().replaceAll("\\.txt$", "");
            send(
                    "PUT",
                    "api/v1/articles/" + id,
                    keys.get(0),
                    "{\"title\":" + json(title) + ",\"body\":" + json(body) + "}");
            articles.add(id);
            articleTexts.add(new String[] {title, body});
        }
        if (articles.isEmpty()) {
            throw new IllegalArgumentException("no article a*.txt in " + articleDir);
        }
    }

    private void run(List<String> texts, int clients) throws Exception {
        int sequential = Math.min(Integer.getInteger("sequential", 100), texts.size());
        int seconds = Integer.getInteger("seconds", 30);

        // Warm-up (not reported): JIT, connection pool, every article's sentence embeddings.
        closedLoop(texts, clients, Integer.getInteger("warm", 10), null);

        // 1. One at a time: what each stage costs a comment, with nothing else running.
        Map<String, Double> before = metrics();
        long cpu0 = cpuTicks();
        List<Long> one = new ArrayList<>();
        for (int i = 0; i < sequential; i++) {
            long t0 = System.nanoTime();
            int status = ingest(texts.get(i), 0);
            one.add(System.nanoTime() - t0);
            if (status >= 300) {
                throw new IllegalStateException("POST /api/v1/comments answered " + status);
            }
        }
        Map<String, Double> after = metrics();
        report("one at a time, POST /api/v1/comments", one, null);
        System.out.printf(
                Locale.ROOT,
                "   service CPU %.1f ms per comment; per stage (ms per comment, one client):%s%n",
                (cpuTicks() - cpu0) * 10.0 / sequential,
                stages(before, after));

        // 2. Closed loop: as many comments as the service takes from `clients` clients.
        closedLoop(texts, clients, seconds, "POST /api/v1/comments, " + clients + " clients, " + seconds + " s");

        // 3. /score at a fixed rate.
        double rate = Double.parseDouble(System.getProperty("rate", "10"));
        if (rate > 0) {
            fixedRateScore(texts, rate, seconds);
        }
    }

    private void closedLoop(List<String> texts, int clients, int seconds, String label) throws Exception {
        Map<String, Double> before = metrics();
        long cpu0 = cpuTicks();
        long[] machine0 = machineTicks();
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        AtomicInteger next = new AtomicInteger(sequentialOffset(texts));
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            int client = c;
            pool.submit(() -> {
                while (System.nanoTime() < end) {
                    String text = texts.get(Math.floorMod(next.getAndIncrement(), texts.size()));
                    long t0 = System.nanoTime();
                    int status;
                    try {
                        status = ingest(text, client / CLIENTS_PER_KEY);
                    } catch (Exception e) {
                        status = -1;
                    }
                    statuses.merge(status, 1, Integer::sum);
                    if (status >= 200 && status < 300) {
                        latencies.add(System.nanoTime() - t0);
                    }
                }
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(seconds + 60L, TimeUnit.SECONDS);
        double wall = (System.nanoTime() - start) / 1e9;
        if (label == null) {
            return; // warm-up
        }
        Map<String, Double> after = metrics();
        long[] machine1 = machineTicks();
        int stored = latencies.size();
        double scored = delta(before, after, "commentguard_scoring_duration_seconds_count", "scorer=\"toxicity\"");
        double skipped =
                delta(before, after, "commentguard_scoring_reasons_total", "reason=\"toxicity.refine_skipped_busy\"");
        report(label, new ArrayList<>(latencies), new TreeMap<>(statuses));
        System.out.printf(
                Locale.ROOT,
                "   %.1f comments/s stored; service CPU %.1f ms per comment; machine busy %.0f %%; "
                        + "degraded (toxicity.refine_skipped_busy) %.0f of %.0f scored (%.1f %%)%n",
                stored / wall,
                (cpuTicks() - cpu0) * 10.0 / Math.max(1, stored),
                100.0 * (1 - (double) (machine1[1] - machine0[1]) / Math.max(1, machine1[0] - machine0[0])),
                skipped,
                scored,
                scored == 0 ? 0 : 100 * skipped / scored);
    }

    private int sequentialOffset(List<String> texts) {
        return seq.get() % Math.max(1, texts.size());
    }

    private void fixedRateScore(List<String> texts, double rate, int seconds) throws Exception {
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newCachedThreadPool();
        long interval = (long) (1e9 / rate);
        int total = (int) (rate * seconds);
        long start = System.nanoTime() + 50_000_000L;
        for (int i = 0; i < total; i++) {
            long due = start + i * interval;
            LockSupport.parkNanos(due - System.nanoTime());
            String text = texts.get(i % texts.size());
            String[] article = articleTexts.get(i % articleTexts.size());
            pool.submit(() -> {
                int status;
                try {
                    status = post(
                                    "api/v1/score",
                                    keys.get(0),
                                    "{\"text\":" + json(text) + ",\"article\":{\"title\":" + json(article[0])
                                            + ",\"body\":" + json(article[1]) + "}}")
                            .statusCode();
                } catch (Exception e) {
                    status = -1;
                }
                statuses.merge(status, 1, Integer::sum);
                if (status == 200) {
                    latencies.add(System.nanoTime() - due);
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(60, TimeUnit.SECONDS);
        report(
                String.format(Locale.ROOT, "POST /api/v1/score, fixed %.0f/s for %d s (open loop)", rate, seconds),
                new ArrayList<>(latencies),
                new TreeMap<>(statuses));
    }

    /** Stores one comment under the next article's thread; returns the HTTP status. */
    private int ingest(String text, int key) throws Exception {
        int n = seq.getAndIncrement();
        String body = "{\"externalId\":\"bench-" + n + "\",\"articleId\":\"" + articles.get(n % articles.size())
                + "\",\"author\":{\"id\":\"reader-" + (n % 997) + "\"},\"text\":" + json(text) + "}";
        return post("api/v1/comments", keys.get(key), body).statusCode();
    }

    /** Mean milliseconds per comment of each scorer between two metric scrapes. */
    private static String stages(Map<String, Double> before, Map<String, Double> after) {
        StringBuilder sb = new StringBuilder();
        Pattern scorer = Pattern.compile("scorer=\"([^\"]+)\"");
        new TreeMap<>(after).forEach((key, sum) -> {
            if (!key.startsWith("commentguard_scoring_duration_seconds_sum{")) {
                return;
            }
            Matcher m = scorer.matcher(key);
            if (!m.find()) {
                return;
            }
            String countKey = key.replace("_sum{", "_count{");
            double n = after.getOrDefault(countKey, 0.0) - before.getOrDefault(countKey, 0.0);
            if (n > 0) {
                sb.append(String.format(
                        Locale.ROOT, " %s %.1f", m.group(1), 1000 * (sum - before.getOrDefault(key, 0.0)) / n));
            }
        });
        return sb.toString();
    }

    private static double delta(Map<String, Double> before, Map<String, Double> after, String name, String label) {
        double d = 0;
        for (Map.Entry<String, Double> e : after.entrySet()) {
            if (e.getKey().startsWith(name + "{") && e.getKey().contains(label)) {
                d += e.getValue() - before.getOrDefault(e.getKey(), 0.0);
            }
        }
        return d;
    }

    /** Every labelled sample of {@code /q/metrics}, keyed by its name and labels as printed. */
    private Map<String, Double> metrics() throws Exception {
        String text = HTTP.send(
                        HttpRequest.newBuilder(base.resolve("q/metrics")).build(), HttpResponse.BodyHandlers.ofString())
                .body();
        Map<String, Double> out = new TreeMap<>();
        for (String line : text.split("\n")) {
            Matcher m = METRIC.matcher(line.strip());
            if (m.matches()) {
                out.put(m.group(1) + "{" + m.group(2) + "}", Double.parseDouble(m.group(3)));
            }
        }
        return out;
    }

    /** User and system CPU ticks (1/100 s) of the service process so far. */
    private long cpuTicks() throws Exception {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }

    /** The machine's total and idle CPU ticks so far (every process, the load generator and database included). */
    private static long[] machineTicks() throws Exception {
        String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
        long total = 0;
        for (int i = 1; i < f.length; i++) {
            total += Long.parseLong(f[i]);
        }
        return new long[] {total, Long.parseLong(f[4]) + Long.parseLong(f[5])};
    }

    static void report(String what, List<Long> nanos, Map<Integer, Integer> statuses) {
        long[] ms = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        if (ms.length == 0) {
            System.out.printf("   %-46s no successful answer %s%n", what, statuses);
            return;
        }
        System.out.printf(
                Locale.ROOT,
                "   %-46s n=%d  p50 %.1f  p90 %.1f  p99 %.1f  max %.1f ms%s%n",
                what,
                ms.length,
                pct(ms, 50),
                pct(ms, 90),
                pct(ms, 99),
                ms[ms.length - 1] / 1e6,
                statuses == null ? "" : "  statuses " + statuses);
    }

    static double pct(long[] sorted, double p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }

    /** The column's texts of 600–1,000 characters, in file order. */
    static List<String> newsLength(Path csv, String column) throws Exception {
        Csv table = Csv.read(csv, ',');
        int col = table.header().indexOf(column);
        if (col < 0) {
            throw new IllegalArgumentException(csv + " has no column " + column + ": " + table.header());
        }
        return table.rows().stream()
                .filter(r -> col < r.size())
                .map(r -> r.get(col))
                .filter(t -> t.length() >= 600 && t.length() <= 1000)
                .toList();
    }

    private HttpResponse<String> post(String path, String key, String json) throws Exception {
        return request("POST", path, key, json);
    }

    /** {@link #request}, refusing any answer but a success: the set-up calls. */
    private String send(String method, String path, String key, String json) throws Exception {
        HttpResponse<String> r = request(method, path, key, json);
        if (r.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + path + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    private HttpResponse<String> request(String method, String path, String key, String json) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(base.resolve(path))
                        .header("X-Api-Key", key)
                        .header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String field(String json, String name) throws Exception {
        JsonNode v = JSON.readTree(json).get(name);
        if (v == null) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return v.asText();
    }

    static String json(String s) throws Exception {
        return JSON.writeValueAsString(s);
    }
}
