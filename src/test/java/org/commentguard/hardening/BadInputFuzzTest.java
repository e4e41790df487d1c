package org.commentguard.hardening;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.commentguard.testing.Api.ADMIN_KEY;

/**
 * Randomised and hand-written hostile requests against every public endpoint, with two sites. For each request:
 * no 5xx, every 4xx is a problem document (Google's error shape on {@code /v1alpha1/}) without internals, site
 * A's keys never see site B's data, and a refused request stores nothing (row counts of every table unchanged).
 * The seed is fixed so a failure reproduces; {@code -Dcommentguard.fuzz.seed=} and
 * {@code -Dcommentguard.fuzz.iterations=} explore further.
 */
@QuarkusTest
class BadInputFuzzTest {

    private static final long SEED = Long.getLong("commentguard.fuzz.seed", 20_261_122L);
    private static final int ITERATIONS = Integer.getInteger("commentguard.fuzz.iterations", 600);
    private static final List<String> TABLES = List.of("site", "api_key", "article", "author", "site_policy",
            "comment", "review_item", "reader_report", "audit_entry", "webhook_endpoint", "webhook_delivery",
            "score_feedback");

    /** Placeholders naming an existing resource of site A (authors are per-site names, not ids). */
    private static final java.util.regex.Pattern ID_PLACEHOLDERS =
            java.util.regex.Pattern.compile("\\{(article|comment|item|site|webhook)}");

    @TestHTTPResource("/")
    URI base;

    @Inject
    DataSource db;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private TwoSites sites;

    @BeforeEach
    void twoSites() {
        sites = TwoSites.create();
    }

    @Test
    void randomRequestsNeverFailWithServerErrorsLeakAcrossSitesOrStoreAnythingWhenRefused() throws Exception {
        Random random = new Random(SEED);
        Hostile hostile = new Hostile(random, sites);
        int refused = 0;
        int accepted = 0;
        for (int i = 0; i < ITERATIONS; i++) {
            Endpoint endpoint = Endpoint.ALL.get(random.nextInt(Endpoint.ALL.size()));
            String key = hostile.key(endpoint.role);
            String path = endpoint.path(hostile);
            byte[] body = endpoint.hasBody ? hostile.body(endpoint.validBody.apply(sites.a())) : null;
            String contentType = random.nextInt(20) == 0 ? hostile.contentType() : "application/json";
            Exchange exchange = send(endpoint.method, path, key, contentType, body);
            exchange.assertWellFormed("seed " + SEED + " iteration " + i);
            if (exchange.status >= 400) {
                refused++;
            } else {
                accepted++;
            }
        }
        // The generator must reach both outcomes, or it tests nothing but the key check.
        assertThat(refused).isGreaterThan(ITERATIONS / 4);
        assertThat(accepted).isGreaterThan(ITERATIONS / 20);
    }

    @Test
    void handWrittenHostileBodiesAreRefusedOrHandledOnEveryWritingEndpoint() throws Exception {
        TwoSites.Site a = sites.a();
        List<byte[]> bodies = new ArrayList<>(Hostile.handWritten());
        for (Endpoint endpoint : Endpoint.ALL) {
            if (!endpoint.hasBody) {
                continue;
            }
            String key = a.keyFor(endpoint.role);
            String path = endpoint.pathFor(a.ids());
            for (byte[] body : bodies) {
                send(endpoint.method, path, key, "application/json", body)
                        .assertWellFormed(endpoint.method + " " + path + " with " + preview(body));
            }
            for (String text : Hostile.hostileTexts()) {
                Map<String, Object> valid = endpoint.validBody.apply(a);
                Hostile.replaceTexts(valid, text);
                send(endpoint.method, path, key, "application/json", Json.write(valid).getBytes(StandardCharsets.UTF_8))
                        .assertWellFormed(endpoint.method + " " + path + " with text " + preview(text.getBytes(
                                StandardCharsets.UTF_8)));
            }
        }
    }

    @Test
    void commentTextWithNulCharactersOrLoneSurrogatesIsNeverAServerError() throws Exception {
        TwoSites.Site a = sites.a();
        for (String text : List.of("nul \u0000 inside", "lone high \ud800 surrogate", "lone low \udc00",
                "\u0000", "bidi \u202e override \u2066", "\uFEFFbom first")) {
            Map<String, Object> comment = Endpoint.comment(a);
            comment.put("text", text);
            Exchange exchange = send("POST", "/api/v1/comments", a.ingest(), "application/json",
                    Json.write(comment).getBytes(StandardCharsets.UTF_8));
            exchange.assertWellFormed("comment text " + Json.write(text));
            if (text.indexOf('\u0000') >= 0) {
                assertThat(exchange.status).as("NUL in a comment").isEqualTo(400);
            }
            for (String field : List.of("externalId", "articleId")) {
                Map<String, Object> other = Endpoint.comment(a);
                other.put(field, text);
                send("POST", "/api/v1/comments", a.ingest(), "application/json",
                        Json.write(other).getBytes(StandardCharsets.UTF_8)).assertWellFormed(field + " " + Json.write(text));
            }
        }
    }

    @Test
    void nulCharactersInPathAndQueryValuesAreRefusedAsClientErrors() throws Exception {
        TwoSites.Site a = sites.a();
        for (String[] request : List.of(new String[]{"/api/v1/authors/%00", a.moderator()},
                new String[]{"/api/v1/articles/x%00y", a.ingest()},
                new String[]{"/api/v1/comments?article=%00", a.ingest()},
                new String[]{"/api/v1/queue?article=%00&author=%00", a.moderator()})) {
            send("GET", request[0], request[1], null, null).assertStatusIn("GET " + request[0], 400, 404);
        }
    }

    @Test
    void perspectiveOffTopicWithAContextTooShortToCompareIsInvalidArgumentNotUnavailable() throws Exception {
        Map<String, Object> request = Endpoint.analyze(sites.a());
        request.put("context", map("entries", List.of(map("text", "Tram line"))));
        Exchange exchange = send("POST", "/v1alpha1/comments:analyze?key=" + sites.a().ingest(), null,
                "application/json", Json.write(request).getBytes(StandardCharsets.UTF_8));
        exchange.assertStatusIn("OFF_TOPIC against a two-word article", 400);
        assertThat(exchange.body).contains("INVALID_ARGUMENT");
    }

    @Test
    void forgedRevokedAndForeignKeysAreRefusedWithoutSideEffects() throws Exception {
        TwoSites.Site a = sites.a();
        TwoSites.Site b = sites.b();
        String revoked = a.revokedIngest();
        List<String> forged = List.of("", " ", "cg_ingest_", "cg_ingest_" + "0".repeat(40), a.ingest() + "x",
                a.ingest().substring(0, a.ingest().length() - 1), a.ingest().toUpperCase(), revoked,
                "' OR '1'='1", "cg_admin_'; DROP TABLE api_key; --", ADMIN_KEY + "0", "x".repeat(5000),
                "Bearer " + a.ingest());
        for (String key : forged) {
            for (Endpoint endpoint : Endpoint.ALL) {
                byte[] body = endpoint.hasBody
                        ? Json.write(endpoint.validBody.apply(a)).getBytes(StandardCharsets.UTF_8) : null;
                // Perspective clients send the key as a query parameter, everyone else as a header.
                boolean inQuery = endpoint.role == null;
                Map<String, String> ids = new LinkedHashMap<>(a.ids());
                ids.put("ingest", encode(key));
                Exchange exchange = send(endpoint.method, endpoint.pathFor(ids), inQuery ? null : key,
                        "application/json", body);
                exchange.assertWellFormed("key " + preview(key.getBytes(StandardCharsets.UTF_8)));
                assertThat(exchange.status).as("%s %s with key %s", endpoint.method, endpoint.template,
                        preview(key.getBytes(StandardCharsets.UTF_8))).isIn(401, 403);
            }
        }
        // Another site's valid keys against this site's resources: refused or not found, never served.
        for (String key : List.of(b.ingest(), b.moderator(), b.admin())) {
            for (Endpoint endpoint : Endpoint.ALL) {
                if (!ID_PLACEHOLDERS.matcher(endpoint.template).find()) {
                    continue;
                }
                byte[] body = endpoint.hasBody
                        ? Json.write(endpoint.validBody.apply(a)).getBytes(StandardCharsets.UTF_8) : null;
                Exchange exchange = send(endpoint.method, endpoint.pathFor(a.ids()), key, "application/json", body);
                exchange.assertWellFormed(endpoint.method + " " + endpoint.template + " with site B's key");
                assertThat(exchange.status).as("%s %s with site B's key", endpoint.method, endpoint.template)
                        .isIn(400, 401, 403, 404);
            }
        }
        sites.assertSiteAUntouched();
    }

    @Test
    void siteBCannotReadOrChangeSiteAsArticlesCommentsQueueWebhooksKeysOrPolicy() throws Exception {
        TwoSites.Site a = sites.a();
        TwoSites.Site b = sites.b();
        // Replies and comments that name site A's article or parent from site B are refused and store nothing.
        Map<String, Object> onForeignArticle = Endpoint.comment(b);
        onForeignArticle.put("articleId", a.article());
        send("POST", "/api/v1/comments", b.ingest(), "application/json",
                Json.write(onForeignArticle).getBytes(StandardCharsets.UTF_8))
                .assertStatusIn("comment on A's article from B", 400, 404);
        Map<String, Object> onForeignParent = Endpoint.comment(b);
        onForeignParent.put("parentId", a.commentExternalId());
        send("POST", "/api/v1/comments", b.ingest(), "application/json",
                Json.write(onForeignParent).getBytes(StandardCharsets.UTF_8))
                .assertStatusIn("reply to A's comment from B", 400, 404);
        // The same externalId on another site is another comment, not A's verdict.
        Map<String, Object> sameExternalId = Endpoint.comment(b);
        sameExternalId.put("externalId", a.commentExternalId());
        Exchange own = send("POST", "/api/v1/comments", b.ingest(), "application/json",
                Json.write(sameExternalId).getBytes(StandardCharsets.UTF_8));
        own.assertStatusIn("B's comment with A's externalId", 201);
        assertThat(own.body).doesNotContain(a.commentId());

        List<String[]> attempts = List.of(
                new String[]{"GET", "/api/v1/comments/" + a.commentId(), b.ingest(), null},
                new String[]{"PUT", "/api/v1/comments/" + a.commentId(), b.ingest(), "{\"text\":\"hijacked\"}"},
                new String[]{"POST", "/api/v1/comments/" + a.commentId() + "/reports", b.ingest(),
                        "{\"reporterId\":\"r1\",\"reason\":\"spam\"}"},
                new String[]{"POST", "/api/v1/comments/" + a.commentId() + "/moderation", b.ingest(),
                        "{\"action\":\"reject\",\"reason\":\"spam\",\"moderator\":\"wp:intruder\"}"},
                new String[]{"GET", "/api/v1/articles/" + a.article(), b.ingest(), null},
                new String[]{"GET", "/api/v1/queue/" + a.itemId(), b.moderator(), null},
                new String[]{"POST", "/api/v1/queue/" + a.itemId() + "/claim", b.moderator(), null},
                new String[]{"POST", "/api/v1/queue/" + a.itemId() + "/decision", b.moderator(),
                        "{\"action\":\"reject\",\"reason\":\"spam\"}"},
                new String[]{"POST", "/api/v1/queue/" + a.itemId() + "/release", b.moderator(), null},
                new String[]{"POST", "/api/v1/queue/" + a.itemId() + "/undo", b.moderator(), null},
                new String[]{"GET", "/api/v1/sites/" + a.id(), b.admin(), null},
                new String[]{"GET", "/api/v1/sites/" + a.id() + "/keys", b.admin(), null},
                new String[]{"POST", "/api/v1/sites/" + a.id() + "/keys", b.admin(),
                        "{\"role\":\"admin\",\"label\":\"stolen\"}"},
                new String[]{"DELETE", "/api/v1/sites/" + a.id() + "/keys/" + a.ingestKeyId(), b.admin(), null},
                new String[]{"GET", "/api/v1/sites/" + a.id() + "/policy", b.admin(), null},
                new String[]{"PUT", "/api/v1/sites/" + a.id() + "/policy", b.admin(), "{\"mode\":\"POST_MODERATION\"}"},
                new String[]{"POST", "/api/v1/sites/" + a.id() + "/policy/dry-run", b.admin(),
                        "{\"policy\":{},\"limit\":10}"},
                new String[]{"GET", "/api/v1/webhooks/" + a.webhookId(), b.admin(), null},
                new String[]{"GET", "/api/v1/webhooks/" + a.webhookId() + "/deliveries", b.admin(), null},
                new String[]{"POST", "/api/v1/webhooks/" + a.webhookId() + "/enable", b.admin(), null},
                new String[]{"DELETE", "/api/v1/webhooks/" + a.webhookId(), b.admin(), null});
        for (String[] attempt : attempts) {
            byte[] body = attempt[3] == null ? null : attempt[3].getBytes(StandardCharsets.UTF_8);
            Exchange exchange = send(attempt[0], attempt[1], attempt[2], "application/json", body);
            exchange.assertWellFormed(attempt[0] + " " + attempt[1] + " from site B");
            assertThat(exchange.status).as("%s %s from site B", attempt[0], attempt[1]).isIn(403, 404);
            assertThat(exchange.body).doesNotContain(a.marker());
        }
        // Bulk decisions answer one result per item: A's item is not found for B.
        Exchange bulk = send("POST", "/api/v1/queue/decisions", b.moderator(), "application/json",
                ("{\"decisions\":[{\"itemId\":\"" + a.itemId() + "\",\"action\":\"reject\",\"reason\":\"spam\"}]}")
                        .getBytes(StandardCharsets.UTF_8));
        bulk.assertStatusIn("bulk decision on A's item from B", 200);
        @SuppressWarnings("unchecked")
        Map<String, Object> result = ((List<Map<String, Object>>) Json.read(bulk.body).get("results")).get(0);
        assertThat(result.get("status")).isEqualTo(404);
        assertThat(bulk.body).doesNotContain(a.marker());
        // Lists, audit, authors and stats on B never show A's data.
        for (String[] read : List.of(new String[]{"/api/v1/comments?limit=100", b.ingest()},
                new String[]{"/api/v1/queue?status=all&limit=100", b.moderator()},
                new String[]{"/api/v1/audit?limit=100", b.moderator()},
                new String[]{"/api/v1/authors/" + a.author(), b.moderator()},
                new String[]{"/api/v1/stats?days=30", b.moderator()},
                new String[]{"/api/v1/webhooks", b.admin()})) {
            Exchange exchange = send("GET", read[0], read[1], null, null);
            // A's author is unknown on B: 404, or an empty history where B has an author of that name.
            exchange.assertStatusIn("GET " + read[0] + " as B", 200, 404);
            assertThat(exchange.body).as("GET %s as B", read[0]).doesNotContain(a.marker())
                    .doesNotContain(a.commentId()).doesNotContain(a.itemId()).doesNotContain(a.webhookId());
        }
        sites.assertSiteAUntouched();
    }

    // ------------------------------------------------------------------------------------------------------------

    private Exchange send(String method, String path, String key, String contentType, byte[] body) throws Exception {
        long[] before = counts();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base.toString().replaceAll("/$", "") + path))
                .timeout(Duration.ofSeconds(30));
        if (key != null) {
            try {
                request.header("X-Api-Key", key);
            } catch (IllegalArgumentException e) {
                // The JDK client refuses some header values outright (newlines, NUL); nothing to send.
                return Exchange.notSent();
            }
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(body));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        Exchange exchange = new Exchange(method, path, response.statusCode(),
                response.headers().firstValue("Content-Type").orElse(""), response.body(), sites.b());
        if (exchange.status >= 400) {
            assertThat(counts()).as("row counts after refused %s %s (%d %s)", method, path, exchange.status,
                    exchange.body).containsExactly(before);
        }
        if (key != null && sites.a().ownsKey(key)) {
            exchange.assertNoTraceOfSiteB();
        }
        return exchange;
    }

    private long[] counts() throws SQLException {
        String sql = "SELECT " + String.join(", ", TABLES.stream().map(t -> "(SELECT count(*) FROM " + t + ")").toList());
        try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            long[] counts = new long[TABLES.size()];
            for (int i = 0; i < counts.length; i++) {
                counts[i] = rs.getLong(i + 1);
            }
            return counts;
        }
    }

    static String preview(byte[] body) {
        String s = new String(body, StandardCharsets.UTF_8);
        return s.length() > 80 ? s.substring(0, 80) + "…(" + body.length + " bytes)" : s;
    }

    /** One request and its answer, with the assertions every answer must pass. */
    record Exchange(String method, String path, int status, String contentType, String body, TwoSites.Site b) {

        static Exchange notSent() {
            return new Exchange("-", "-", 401, "application/problem+json", "{}", null);
        }

        void assertWellFormed(String what) {
            String context = what + ": " + method + " " + path + " → " + status + " " + preview(body.getBytes(
                    StandardCharsets.UTF_8));
            assertThat(status).as(context).isLessThan(500);
            if (status < 400 || "-".equals(method)) {
                return;
            }
            if (path.startsWith("/v1alpha1/")) {
                assertThat(contentType).as(context).startsWith("application/json");
                Map<?, ?> error = (Map<?, ?>) Json.read(body).get("error");
                assertThat(error).as(context).isNotNull();
                assertThat(error.get("code")).as(context).isInstanceOf(Number.class);
                assertThat(error.get("status")).as(context).isInstanceOf(String.class);
            } else {
                assertThat(contentType).as(context).startsWith("application/problem+json");
                Map<String, Object> problem = Json.read(body);
                assertThat(problem).as(context).containsKeys("type", "title", "status", "code", "traceId");
                assertThat(((Number) problem.get("status")).intValue()).as(context).isEqualTo(status);
            }
            assertThat(body).as(context).doesNotContain("Exception").doesNotContain("org.commentguard")
                    .doesNotContain("\tat ").doesNotContain("org.hibernate").doesNotContain("SQLState");
        }

        void assertStatusIn(String what, Integer... expected) {
            assertWellFormed(what);
            assertThat(status).as("%s → %d %s", what, status, body).isIn((Object[]) expected);
        }

        void assertNoTraceOfSiteB() {
            if (b == null) {
                return;
            }
            assertThat(body).as("answer to site A's key for %s %s", method, path).doesNotContain(b.marker());
            // A 404 may echo the id that was asked for; only what is served counts as a read.
            if (status < 300) {
                assertThat(body).as("answer to site A's key for %s %s", method, path)
                        .doesNotContain(b.commentId()).doesNotContain(b.itemId()).doesNotContain(b.webhookId())
                        .doesNotContain(b.id());
            }
        }
    }

    /** The public endpoints with the role they need and a valid body to mutate. */
    record Endpoint(String method, String template, String role, boolean hasBody,
                    Function<TwoSites.Site, Map<String, Object>> validBody) {

        static final List<Endpoint> ALL = List.of(
                new Endpoint("POST", "/api/v1/score", "ingest", true, Endpoint::score),
                new Endpoint("POST", "/api/v1/score/batch", "ingest", true,
                        s -> map("items", List.of(score(s), score(s)))),
                new Endpoint("POST", "/v1alpha1/comments:analyze?key={ingest}", null, true, Endpoint::analyze),
                new Endpoint("POST", "/v1alpha1/comments:suggestscore?key={ingest}", null, true, s -> map(
                        "comment", map("text", "fine words"),
                        "attributeScores", map("TOXICITY", map("summaryScore", map("value", 0.9))))),
                new Endpoint("PUT", "/api/v1/articles/{articleNew}", "ingest", true,
                        s -> map("title", "Budget vote", "body", "The council voted on the budget.")),
                new Endpoint("GET", "/api/v1/articles/{article}", "ingest", false, null),
                new Endpoint("POST", "/api/v1/comments", "ingest", true, Endpoint::comment),
                new Endpoint("GET", "/api/v1/comments/{comment}", "ingest", false, null),
                new Endpoint("GET", "/api/v1/comments?limit={limit}&status={status}&cursor={cursor}", "ingest", false,
                        null),
                new Endpoint("PUT", "/api/v1/comments/{comment}", "ingest", true, s -> map("text", "An edit.")),
                new Endpoint("POST", "/api/v1/comments/{comment}/reports", "ingest", true,
                        s -> map("reporterId", "reader-" + UUID.randomUUID(), "reason", "spam")),
                new Endpoint("GET", "/api/v1/queue?status={status}&sort={sort}&limit={limit}&minScore={number}",
                        "moderator", false, null),
                new Endpoint("GET", "/api/v1/queue/{item}", "moderator", false, null),
                new Endpoint("POST", "/api/v1/queue/{item}/claim", "moderator", false, null),
                new Endpoint("POST", "/api/v1/queue/{item}/decision", "moderator", true,
                        s -> map("action", "approve", "reason", "acceptable", "note", "ok")),
                new Endpoint("POST", "/api/v1/queue/decisions", "moderator", true, s -> map("decisions",
                        List.of(map("itemId", s.itemId(), "action", "escalate", "reason", "needs_senior")))),
                new Endpoint("GET", "/api/v1/authors/{author}", "moderator", false, null),
                new Endpoint("POST", "/api/v1/authors/{author}", "moderator", true,
                        s -> map("action", "premoderate", "reason", "fuzz")),
                new Endpoint("GET", "/api/v1/audit?from={date}&limit={limit}&cursor={cursor}", "moderator", false,
                        null),
                new Endpoint("GET", "/api/v1/stats?days={limit}", "moderator", false, null),
                new Endpoint("POST", "/api/v1/sites", "platform", true, s -> map("name", "Fuzz site")),
                new Endpoint("GET", "/api/v1/sites/{site}", "admin", false, null),
                new Endpoint("POST", "/api/v1/sites/{site}/keys", "admin", true,
                        s -> map("role", "moderator", "label", "fuzz")),
                new Endpoint("GET", "/api/v1/sites/{site}/keys", "admin", false, null),
                new Endpoint("PUT", "/api/v1/sites/{site}/policy", "admin", true, s -> map(
                        "thresholds", map("toxicity", map("review", 0.6, "reject", 0.9)),
                        "blockTerms", List.of("grifter"), "mode", "PRE_MODERATE_ALL")),
                new Endpoint("POST", "/api/v1/sites/{site}/policy/dry-run", "admin", true,
                        s -> map("policy", map("mode", "POST_MODERATION"), "limit", 20)),
                new Endpoint("POST", "/api/v1/webhooks", "admin", true, s -> map(
                        "url", "http://127.0.0.1:9/fuzz", "eventTypes", List.of("comment.published"))),
                new Endpoint("GET", "/api/v1/webhooks/{webhook}/deliveries?limit={limit}", "admin", false, null));

        static Map<String, Object> score(TwoSites.Site s) {
            return map("text", "The tram line will cost more than promised.",
                    "article", map("title", "Tram line", "body", "The council approved the tram line."),
                    "parent", map("text", "Costs are rising."));
        }

        static Map<String, Object> analyze(TwoSites.Site s) {
            return map("comment", map("text", "You are an idiot"), "languages", List.of("en"),
                    "requestedAttributes", map("TOXICITY", map(), "OFF_TOPIC", map()),
                    "context", map("entries", List.of(map("text", "The city council approved the new tram line "
                            + "on Tuesday after a long debate about costs. Construction starts next spring."))),
                    "spanAnnotations", true);
        }

        static Map<String, Object> comment(TwoSites.Site s) {
            return map("externalId", "fz-" + UUID.randomUUID(), "articleId", s.article(),
                    "author", map("id", "author-" + UUID.randomUUID().toString().substring(0, 8), "name", "Fuzz"),
                    "text", "Trams are better than buses for this city.");
        }

        String path(Hostile hostile) {
            String path = template;
            for (String placeholder : List.of("ingest", "articleNew", "article", "comment", "item", "author",
                    "site", "webhook", "limit", "status", "sort", "cursor", "number", "date")) {
                while (path.contains("{" + placeholder + "}")) {
                    path = path.replaceFirst("\\{" + placeholder + "}",
                            java.util.regex.Matcher.quoteReplacement(hostile.pathValue(placeholder)));
                }
            }
            return path;
        }

        String pathFor(Map<String, String> ids) {
            String path = template;
            for (var id : ids.entrySet()) {
                path = path.replace("{" + id.getKey() + "}", id.getValue());
            }
            return path.replaceAll("\\{[a-z]+}", "");
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
