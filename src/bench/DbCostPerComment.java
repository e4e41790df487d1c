import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one ingested comment costs PostgreSQL: WAL bytes, rows written per table, transactions and the server's
 * own statement time ({@code pg_stat_database.active_time}, PostgreSQL 14+), measured around N comments posted
 * one after another to a running instance. Run it against a database of its own; other sessions in the same
 * database would count too.
 *
 * <pre>java src/bench/DbCostPerComment.java BASE_URL ADMIN_KEY PSQL_CONNINFO COMMENTS_CSV [N]</pre>
 *
 * COMMENTS_CSV is a (comment_id, comment_text) file such as the Civil Comments sample in
 * ../shared/data/toxic-spans-civil-comments/data_comments.csv; comments of 600–1,000 characters are used.
 */
public class DbCostPerComment {

    static final HttpClient HTTP = HttpClient.newHttpClient();
    static String base;

    public static void main(String[] args) throws Exception {
        base = args[0];
        String admin = args[1];
        String conninfo = args[2];
        List<String> texts = newsLength(Path.of(args[3]));
        int n = args.length > 4 ? Integer.parseInt(args[4]) : 200;

        String created = call("POST", "/api/v1/sites", admin, "{\"name\":\"db cost " + UUID.randomUUID() + "\"}");
        String site = field(created.substring(created.indexOf("\"site\"")), "id");
        String siteAdmin = field(created.substring(created.indexOf("\"adminKey\"")), "key");
        String ingest = field(
                call("POST", "/api/v1/sites/" + site + "/keys", siteAdmin, "{\"role\":\"ingest\",\"label\":\"bench\"}"),
                "key");
        call(
                "PUT",
                "/api/v1/articles/bench-article",
                ingest,
                "{\"title\":\"Council approves tram line\","
                        + "\"body\":\"The city council approved the new tram line after a long debate about costs.\"}");
        // One warm-up comment so that caches and prepared statements exist before the measurement.
        post(ingest, texts.get(0));

        Map<String, Long> before = snapshot(conninfo);
        long chars = 0;
        long started = System.nanoTime();
        for (int i = 0; i < n; i++) {
            String text = texts.get(1 + i % (texts.size() - 1));
            chars += text.length();
            post(ingest, text);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        Map<String, Long> after = snapshot(conninfo);

        System.out.printf(
                "comments: %d (mean %.0f chars), sequential, %.1f s wall (%.0f ms per comment, scoring"
                        + " included)%n",
                n, (double) chars / n, seconds, seconds * 1000 / n);
        for (String key : after.keySet()) {
            long delta = after.get(key) - before.getOrDefault(key, 0L);
            if (delta != 0) {
                System.out.printf("%-40s %12d total %12.2f per comment%n", key, delta, (double) delta / n);
            }
        }
    }

    static List<String> newsLength(Path csv) throws IOException {
        String all = Files.readString(csv, StandardCharsets.UTF_8);
        // id,"quoted text with ""doubled"" quotes and newlines" or id,plain text
        Matcher m = Pattern.compile("(?m)^\\d+,(\"(?:[^\"]|\"\")*\"|[^\\n]*)$").matcher(all);
        List<String> out = new ArrayList<>();
        while (m.find()) {
            String t = m.group(1);
            if (t.startsWith("\"")) {
                t = t.substring(1, t.length() - 1).replace("\"\"", "\"");
            }
            if (t.length() >= 600 && t.length() <= 1000) {
                out.add(t);
            }
        }
        if (out.size() < 2) {
            throw new IllegalStateException("fewer than 2 comments of 600-1000 characters in " + csv);
        }
        return out;
    }

    static void post(String key, String text) throws Exception {
        String body = "{\"externalId\":\"" + UUID.randomUUID() + "\",\"articleId\":\"bench-article\","
                + "\"author\":{\"id\":\"reader-" + (text.hashCode() & 0xff) + "\",\"name\":\"Reader\"},"
                + "\"text\":" + quote(text) + "}";
        call("POST", "/api/v1/comments", key, body);
    }

    static String call(String method, String path, String key, String body) throws Exception {
        HttpResponse<String> r = HTTP.send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .header("X-Api-Key", key)
                        .header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + path + " -> " + r.statusCode() + " " + r.body());
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

    static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    /** Counters of this database: WAL position, statement time, transactions, rows per table. */
    static Map<String, Long> snapshot(String conninfo) throws Exception {
        String sql = "SELECT 'wal_bytes', pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::bigint"
                + " UNION ALL SELECT 'active_time_us', (active_time * 1000)::bigint FROM pg_stat_database"
                + " WHERE datname = current_database()"
                + " UNION ALL SELECT 'xact_commit', xact_commit FROM pg_stat_database WHERE datname = current_database()"
                + " UNION ALL SELECT 'blks_hit+read', blks_hit + blks_read FROM pg_stat_database"
                + " WHERE datname = current_database()"
                + " UNION ALL SELECT 'rows_inserted.' || relname, n_tup_ins FROM pg_stat_user_tables"
                + " UNION ALL SELECT 'rows_updated.' || relname, n_tup_upd FROM pg_stat_user_tables"
                + " UNION ALL SELECT 'table_bytes.' || relname, pg_total_relation_size(relid) FROM pg_stat_user_tables";
        // Statistics reach pg_stat_* with a delay of up to stats_fetch_consistency/flush (about 1 s).
        Thread.sleep(1500);
        Process p = new ProcessBuilder(
                        "psql", conninfo, "-AtF", "\t", "-c", "SELECT pg_stat_clear_snapshot()", "-c", sql)
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException(out);
        }
        Map<String, Long> values = new LinkedHashMap<>();
        for (String line : out.split("\n")) {
            String[] kv = line.split("\t");
            if (kv.length == 2 && !kv[1].isEmpty()) {
                values.put(kv[0], Long.parseLong(kv[1]));
            }
        }
        return values;
    }
}
