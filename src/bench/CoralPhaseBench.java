import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Latency of the Coral External Moderation Phase endpoint as Coral sees it, on 600–1,000-character comments: each
 * request is built, serialised ({@code JSON.stringify(data, null, 2)}) and signed as Coral does, and every one is a
 * new comment (distinct author), so each runs the full pipeline and is stored. Two runs per set: one request at a
 * time (Coral calls the phase once per comment, inline), then a fixed rate, open loop, latency from the scheduled
 * send time. Coral's default phase timeout is 200 ms (its admin form's default; allowed 100–10,000 ms).
 *
 * <pre>java src/bench/CoralPhaseBench.java BASE_URL PLATFORM_ADMIN_KEY RATE SECONDS CSV:COLUMN[:LABEL]...</pre>
 * {@code -Dmax=N} measures at most the first N comments of each set one at a time (default: all).
 */
public class CoralPhaseBench {

    static final long CORAL_DEFAULT_TIMEOUT_MS = 200;
    static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final String STORY_URL = "https://news.example/2026/11/council-approves-tram-line";
    static final String ARTICLE = "The city council approved the new tram line on Tuesday after a long debate about "
            + "costs. Construction starts next spring and the line should open in three years. Opponents say the "
            + "budget is unrealistic and that the bus network will suffer during the works. Supporters point to the "
            + "morning congestion on the ring road and to the hospital, which the line will serve directly.";

    public static void main(String[] args) throws Exception {
        if (args.length < 5) {
            System.err.println("usage: CoralPhaseBench BASE_URL PLATFORM_ADMIN_KEY RATE SECONDS CSV:COLUMN[:LABEL]...");
            System.exit(2);
        }
        URI base = URI.create(args[0].endsWith("/") ? args[0] : args[0] + "/");
        double rate = Double.parseDouble(args[2]);
        int seconds = Integer.parseInt(args[3]);
        byte[] raw = new byte[32];
        new SecureRandom().nextBytes(raw);
        String secret = "ems_" + HexFormat.of().formatHex(raw);
        String tenant = "bench-tenant-" + System.nanoTime();

        String site = post(base.resolve("api/v1/sites"), args[1], "{\"name\":\"Coral benchmark\"}");
        String siteId = field(site, "id");
        String admin = field(site.substring(site.indexOf("\"adminKey\"")), "key");
        String ingest = field(
                post(
                        base.resolve("api/v1/sites/" + siteId + "/keys"),
                        admin,
                        "{\"role\":\"ingest\",\"label\":\"coral-bench\"}"),
                "key");
        send(
                "PUT",
                base.resolve("api/v1/articles/tram-line"),
                ingest,
                "{\"title\":\"Council approves tram line\"," + "\"url\":\"" + STORY_URL + "\",\"body\":\"" + ARTICLE
                        + "\"}");
        send(
                "PUT",
                base.resolve("api/v1/sites/" + siteId + "/integrations/coral"),
                admin,
                "{\"tenantId\":\"" + tenant + "\",\"secrets\":[{\"secret\":\"" + secret + "\"}]}");

        URI endpoint = base.resolve("integrations/coral/v1/moderate");
        System.out.printf(
                "== %d CPUs, %s, Coral default timeout %d ms%n",
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"),
                CORAL_DEFAULT_TIMEOUT_MS);
        int[] seq = {0};
        for (int a = 4; a < args.length; a++) {
            String[] spec = args[a].split(":");
            List<String> texts = comments(Path.of(spec[0]), spec[1]);
            texts = texts.subList(0, Math.min(texts.size(), Integer.getInteger("max", Integer.MAX_VALUE)));
            String label =
                    spec.length > 2 ? spec[2] : Path.of(spec[0]).getFileName().toString();
            if (texts.isEmpty()) {
                System.out.println("== " + label + ": no comment of 600-1,000 characters");
                continue;
            }
            double mean = texts.stream().mapToInt(String::length).average().orElse(0);
            // Warm-up: JIT, connection pool, transformer sessions; not reported.
            for (int i = 0; i < Math.min(50, texts.size()); i++) {
                moderate(endpoint, tenant, secret, texts.get(i), "warm-" + seq[0]++);
            }
            List<Long> one = new ArrayList<>();
            List<Long> direct = new ArrayList<>();
            List<Long> analyze = new ArrayList<>();
            List<Long> analyzeSpans = new ArrayList<>();
            Map<String, Integer> answers = new java.util.TreeMap<>();
            for (String text : texts) {
                long t0 = System.nanoTime();
                HttpResponse<String> r = moderate(endpoint, tenant, secret, text, "seq-" + seq[0]++);
                one.add(System.nanoTime() - t0);
                answers.merge(
                        r.statusCode() == 204 ? "204" : r.body().replaceAll(".*\"status\":\"([A-Z_]+)\".*", "$1"),
                        1,
                        Integer::sum);
                // The same comment through the REST API, interleaved, so both see the same machine load.
                long t1 = System.nanoTime();
                post(
                        base.resolve("api/v1/comments"),
                        ingest,
                        "{\"externalId\":\"direct-" + seq[0]++
                                + "\",\"articleId\":\"tram-line\",\"author\":{\"id\":\"direct-" + seq[0]
                                + "\"},\"text\":" + js(text) + "}");
                direct.add(System.nanoTime() - t1);
                // Coral's toxic comment filter calls Perspective's analyze for TOXICITY without span annotations;
                // the same with them shows what the per-sentence span pass costs.
                analyze.add(analyze(base, ingest, text, false));
                analyzeSpans.add(analyze(base, ingest, text, true));
            }
            System.out.printf("== %s: %d comments, mean %.0f chars%n", label, texts.size(), mean);
            report("one at a time", one, answers);
            report("same, POST /api/v1/comments", direct, null);
            report("Perspective analyze, TOXICITY", analyze, null);
            report("same with spanAnnotations", analyzeSpans, null);
            if (rate <= 0) {
                continue;
            }

            ConcurrentLinkedQueue<Long> fixed = new ConcurrentLinkedQueue<>();
            List<CompletableFuture<?>> pending = new ArrayList<>();
            long start = System.nanoTime() + 50_000_000L;
            long interval = (long) (1e9 / rate);
            int total = (int) (rate * seconds);
            for (int i = 0; i < total; i++) {
                long due = start + i * interval;
                LockSupport.parkNanos(due - System.nanoTime());
                String text = texts.get(i % texts.size());
                String author = "rate-" + seq[0]++;
                pending.add(CompletableFuture.runAsync(() -> {
                    try {
                        moderate(endpoint, tenant, secret, text, author);
                    } catch (Exception e) {
                        throw new RuntimeException(e);
                    }
                    fixed.add(System.nanoTime() - due);
                }));
            }
            CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).join();
            report(String.format("fixed %.0f/s for %d s (open loop)", rate, seconds), new ArrayList<>(fixed), null);
            // The phase answers before toxicity's sentence spans; they are added to the stored comments after.
            long answered = System.nanoTime();
            double left = queuedExplanations(base);
            while (queuedExplanations(base) > 0) {
                Thread.sleep(10);
            }
            System.out.printf(
                    "   deferred spans: %.0f queued at the last answer, none %.0f ms later%n",
                    left, (System.nanoTime() - answered) / 1e6);
        }
    }

    /** Comments whose deferred explanation is still queued ({@code DeferredExplanations}), from {@code /q/metrics}. */
    static double queuedExplanations(URI base) throws Exception {
        String metrics = HTTP.send(
                        HttpRequest.newBuilder(base.resolve("q/metrics")).build(), HttpResponse.BodyHandlers.ofString())
                .body();
        for (String line : metrics.split("\n")) {
            if (line.startsWith("commentguard_explanations_queued ")) {
                return Double.parseDouble(line.substring(line.indexOf(' ') + 1).trim());
            }
        }
        return 0;
    }

    static HttpResponse<String> moderate(URI endpoint, String tenant, String secret, String text, String author)
            throws Exception {
        // The payload of processPhase in Coral's external.ts, keys in Coral's order, pretty-printed like
        // JSON.stringify(data, null, 2).
        String body = "{\n  \"action\": \"NEW\",\n  \"comment\": {\n    \"body\": " + js(text)
                + ",\n    \"parentID\": null\n  },\n  \"author\": {\n    \"id\": " + js(author)
                + ",\n    \"role\": \"COMMENTER\"\n  },\n  \"story\": {\n    \"id\": \"story-tram\",\n    \"url\": "
                + js(STORY_URL) + "\n  },\n  \"site\": {\n    \"id\": \"coral-site\"\n  },\n  \"tenantID\": "
                + js(tenant) + ",\n  \"tenantDomain\": \"comments.news.example\"\n}";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        HttpResponse<String> r = HTTP.send(
                HttpRequest.newBuilder(endpoint)
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/json")
                        .header("User-Agent", "Coral Moderation/9.3.0")
                        .header("X-Coral-Signature", "sha256=" + HexFormat.of().formatHex(mac.doFinal(bytes)))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200 && r.statusCode() != 204) {
            throw new IllegalStateException("moderation answered " + r.statusCode() + ": " + r.body());
        }
        return r;
    }

    /** Nanoseconds of one Perspective analyze of {@code text} for TOXICITY, as Coral's toxic comment filter asks. */
    static long analyze(URI base, String key, String text, boolean spans) throws Exception {
        String json = "{\"comment\":{\"text\":" + js(text) + "},\"requestedAttributes\":{\"TOXICITY\":{}},"
                + "\"doNotStore\":true" + (spans ? ",\"spanAnnotations\":true" : "") + "}";
        long t0 = System.nanoTime();
        HttpResponse<String> r = HTTP.send(
                HttpRequest.newBuilder(base.resolve("v1alpha1/comments:analyze?key=" + key))
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        long nanos = System.nanoTime() - t0;
        // 400 LANGUAGE_NOT_SUPPORTED_BY_ATTRIBUTE is Perspective's answer for a confidently foreign comment.
        if (r.statusCode() != 200 && r.statusCode() != 400) {
            throw new IllegalStateException("analyze answered " + r.statusCode() + ": " + r.body());
        }
        return nanos;
    }

    static void report(String what, List<Long> nanos, Map<String, Integer> answers) {
        long[] ms = nanos.stream().mapToLong(n -> n).sorted().toArray();
        long over = Arrays.stream(ms)
                .filter(n -> n > CORAL_DEFAULT_TIMEOUT_MS * 1_000_000L)
                .count();
        System.out.printf(
                "   %-32s n=%d  p50 %.1f  p90 %.1f  p99 %.1f  max %.1f ms  over %d ms: %d (%.1f %%)%s%n",
                what,
                ms.length,
                pct(ms, 50),
                pct(ms, 90),
                pct(ms, 99),
                ms[ms.length - 1] / 1e6,
                CORAL_DEFAULT_TIMEOUT_MS,
                over,
                100.0 * over / ms.length,
                answers == null ? "" : "  answers " + answers);
    }

    static double pct(long[] sorted, double p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }

    /** The column's texts of 600–1,000 characters (a minimal RFC 4180 reader: quotes, doubled quotes, newlines). */
    static List<String> comments(Path csv, String column) throws Exception {
        String all = Files.readString(csv, StandardCharsets.UTF_8);
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < all.length(); i++) {
            char c = all.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < all.length() && all.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\n') {
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else if (c != '\r') {
                cell.append(c);
            }
        }
        int col = rows.get(0).indexOf(column);
        List<String> out = new ArrayList<>();
        for (List<String> r : rows.subList(1, rows.size())) {
            if (col < r.size() && r.get(col).length() >= 600 && r.get(col).length() <= 1000) {
                out.add(r.get(col));
            }
        }
        return out;
    }

    static String js(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    boolean lone = Character.isHighSurrogate(c)
                            ? i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))
                            : Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(s.charAt(i - 1)));
                    out.append(c < 0x20 || lone ? String.format("\\u%04x", (int) c) : String.valueOf(c));
                }
            }
        }
        return out.append('"').toString();
    }

    static String post(URI uri, String key, String json) throws Exception {
        return send("POST", uri, key, json);
    }

    static String send(String method, URI uri, String key, String json) throws Exception {
        HttpResponse<String> r = HTTP.send(
                HttpRequest.newBuilder(uri)
                        .header("X-Api-Key", key)
                        .header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + uri + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1);
    }
}
