package org.commentguard.hardening;

import io.quarkus.arc.Arc;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.commentguard.testing.Api.ADMIN_KEY;

/**
 * Randomised and hand-written hostile requests against every operation of the OpenAPI document ({@link Endpoints}),
 * with two sites. For each request: no 5xx other than a well-formed {@code 503}, every 4xx (and 503) is a problem
 * document (Google's error shape where the endpoint speaks it) without internals, site A's credentials never see
 * site B's data, and a refused request stores nothing (row counts of every table unchanged). The seed is fixed so
 * a failure reproduces; {@code -Dcommentguard.fuzz.seed=} and {@code -Dcommentguard.fuzz.iterations=} explore
 * further.
 */
@QuarkusTest
class BadInputFuzzTest {

    private static final long SEED = Long.getLong("commentguard.fuzz.seed", 20_261_122L);
    private static final int ITERATIONS = Integer.getInteger("commentguard.fuzz.iterations", 600);
    /**
     * Tables left out of the row counts, each with why: a table that legitimately changes while a refused request is
     * answered (a log of refusals, a table a background job writes). Empty today: the test profile turns the learning
     * jobs off, the webhook dispatcher only updates delivery rows, and refusals are not recorded in any table.
     * {@link #everyTableOfTheSchemaIsCountedButTheOnesLeftOutOnPurpose} fails when a name here is not a table.
     */
    private static final Map<String, String> NOT_COUNTED = Map.of();

    /** Flyway's own bookkeeping (quarkus.flyway.table), which no request writes. */
    private static final String FLYWAY_HISTORY = "flyway_schema_history";

    @TestHTTPResource("/")
    URI base;

    @Inject
    DataSource db;

    /** The tables whose row counts a refused request must leave unchanged: the schema's, read from the database. */
    private List<String> tables;

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private TwoSites sites;
    private Endpoints.Document document;
    /** Site B's ids that site A has sent as values in requests that were accepted: A's own data since. */
    private final Set<String> storedByA = new HashSet<>();

    @BeforeEach
    void twoSites() throws Exception {
        tables = schemaTables();
        tables.removeAll(NOT_COUNTED.keySet());
        tables.remove(FLYWAY_HISTORY);
        sites = TwoSites.create();
        document = Endpoints.load(base);
    }

    @Test
    void theFuzzedEndpointsAreExactlyTheOperationsOfTheOpenApiDocumentAndEveryResourceMethodIsInIt() {
        TreeSet<String> documented = document.operations();
        assertThat(document.withoutSpecifics())
                .as("operations of the OpenAPI document without a row in " + "Endpoints.SPECIFICS (add one line each)")
                .isEmpty();
        assertThat(new TreeSet<>(Endpoints.SPECIFICS.keySet()))
                .as("rows of Endpoints.SPECIFICS against the " + "OpenAPI document")
                .isEqualTo(documented);
        assertThat(document.fuzzable())
                .extracting(Endpoints.Endpoint::key)
                .containsExactlyInAnyOrderElementsOf(documented);
        // An endpoint the document does not list would escape the fuzz test: compare with the JAX-RS resources.
        TreeSet<String> resources = resourceMethods();
        assertThat(resources).as("JAX-RS resource methods").isNotEmpty().isEqualTo(documented);
    }

    @Test
    void everyTableOfTheSchemaIsCountedButTheOnesLeftOutOnPurpose() throws Exception {
        List<String> schema = schemaTables();
        assertThat(schema)
                .as("tables of the schema; NOT_COUNTED and FLYWAY_HISTORY must name tables of it")
                .contains(FLYWAY_HISTORY)
                .containsAll(NOT_COUNTED.keySet());
        // The database's list against the migrations' own CREATE TABLE statements: a query that looked at the
        // wrong schema would count nothing and let every refused request pass.
        TreeSet<String> migrated = migratedTables();
        migrated.removeAll(NOT_COUNTED.keySet());
        assertThat(new TreeSet<>(tables)).isEqualTo(migrated).contains("comment", "decision_example", "rescore_job");
    }

    @Test
    void randomRequestsNeverFailWithServerErrorsLeakAcrossSitesOrStoreAnythingWhenRefused() throws Exception {
        Random random = new Random(SEED);
        Hostile hostile = new Hostile(random, sites);
        List<Endpoints.Endpoint> endpoints = document.fuzzable();
        List<Endpoints.Endpoint> round = new ArrayList<>();
        Map<String, Integer> accepted = new TreeMap<>();
        int refused = 0;
        for (int i = 0; i < ITERATIONS; i++) {
            // Shuffled rounds over all endpoints: each one gets its share of the iterations.
            if (round.isEmpty()) {
                round.addAll(endpoints);
                Collections.shuffle(round, random);
            }
            Endpoints.Endpoint endpoint = round.remove(round.size() - 1);
            String credential = endpoint.auth().isPublic()
                    ? null
                    : hostile.key(endpoint.auth().role());
            String path =
                    endpoint.path(hostile::pathValue, kind -> random.nextBoolean() ? hostile.pathValue(kind) : null);
            byte[] body =
                    endpoint.hasBody() ? hostile.body(endpoint.validBody(sites.a(), document.components())) : null;
            String contentType = random.nextInt(20) == 0 ? hostile.contentType() : "application/json";
            Exchange exchange = send(endpoint, path, credential, contentType, body);
            exchange.assertWellFormed("seed " + SEED + " iteration " + i);
            if (exchange.status >= 400) {
                refused++;
            } else {
                accepted.merge(endpoint.key(), 1, Integer::sum);
            }
        }
        // The generator must reach both outcomes, or it tests nothing but the key check.
        assertThat(refused).isGreaterThan(ITERATIONS / 4);
        assertThat(accepted.values().stream().mapToInt(Integer::intValue).sum()).isGreaterThan(ITERATIONS / 20);
    }

    @Test
    void handWrittenHostileBodiesAreRefusedOrHandledOnEveryWritingEndpoint() throws Exception {
        TwoSites.Site a = sites.a();
        List<byte[]> bodies = new ArrayList<>(Hostile.handWritten());
        for (Endpoints.Endpoint endpoint : document.fuzzable()) {
            if (!endpoint.hasBody()) {
                continue;
            }
            String key = a.keyFor(endpoint.auth().role());
            String path = endpoint.path(a::encodedId, null);
            for (byte[] body : bodies) {
                send(endpoint, path, key, "application/json", body)
                        .assertWellFormed(endpoint.key() + " with " + preview(body));
            }
            for (String text : Hostile.hostileTexts()) {
                Map<String, Object> valid = endpoint.validBody(a, document.components());
                Hostile.replaceTexts(valid, text);
                send(endpoint, path, key, "application/json", Json.write(valid).getBytes(StandardCharsets.UTF_8))
                        .assertWellFormed(
                                endpoint.key() + " with text " + preview(text.getBytes(StandardCharsets.UTF_8)));
            }
        }
    }

    @Test
    void commentTextWithNulCharactersOrLoneSurrogatesIsNeverAServerError() throws Exception {
        TwoSites.Site a = sites.a();
        for (String text : List.of(
                "nul \u0000 inside",
                "lone high \ud800 surrogate",
                "lone low \udc00",
                "\u0000",
                "bidi \u202e override \u2066",
                "\uFEFFbom first")) {
            Map<String, Object> comment = Endpoints.comment(a);
            comment.put("text", text);
            Exchange exchange = send(
                    "POST",
                    "/api/v1/comments",
                    a.ingest(),
                    "application/json",
                    Json.write(comment).getBytes(StandardCharsets.UTF_8));
            exchange.assertWellFormed("comment text " + Json.write(text));
            if (text.indexOf('\u0000') >= 0) {
                assertThat(exchange.status).as("NUL in a comment").isEqualTo(400);
            }
            for (String field : List.of("externalId", "articleId")) {
                Map<String, Object> other = Endpoints.comment(a);
                other.put(field, text);
                send(
                                "POST",
                                "/api/v1/comments",
                                a.ingest(),
                                "application/json",
                                Json.write(other).getBytes(StandardCharsets.UTF_8))
                        .assertWellFormed(field + " " + Json.write(text));
            }
        }
    }

    @Test
    void nulCharactersInPathAndQueryValuesAreRefusedAsClientErrors() throws Exception {
        TwoSites.Site a = sites.a();
        for (String[] request : List.of(
                new String[] {"/api/v1/authors/%00", a.moderator()},
                new String[] {"/api/v1/articles/x%00y", a.ingest()},
                new String[] {"/api/v1/comments?article=%00", a.ingest()},
                new String[] {"/api/v1/queue?article=%00&author=%00", a.moderator()})) {
            send("GET", request[0], request[1], null, null).assertStatusIn("GET " + request[0], 400, 404);
        }
    }

    @Test
    void perspectiveOffTopicWithAContextTooShortToCompareIsInvalidArgumentNotUnavailable() throws Exception {
        Map<String, Object> request = Endpoints.analyze(sites.a());
        request.put("context", map("entries", List.of(map("text", "Tram line"))));
        Exchange exchange = send(
                document.endpoint("POST /v1alpha1/comments:analyze"),
                "/v1alpha1/comments:analyze",
                sites.a().ingest(),
                "application/json",
                Json.write(request).getBytes(StandardCharsets.UTF_8));
        exchange.assertStatusIn("OFF_TOPIC against a two-word article", 400);
        assertThat(exchange.body).contains("INVALID_ARGUMENT");
    }

    @Test
    void forgedRevokedAndForeignKeysAreRefusedWithoutSideEffects() throws Exception {
        TwoSites.Site a = sites.a();
        TwoSites.Site b = sites.b();
        String revoked = a.revokedIngest();
        List<String> forged = List.of(
                "",
                " ",
                "cg_ing_",
                "cg_ing_" + "0".repeat(40),
                a.ingest() + "x",
                a.ingest().substring(0, a.ingest().length() - 1),
                a.ingest().toUpperCase(),
                revoked,
                "' OR '1'='1",
                "cg_adm_'; DROP TABLE api_key; --",
                ADMIN_KEY + "0",
                "x".repeat(5000),
                "Bearer " + a.ingest());
        for (Endpoints.Endpoint endpoint : document.fuzzable()) {
            if (endpoint.auth().isPublic()) {
                continue;
            }
            String path = endpoint.path(a::encodedId, null);
            byte[] body = endpoint.hasBody()
                    ? Json.write(endpoint.validBody(a, document.components())).getBytes(StandardCharsets.UTF_8)
                    : null;
            for (String key : forged) {
                Exchange exchange = send(endpoint, path, key, "application/json", body);
                exchange.assertWellFormed("key " + preview(key.getBytes(StandardCharsets.UTF_8)));
                assertThat(exchange.status)
                        .as("%s with key %s", endpoint.key(), preview(key.getBytes(StandardCharsets.UTF_8)))
                        .isIn(401, 403);
            }
            // Another site's valid credentials against this site's resources: refused or not found, never served.
            if (!endpoint.addressesAResource()) {
                continue;
            }
            List<String> foreign = endpoint.auth().kind() == Endpoints.Auth.Kind.API_KEY
                    ? List.of(b.ingest(), b.moderator(), b.admin())
                    : List.of(b.keyFor(endpoint.auth().role()));
            for (String key : foreign) {
                Exchange exchange = send(endpoint, path, key, "application/json", body);
                exchange.assertWellFormed(endpoint.key() + " with site B's key");
                assertThat(exchange.status)
                        .as("%s with site B's key", endpoint.key())
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
        Map<String, Object> onForeignArticle = Endpoints.comment(b);
        onForeignArticle.put("articleId", a.article());
        send(
                        "POST",
                        "/api/v1/comments",
                        b.ingest(),
                        "application/json",
                        Json.write(onForeignArticle).getBytes(StandardCharsets.UTF_8))
                .assertStatusIn("comment on A's article from B", 400, 404);
        Map<String, Object> onForeignParent = Endpoints.comment(b);
        onForeignParent.put("parentId", a.commentExternalId());
        send(
                        "POST",
                        "/api/v1/comments",
                        b.ingest(),
                        "application/json",
                        Json.write(onForeignParent).getBytes(StandardCharsets.UTF_8))
                .assertStatusIn("reply to A's comment from B", 400, 404);
        // The same externalId on another site is another comment, not A's verdict.
        Map<String, Object> sameExternalId = Endpoints.comment(b);
        sameExternalId.put("externalId", a.commentExternalId());
        Exchange own = send(
                "POST",
                "/api/v1/comments",
                b.ingest(),
                "application/json",
                Json.write(sameExternalId).getBytes(StandardCharsets.UTF_8));
        own.assertStatusIn("B's comment with A's externalId", 201);
        assertThat(own.body).doesNotContain(a.commentId());

        List<String[]> attempts = List.of(
                new String[] {"GET", "/api/v1/comments/" + a.commentId(), b.ingest(), null},
                new String[] {"PUT", "/api/v1/comments/" + a.commentId(), b.ingest(), "{\"text\":\"hijacked\"}"},
                new String[] {
                    "POST",
                    "/api/v1/comments/" + a.commentId() + "/reports",
                    b.ingest(),
                    "{\"reporterId\":\"r1\",\"reason\":\"spam\"}"
                },
                new String[] {
                    "POST",
                    "/api/v1/comments/" + a.commentId() + "/moderation",
                    b.ingest(),
                    "{\"action\":\"reject\",\"reason\":\"spam\",\"moderator\":\"wp:intruder\"}"
                },
                new String[] {"GET", "/api/v1/articles/" + a.article(), b.ingest(), null},
                new String[] {"GET", "/api/v1/queue/" + a.itemId(), b.moderator(), null},
                new String[] {"POST", "/api/v1/queue/" + a.itemId() + "/claim", b.moderator(), null},
                new String[] {
                    "POST",
                    "/api/v1/queue/" + a.itemId() + "/decision",
                    b.moderator(),
                    "{\"action\":\"reject\",\"reason\":\"spam\"}"
                },
                new String[] {"POST", "/api/v1/queue/" + a.itemId() + "/release", b.moderator(), null},
                new String[] {"POST", "/api/v1/queue/" + a.itemId() + "/undo", b.moderator(), null},
                new String[] {"GET", "/api/v1/sites/" + a.id(), b.admin(), null},
                new String[] {"GET", "/api/v1/sites/" + a.id() + "/keys", b.admin(), null},
                new String[] {
                    "POST", "/api/v1/sites/" + a.id() + "/keys", b.admin(), "{\"role\":\"admin\",\"label\":\"stolen\"}"
                },
                new String[] {"DELETE", "/api/v1/sites/" + a.id() + "/keys/" + a.ingestKeyId(), b.admin(), null},
                new String[] {"GET", "/api/v1/sites/" + a.id() + "/policy", b.admin(), null},
                new String[] {"PUT", "/api/v1/sites/" + a.id() + "/policy", b.admin(), "{\"mode\":\"POST_MODERATION\"}"
                },
                new String[] {
                    "POST", "/api/v1/sites/" + a.id() + "/policy/dry-run", b.admin(), "{\"policy\":{},\"limit\":10}"
                },
                new String[] {"GET", "/api/v1/webhooks/" + a.webhookId(), b.admin(), null},
                new String[] {"GET", "/api/v1/webhooks/" + a.webhookId() + "/deliveries", b.admin(), null},
                new String[] {"POST", "/api/v1/webhooks/" + a.webhookId() + "/enable", b.admin(), null},
                new String[] {"DELETE", "/api/v1/webhooks/" + a.webhookId(), b.admin(), null});
        for (String[] attempt : attempts) {
            byte[] body = attempt[3] == null ? null : attempt[3].getBytes(StandardCharsets.UTF_8);
            Exchange exchange = send(attempt[0], attempt[1], attempt[2], "application/json", body);
            exchange.assertWellFormed(attempt[0] + " " + attempt[1] + " from site B");
            assertThat(exchange.status)
                    .as("%s %s from site B", attempt[0], attempt[1])
                    .isIn(403, 404);
            assertThat(exchange.body).doesNotContain(a.marker());
        }
        // Bulk decisions answer one result per item: A's item is not found for B.
        Exchange bulk = send(
                "POST",
                "/api/v1/queue/decisions",
                b.moderator(),
                "application/json",
                ("{\"decisions\":[{\"itemId\":\"" + a.itemId() + "\",\"action\":\"reject\",\"reason\":\"spam\"}]}")
                        .getBytes(StandardCharsets.UTF_8));
        bulk.assertStatusIn("bulk decision on A's item from B", 200);
        @SuppressWarnings("unchecked")
        Map<String, Object> result =
                ((List<Map<String, Object>>) Json.read(bulk.body).get("results")).get(0);
        assertThat(result.get("status")).isEqualTo(404);
        assertThat(bulk.body).doesNotContain(a.marker());
        // Lists, audit, authors and stats on B never show A's data.
        for (String[] read : List.of(
                new String[] {"/api/v1/comments?limit=100", b.ingest()},
                new String[] {"/api/v1/queue?status=all&limit=100", b.moderator()},
                new String[] {"/api/v1/audit?limit=100", b.moderator()},
                new String[] {"/api/v1/authors/" + a.author(), b.moderator()},
                new String[] {"/api/v1/stats?days=30", b.moderator()},
                new String[] {"/api/v1/webhooks", b.admin()})) {
            Exchange exchange = send("GET", read[0], read[1], null, null);
            // A's author is unknown on B: 404, or an empty history where B has an author of that name.
            exchange.assertStatusIn("GET " + read[0] + " as B", 200, 404);
            assertThat(exchange.body)
                    .as("GET %s as B", read[0])
                    .doesNotContain(a.marker())
                    .doesNotContain(a.commentId())
                    .doesNotContain(a.itemId())
                    .doesNotContain(a.webhookId());
        }
        sites.assertSiteAUntouched();
    }

    // ------------------------------------------------------------------------------------------------------------

    /** A request with an API key (or none) to an endpoint that answers problem documents. */
    private Exchange send(String method, String path, String key, String contentType, byte[] body) throws Exception {
        return exchange(
                method,
                path,
                key == null ? Map.of() : Map.of("X-Api-Key", key),
                contentType,
                body,
                Endpoints.ErrorShape.PROBLEM,
                key);
    }

    /** A request to an endpoint, with the credential where its authentication scheme carries it. */
    private Exchange send(Endpoints.Endpoint endpoint, String path, String credential, String contentType, byte[] body)
            throws Exception {
        return exchange(
                endpoint.method(),
                endpoint.auth().path(path, credential),
                endpoint.auth().headers(credential, body),
                contentType,
                body,
                endpoint.specifics().errors(),
                credential);
    }

    private Exchange exchange(
            String method,
            String path,
            Map<String, String> headers,
            String contentType,
            byte[] body,
            Endpoints.ErrorShape shape,
            String credential)
            throws Exception {
        Map<String, Long> before = counts();
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create(base.toString().replaceAll("/$", "") + path))
                .timeout(Duration.ofSeconds(30));
        try {
            headers.forEach(request::header);
        } catch (IllegalArgumentException e) {
            // The JDK client refuses some header values outright (newlines, NUL); nothing to send.
            return Exchange.notSent();
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        request.method(
                method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        Exchange exchange = new Exchange(
                method,
                path,
                response.statusCode(),
                response.headers().firstValue("Content-Type").orElse(""),
                response.body(),
                shape,
                sites.b());
        if (exchange.status >= 400) {
            assertThat(counts())
                    .as("row counts after refused %s %s (%d %s)", method, path, exchange.status, exchange.body)
                    .isEqualTo(before);
        }
        if (credential != null && sites.a().ownsKey(credential)) {
            // The generator also puts B's ids into A's bodies as plain values; one that A had accepted is A's own
            // data from then on (a comment whose text is B's id), so answers may show it without a leak.
            if (exchange.status < 400 && body != null) {
                String sent = new String(body, StandardCharsets.UTF_8);
                Exchange.servedIds(sites.b()).stream().filter(sent::contains).forEach(storedByA::add);
            }
            exchange.assertNoTraceOfSiteB(storedByA);
        }
        return exchange;
    }

    /** {@code METHOD /path} of every JAX-RS resource method of the service. */
    private static TreeSet<String> resourceMethods() {
        TreeSet<String> found = new TreeSet<>();
        for (Bean<?> bean : Arc.container().beanManager().getBeans(Object.class, Any.Literal.INSTANCE)) {
            Class<?> type = bean.getBeanClass();
            Path root = type.getAnnotation(Path.class);
            if (root == null || !type.getPackageName().startsWith("org.commentguard")) {
                continue;
            }
            for (Method method : type.getMethods()) {
                for (Annotation annotation : method.getAnnotations()) {
                    HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
                    if (http != null) {
                        Path sub = method.getAnnotation(Path.class);
                        String path = ("/" + root.value() + (sub == null ? "" : "/" + sub.value()))
                                .replaceAll("/+", "/")
                                .replaceAll("(.)/$", "$1");
                        found.add(http.value() + " " + path);
                    }
                }
            }
        }
        return found;
    }

    /** The base tables of the current schema, as the database lists them (Flyway's history table included). */
    private List<String> schemaTables() throws SQLException {
        List<String> found = new ArrayList<>();
        try (Connection c = db.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT table_name FROM information_schema.tables "
                        + "WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name")) {
            while (rs.next()) {
                found.add(rs.getString(1));
            }
        }
        return found;
    }

    /** Tables created and not dropped by the Flyway migrations on the class path ({@code db/migration}). */
    private static TreeSet<String> migratedTables() throws Exception {
        java.nio.file.Path folder = java.nio.file.Path.of(
                Objects.requireNonNull(BadInputFuzzTest.class.getClassLoader().getResource("db/migration"))
                        .toURI());
        Pattern statement = Pattern.compile(
                "\\b(CREATE|DROP)\\s+TABLE\\s+(?:IF\\s+(?:NOT\\s+)?EXISTS\\s+)?(\\w+)", Pattern.CASE_INSENSITIVE);
        TreeSet<String> created = new TreeSet<>();
        try (Stream<java.nio.file.Path> files = Files.list(folder)) {
            // Flyway's order: by version number (V2 before V10).
            for (java.nio.file.Path file : files.filter(
                            f -> f.getFileName().toString().matches("V\\d+__.*\\.sql"))
                    .sorted(Comparator.comparingInt(
                            f -> Integer.parseInt(f.getFileName().toString().replaceAll("^V(\\d+)__.*", "$1"))))
                    .toList()) {
                Matcher m = statement.matcher(Files.readString(file).replaceAll("--[^\\n]*", ""));
                while (m.find()) {
                    String table = m.group(2).toLowerCase(Locale.ROOT);
                    if (m.group(1).equalsIgnoreCase("CREATE")) {
                        created.add(table);
                    } else {
                        created.remove(table);
                    }
                }
            }
        }
        return created;
    }

    /** Row count of every counted table, by table name, so that a failure names the table that changed. */
    private Map<String, Long> counts() throws SQLException {
        String sql = "SELECT "
                + String.join(
                        ", ",
                        tables.stream()
                                .map(t -> "(SELECT count(*) FROM " + t + ")")
                                .toList());
        try (Connection c = db.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            Map<String, Long> counts = new TreeMap<>();
            for (int i = 0; i < tables.size(); i++) {
                counts.put(tables.get(i), rs.getLong(i + 1));
            }
            return counts;
        }
    }

    static String preview(byte[] body) {
        String s = new String(body, StandardCharsets.UTF_8);
        return s.length() > 80 ? s.substring(0, 80) + "…(" + body.length + " bytes)" : s;
    }

    /** One request and its answer, with the assertions every answer must pass. */
    record Exchange(
            String method,
            String path,
            int status,
            String contentType,
            String body,
            Endpoints.ErrorShape shape,
            TwoSites.Site b) {

        static Exchange notSent() {
            return new Exchange("-", "-", 401, "application/problem+json", "{}", Endpoints.ErrorShape.PROBLEM, null);
        }

        void assertWellFormed(String what) {
            String context = what + ": " + method + " " + path + " → " + status + " "
                    + preview(body.getBytes(StandardCharsets.UTF_8));
            // 503 (the database or a model is unavailable) is a well-formed answer, with its problem document.
            assertThat(status).as(context).matches(s -> s < 500 || s == 503, "below 500, or 503");
            if (status < 400 || "-".equals(method)) {
                return;
            }
            if (shape == Endpoints.ErrorShape.GOOGLE) {
                assertThat(contentType).as(context).startsWith("application/json");
                Map<?, ?> error = (Map<?, ?>) Json.read(body).get("error");
                assertThat(error).as(context).isNotNull();
                assertThat(error.get("code")).as(context).isInstanceOf(Number.class);
                assertThat(error.get("status")).as(context).isInstanceOf(String.class);
            } else {
                assertThat(contentType).as(context).startsWith("application/problem+json");
                Map<String, Object> problem = Json.read(body);
                assertThat(problem).as(context).containsKeys("type", "title", "status", "code", "traceId");
                assertThat(((Number) problem.get("status")).intValue())
                        .as(context)
                        .isEqualTo(status);
            }
            assertThat(body)
                    .as(context)
                    .doesNotContain("Exception")
                    .doesNotContain("org.commentguard")
                    .doesNotContain("\tat ")
                    .doesNotContain("org.hibernate")
                    .doesNotContain("SQLState");
        }

        void assertStatusIn(String what, Integer... expected) {
            assertWellFormed(what);
            assertThat(status).as("%s → %d %s", what, status, body).isIn((Object[]) expected);
        }

        /** Site B's ids that an answer to site A must not serve. */
        static List<String> servedIds(TwoSites.Site b) {
            return List.of(b.commentId(), b.itemId(), b.webhookId(), b.id());
        }

        /** No trace of site B, except those of its ids that site A has stored as values of its own. */
        void assertNoTraceOfSiteB(Set<String> storedByA) {
            if (b == null) {
                return;
            }
            assertThat(body)
                    .as("answer to site A's key for %s %s", method, path)
                    .doesNotContain(b.marker());
            // A 404 may echo the id that was asked for; only what is served counts as a read.
            if (status < 300) {
                for (String id : servedIds(b)) {
                    if (!storedByA.contains(id)) {
                        assertThat(body)
                                .as("answer to site A's key for %s %s", method, path)
                                .doesNotContain(id);
                    }
                }
            }
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
