package org.commentguard.hardening;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.commentguard.hardening.BadInputFuzzTest.map;

/**
 * The endpoints {@link BadInputFuzzTest} attacks: every operation of the service's OpenAPI document (method, path
 * template, path and query parameters, request body schema), joined with {@link #SPECIFICS}, the one table of what
 * the document does not say. A new endpoint is fuzzed as soon as it has its row there; until then the coverage test
 * fails and names it.
 */
final class Endpoints {

    /** How a request proves who it is; {@code role} names the credential of a site it carries ({@link TwoSites.Site#keyFor}). */
    record Auth(Kind kind, String role, String header, BiFunction<String, byte[], String> signer) {

        enum Kind {
            API_KEY,
            QUERY_KEY,
            PUBLIC,
            SIGNED
        }

        /** The site's key of this role in {@code X-Api-Key}. */
        static Auth apiKey(String role) {
            return new Auth(Kind.API_KEY, role, "X-Api-Key", null);
        }

        /** Perspective clients: the ingest key as {@code ?key=}. */
        static Auth perspectiveKey() {
            return new Auth(Kind.QUERY_KEY, "ingest", null, null);
        }

        /** No credential at all (discovery documents and the like); forged keys do not apply. */
        static Auth publicEndpoint() {
            return new Auth(Kind.PUBLIC, null, null, null);
        }

        /**
         * An integration that signs the body with a site's shared secret (the credential of {@code role}, for
         * example Coral's {@code X-Coral-Signature}): {@code signer} turns secret and body into the header value.
         */
        static Auth signed(String header, String role, BiFunction<String, byte[], String> signer) {
            return new Auth(Kind.SIGNED, role, header, signer);
        }

        /** HMAC-SHA256 of the body under the secret, lower-case hex after {@code prefix} (e.g. {@code "sha256="}). */
        static BiFunction<String, byte[], String> hmacSha256Hex(String prefix) {
            return (secret, body) -> {
                try {
                    Mac mac = Mac.getInstance("HmacSHA256");
                    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
                    return prefix + HexFormat.of().formatHex(mac.doFinal(body == null ? new byte[0] : body));
                } catch (GeneralSecurityException e) {
                    throw new IllegalStateException(e);
                }
            };
        }

        boolean isPublic() {
            return kind == Kind.PUBLIC;
        }

        /** The path with the credential added where this scheme carries it in the URL. */
        String path(String path, String credential) {
            if (kind != Kind.QUERY_KEY || credential == null) {
                return path;
            }
            return path + (path.contains("?") ? "&" : "?") + "key=" + BadInputFuzzTest.encode(credential);
        }

        /** The headers that carry the credential for this body; none without a credential. */
        Map<String, String> headers(String credential, byte[] body) {
            if (credential == null) {
                return Map.of();
            }
            return switch (kind) {
                case API_KEY -> Map.of(header, credential);
                case SIGNED -> Map.of(header, signer.apply(credential, body));
                case QUERY_KEY, PUBLIC -> Map.of();
            };
        }
    }

    /** How an endpoint answers errors. */
    enum ErrorShape {
        /** {@code application/problem+json} with {@code type, title, status, code, traceId}. */
        PROBLEM,
        /** Google's {@code {"error":{"code","status","message"}}} in {@code application/json}. */
        GOOGLE
    }

    /**
     * What the OpenAPI document does not say about an endpoint: its authentication, its error shape, optionally a
     * realistic valid body (otherwise one is built from the body schema), and the kind of id a path parameter takes
     * where the segment before it does not tell ({@link #SEGMENT_IDS}).
     */
    record Specifics(
            Auth auth, ErrorShape errors, Function<TwoSites.Site, Map<String, Object>> body, Map<String, String> ids) {

        static Specifics of(Auth auth) {
            return new Specifics(auth, ErrorShape.PROBLEM, null, Map.of());
        }

        Specifics errors(ErrorShape shape) {
            return new Specifics(auth, shape, body, ids);
        }

        Specifics body(Function<TwoSites.Site, Map<String, Object>> validBody) {
            return new Specifics(auth, errors, validBody, ids);
        }

        Specifics id(String parameter, String kind) {
            Map<String, String> more = new LinkedHashMap<>(ids);
            more.put(parameter, kind);
            return new Specifics(auth, errors, body, more);
        }
    }

    private static final Auth INGEST = Auth.apiKey("ingest");
    private static final Auth MODERATOR = Auth.apiKey("moderator");
    private static final Auth ADMIN = Auth.apiKey("admin");

    /** One row per operation of the OpenAPI document, keyed {@code "METHOD /path/template"} as the document spells it. */
    static final Map<String, Specifics> SPECIFICS = Map.ofEntries(
            Map.entry(
                    "POST /api/v1/sites", Specifics.of(Auth.apiKey("platform")).body(s -> map("name", "Fuzz site"))),
            Map.entry("GET /api/v1/sites/{id}", Specifics.of(ADMIN)),
            Map.entry(
                    "POST /api/v1/sites/{id}/keys",
                    Specifics.of(ADMIN).body(s -> map("role", "moderator", "label", "fuzz"))),
            Map.entry("GET /api/v1/sites/{id}/keys", Specifics.of(ADMIN)),
            Map.entry("DELETE /api/v1/sites/{id}/keys/{keyId}", Specifics.of(ADMIN)),
            Map.entry("GET /api/v1/sites/{id}/policy", Specifics.of(ADMIN)),
            Map.entry("GET /api/v1/sites/{id}/quota", Specifics.of(ADMIN)),
            Map.entry("GET /api/v1/sites/{id}/integrations/coral", Specifics.of(ADMIN)),
            Map.entry(
                    "PUT /api/v1/sites/{id}/integrations/coral",
                    Specifics.of(ADMIN)
                            .body(s -> map(
                                    "tenantId",
                                    "fuzz-tenant-" + s.id(),
                                    "secrets",
                                    List.of(map("secret", "ems_0123456789abcdef0123"))))),
            Map.entry("DELETE /api/v1/sites/{id}/integrations/coral", Specifics.of(ADMIN)),
            // Coral's phase authenticates by an HMAC of the body under a secret the site configured; the fuzz sends
            // no signature, so every request must be a clean 401 (CoralModerationTest covers signed bad input).
            Map.entry(
                    "POST /integrations/coral/v1/moderate",
                    Specifics.of(Auth.publicEndpoint())
                            .body(s -> map(
                                    "action",
                                    "NEW",
                                    "comment",
                                    map("body", "Trams beat buses.", "parentID", null),
                                    "author",
                                    map("id", "coral-user-1", "role", "COMMENTER"),
                                    "story",
                                    map("id", "story-1", "url", "https://news.example/tram"),
                                    "site",
                                    map("id", "coral-site-1"),
                                    "tenantID",
                                    "fuzz-tenant-" + s.id(),
                                    "tenantDomain",
                                    "news.example"))),
            Map.entry("GET /$discovery/rest", Specifics.of(Auth.publicEndpoint())),
            // An empty override (the defaults): a valid body must not throttle the rest of the run.
            Map.entry(
                    "PUT /api/v1/sites/{id}/quota",
                    Specifics.of(Auth.apiKey("platform")).body(s -> map())),
            Map.entry(
                    "PUT /api/v1/sites/{id}/policy",
                    Specifics.of(ADMIN)
                            .body(s -> map(
                                    "thresholds",
                                    map("toxicity", map("review", 0.6, "reject", 0.9)),
                                    "blockTerms",
                                    List.of("grifter"),
                                    "mode",
                                    "PRE_MODERATE_ALL"))),
            Map.entry(
                    "POST /api/v1/sites/{id}/policy/dry-run",
                    Specifics.of(ADMIN).body(s -> map("policy", map("mode", "POST_MODERATION"), "limit", 20))),
            Map.entry("POST /api/v1/score", Specifics.of(INGEST).body(Endpoints::score)),
            Map.entry(
                    "POST /api/v1/score/batch",
                    Specifics.of(INGEST).body(s -> map("items", List.of(score(s), score(s))))),
            Map.entry(
                    "POST /v1alpha1/comments:analyze",
                    Specifics.of(Auth.perspectiveKey())
                            .errors(ErrorShape.GOOGLE)
                            .body(Endpoints::analyze)),
            Map.entry(
                    "POST /v1alpha1/comments:suggestscore",
                    Specifics.of(Auth.perspectiveKey())
                            .errors(ErrorShape.GOOGLE)
                            .body(s -> map(
                                    "comment",
                                    map("text", "fine words"),
                                    "attributeScores",
                                    map("TOXICITY", map("summaryScore", map("value", 0.9)))))),
            Map.entry(
                    "PUT /api/v1/articles/{externalId}",
                    Specifics.of(INGEST)
                            .body(s -> map("title", "Budget vote", "body", "The council voted on the budget."))),
            Map.entry("GET /api/v1/articles/{externalId}", Specifics.of(INGEST)),
            Map.entry("POST /api/v1/comments", Specifics.of(INGEST).body(Endpoints::comment)),
            Map.entry("GET /api/v1/comments", Specifics.of(INGEST)),
            Map.entry("GET /api/v1/comments/{id}", Specifics.of(INGEST)),
            Map.entry("PUT /api/v1/comments/{id}", Specifics.of(INGEST).body(s -> map("text", "An edit."))),
            Map.entry(
                    "POST /api/v1/comments/{id}/reports",
                    Specifics.of(INGEST).body(s -> map("reporterId", "reader-" + UUID.randomUUID(), "reason", "spam"))),
            // A site's own decision (WordPress). The body asks for the one action this endpoint refuses: an accepted
            // decision would close site A's queued item, which the final check must find untouched (SiteDecisionTest
            // covers accepted decisions).
            Map.entry(
                    "POST /api/v1/comments/{id}/moderation",
                    Specifics.of(INGEST)
                            .body(s -> map("action", "escalate", "reason", "needs_senior", "moderator", "wp:fuzz"))),
            Map.entry("GET /api/v1/queue", Specifics.of(MODERATOR)),
            Map.entry("POST /api/v1/queue/claim", Specifics.of(MODERATOR)),
            Map.entry("GET /api/v1/queue/{itemId}", Specifics.of(MODERATOR)),
            Map.entry("POST /api/v1/queue/{itemId}/claim", Specifics.of(MODERATOR)),
            Map.entry("POST /api/v1/queue/{itemId}/release", Specifics.of(MODERATOR)),
            Map.entry(
                    "POST /api/v1/queue/{itemId}/decision",
                    Specifics.of(MODERATOR).body(s -> map("action", "approve", "reason", "acceptable", "note", "ok"))),
            Map.entry(
                    "POST /api/v1/queue/decisions",
                    Specifics.of(MODERATOR)
                            .body(s -> map(
                                    "decisions",
                                    List.of(map(
                                            "itemId", s.itemId(), "action", "escalate", "reason", "needs_senior"))))),
            Map.entry("POST /api/v1/queue/{itemId}/undo", Specifics.of(MODERATOR)),
            Map.entry("GET /api/v1/authors/{id}", Specifics.of(MODERATOR)),
            Map.entry(
                    "POST /api/v1/authors/{id}",
                    Specifics.of(MODERATOR).body(s -> map("action", "premoderate", "reason", "fuzz"))),
            Map.entry("GET /api/v1/audit", Specifics.of(MODERATOR)),
            Map.entry("GET /api/v1/stats", Specifics.of(MODERATOR)),
            Map.entry("GET /api/v1/me", Specifics.of(INGEST)),
            Map.entry("GET /api/v1/vocabulary", Specifics.of(INGEST)),
            Map.entry(
                    "POST /api/v1/webhooks",
                    Specifics.of(ADMIN)
                            .body(s -> map(
                                    "url",
                                    "http://receiver.invalid/fuzz",
                                    "eventTypes",
                                    List.of("comment.published")))),
            Map.entry("GET /api/v1/webhooks", Specifics.of(ADMIN)),
            Map.entry("GET /api/v1/webhooks/{id}", Specifics.of(ADMIN)),
            Map.entry("POST /api/v1/webhooks/{id}/enable", Specifics.of(ADMIN)),
            // Deleting the site's main webhook would turn the rest of the run into 404s; the spare one is for this.
            Map.entry("DELETE /api/v1/webhooks/{id}", Specifics.of(ADMIN).id("id", "spareWebhook")),
            Map.entry("GET /api/v1/webhooks/{id}/deliveries", Specifics.of(ADMIN)),
            Map.entry("GET /api/v1/sites/{id}/decisions/export", Specifics.of(ADMIN)),
            Map.entry("GET /api/v1/sites/{id}/site-model", Specifics.of(ADMIN)),
            Map.entry("POST /api/v1/sites/{id}/site-model/fit", Specifics.of(ADMIN)),
            Map.entry("GET /api/v1/sites/{id}/learning", Specifics.of(ADMIN)),
            // The defaults with no sampling: a valid body must not change what the rest of the run sees.
            Map.entry("PUT /api/v1/sites/{id}/learning", Specifics.of(ADMIN).body(s -> map("sampleShare", 0.0))),
            Map.entry("GET /api/v1/sites/{id}/policy/advice", Specifics.of(ADMIN)),
            Map.entry("GET /api/v1/samples", Specifics.of(MODERATOR)),
            Map.entry("GET /api/v1/samples/{itemId}", Specifics.of(MODERATOR).id("itemId", "item")),
            Map.entry(
                    "POST /api/v1/samples/{itemId}/decision",
                    Specifics.of(MODERATOR)
                            .id("itemId", "item")
                            .body(s -> map("action", "approve", "reason", "acceptable"))),
            Map.entry("GET /api/v1/stats/learning/samples", Specifics.of(MODERATOR)),
            Map.entry("GET /api/v1/stats/learning/identity-terms", Specifics.of(MODERATOR)),
            Map.entry("GET /api/v1/sites/{id}/rescoring", Specifics.of(ADMIN)),
            Map.entry("GET /api/v1/sites/{id}/models", Specifics.of(ADMIN)),
            // Not the running versions: a valid body is answered 409 versions_changed and stores nothing.
            Map.entry(
                    "POST /api/v1/sites/{id}/models/accept",
                    Specifics.of(ADMIN).body(s -> map("versions", map("toxicity", "fuzz@1")))));

    /** The kind of id a path parameter takes, from the collection segment just before it. */
    static final Map<String, String> SEGMENT_IDS = Map.of(
            "sites",
            "site",
            "keys",
            "key",
            "articles",
            "article",
            "comments",
            "comment",
            "queue",
            "item",
            "authors",
            "author",
            "webhooks",
            "webhook");

    private static final java.util.Set<String> SITE_NAMES = java.util.Set.of("article", "author");

    /** The kind of value a query parameter takes, by name; others by their schema type. */
    private static final Map<String, String> QUERY_IDS = Map.ofEntries(
            Map.entry("limit", "limit"),
            Map.entry("days", "limit"),
            Map.entry("status", "status"),
            Map.entry("sort", "sort"),
            Map.entry("cursor", "cursor"),
            Map.entry("minScore", "number"),
            Map.entry("maxScore", "number"),
            Map.entry("from", "date"),
            Map.entry("to", "date"),
            Map.entry("article", "article"),
            Map.entry("author", "author"),
            Map.entry("commentId", "comment"),
            Map.entry("weeks", "limit"));

    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}/]+)}");
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch", "head", "options");

    /** One operation: where it is, what it takes, and how to call it. */
    record Endpoint(
            String method,
            String template,
            Map<String, String> pathIds,
            Map<String, String> queryIds,
            Map<String, Object> bodySchema,
            Specifics specifics) {

        String key() {
            return method + " " + template;
        }

        boolean hasBody() {
            return bodySchema != null;
        }

        Auth auth() {
            return specifics.auth();
        }

        /**
         * Whether a path parameter names one of the site's resources by id. Article and author ids are the site's
         * own names: another site may register the same name for itself (201), so they do not count.
         */
        boolean addressesAResource() {
            return pathIds.values().stream().anyMatch(kind -> !SITE_NAMES.contains(kind));
        }

        /** A valid body of the site: the row's own, or one built from the request body schema. */
        Map<String, Object> validBody(TwoSites.Site site, Map<String, Object> components) {
            if (specifics.body() != null) {
                return specifics.body().apply(site);
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> built = (Map<String, Object>) Schemas.example(bodySchema, components, 0);
            return built == null ? new LinkedHashMap<>() : built;
        }

        /**
         * The path with every path parameter filled by {@code pathValues} and the query parameters for which
         * {@code queryValues} (may be null: no query) gives a value; both map a kind of value to its URL-encoded form.
         */
        String path(Function<String, String> pathValues, Function<String, String> queryValues) {
            Matcher m = PATH_PARAMETER.matcher(template);
            StringBuilder path = new StringBuilder();
            while (m.find()) {
                m.appendReplacement(path, Matcher.quoteReplacement(pathValues.apply(pathIds.get(m.group(1)))));
            }
            m.appendTail(path);
            if (queryValues != null) {
                StringBuilder query = new StringBuilder();
                queryIds.forEach((name, kind) -> {
                    String value = queryValues.apply(kind);
                    if (value != null) {
                        query.append(query.isEmpty() ? "?" : "&")
                                .append(name)
                                .append('=')
                                .append(value);
                    }
                });
                path.append(query);
            }
            return path.toString();
        }
    }

    /** The document and the endpoints built from it. */
    record Document(Map<String, Object> json, List<Endpoint> all) {

        @SuppressWarnings("unchecked")
        Map<String, Object> components() {
            Map<String, Object> components = (Map<String, Object>) json.getOrDefault("components", Map.of());
            return (Map<String, Object>) components.getOrDefault("schemas", Map.of());
        }

        /** Every {@code "METHOD /path"} the document lists. */
        TreeSet<String> operations() {
            TreeSet<String> keys = new TreeSet<>();
            all.forEach(e -> keys.add(e.key()));
            return keys;
        }

        Endpoint endpoint(String key) {
            return all.stream()
                    .filter(e -> e.key().equals(key))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("the OpenAPI document has no " + key));
        }

        List<String> withoutSpecifics() {
            return all.stream()
                    .filter(e -> e.specifics() == null)
                    .map(Endpoint::key)
                    .sorted()
                    .toList();
        }

        List<Endpoint> fuzzable() {
            List<String> missing = withoutSpecifics();
            if (!missing.isEmpty()) {
                throw new AssertionError("operations of the OpenAPI document without a row in Endpoints.SPECIFICS "
                        + "(add one line each: authentication, error shape): " + missing);
            }
            return all;
        }
    }

    private Endpoints() {}

    /** Reads {@code /q/openapi?format=json} from the running service. */
    static Document load(URI base) throws Exception {
        // HTTP/1.1: the JDK client's default h2c upgrade on this large answer once read body bytes as HTTP/2 frames
        // ("Frame type(44) length(6126386) exceeds MAX_FRAME_SIZE") and failed the fuzz test's set-up.
        HttpResponse<String> response = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .build()
                .send(
                        HttpRequest.newBuilder(
                                        URI.create(base.toString().replaceAll("/$", "") + "/q/openapi?format=json"))
                                .timeout(Duration.ofSeconds(30))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new AssertionError("GET /q/openapi?format=json answered " + response.statusCode());
        }
        return of(Json.read(response.body()));
    }

    static Document of(Map<String, Object> json) {
        return of(json, SPECIFICS);
    }

    /** The endpoints of a document, joined with the given table of specifics. */
    @SuppressWarnings("unchecked")
    static Document of(Map<String, Object> json, Map<String, Specifics> table) {
        List<Endpoint> all = new ArrayList<>();
        Map<String, Object> paths = (Map<String, Object>) json.getOrDefault("paths", Map.of());
        for (var path : paths.entrySet()) {
            Map<String, Object> item = (Map<String, Object>) path.getValue();
            List<Object> shared = (List<Object>) item.getOrDefault("parameters", List.of());
            for (String method : METHODS) {
                Map<String, Object> operation = (Map<String, Object>) item.get(method);
                if (operation != null) {
                    all.add(endpoint(method.toUpperCase(), path.getKey(), shared, operation, table));
                }
            }
        }
        return new Document(json, all);
    }

    @SuppressWarnings("unchecked")
    private static Endpoint endpoint(
            String method, String template, List<Object> shared, Map<String, Object> op, Map<String, Specifics> table) {
        Specifics specifics = table.get(method + " " + template);
        List<Object> parameters = new ArrayList<>(shared);
        parameters.addAll((List<Object>) op.getOrDefault("parameters", List.of()));
        Map<String, String> pathIds = new LinkedHashMap<>();
        Matcher m = PATH_PARAMETER.matcher(template);
        while (m.find()) {
            String name = m.group(1);
            String segment = segmentBefore(template, m.start());
            String kind = Optional.ofNullable(
                            specifics == null ? null : specifics.ids().get(name))
                    .orElse(SEGMENT_IDS.get(segment));
            if (kind == null && specifics != null) {
                throw new AssertionError("path parameter {" + name + "} of " + method + " " + template + ": add \""
                        + segment + "\" to Endpoints.SEGMENT_IDS or .id(\"" + name + "\", kind) to its row");
            }
            pathIds.put(name, kind);
        }
        Map<String, String> queryIds = new LinkedHashMap<>();
        for (Object p : parameters) {
            Map<String, Object> parameter = (Map<String, Object>) p;
            if ("query".equals(parameter.get("in"))) {
                String name = (String) parameter.get("name");
                queryIds.put(
                        name,
                        QUERY_IDS.getOrDefault(
                                name,
                                switch (Schemas.type(
                                        (Map<String, Object>) parameter.getOrDefault("schema", Map.of()))) {
                                    case "integer" -> "limit";
                                    case "number" -> "number";
                                    default -> "word";
                                }));
            }
        }
        Map<String, Object> bodySchema = null;
        Map<String, Object> requestBody = (Map<String, Object>) op.get("requestBody");
        if (requestBody != null) {
            Map<String, Object> content = (Map<String, Object>) requestBody.getOrDefault("content", Map.of());
            Map<String, Object> media = (Map<String, Object>) content.getOrDefault(
                    "application/json", content.values().stream().findFirst().orElse(Map.of()));
            bodySchema = (Map<String, Object>) media.getOrDefault("schema", Map.of());
        }
        return new Endpoint(method, template, pathIds, queryIds, bodySchema, specifics);
    }

    private static String segmentBefore(String template, int index) {
        String before = template.substring(0, index);
        String[] segments = before.split("/");
        for (int i = segments.length - 1; i >= 0; i--) {
            if (!segments[i].isEmpty() && !segments[i].startsWith("{")) {
                return segments[i];
            }
        }
        return "";
    }

    // Realistic valid bodies, so that a good share of the fuzzed requests is accepted and stores something.

    static Map<String, Object> score(TwoSites.Site s) {
        return map(
                "text",
                "The tram line will cost more than promised.",
                "article",
                map("title", "Tram line", "body", "The council approved the tram line."),
                "parent",
                map("text", "Costs are rising."));
    }

    static Map<String, Object> analyze(TwoSites.Site s) {
        return map(
                "comment",
                map("text", "You are an idiot"),
                "languages",
                List.of("en"),
                "requestedAttributes",
                map("TOXICITY", map(), "OFF_TOPIC", map()),
                "context",
                map(
                        "entries",
                        List.of(
                                map(
                                        "text",
                                        "The city council approved the new tram line "
                                                + "on Tuesday after a long debate about costs. Construction starts next spring."))),
                "spanAnnotations",
                true);
    }

    static Map<String, Object> comment(TwoSites.Site s) {
        return map(
                "externalId",
                "fz-" + UUID.randomUUID(),
                "articleId",
                s.article(),
                "author",
                map("id", "author-" + UUID.randomUUID().toString().substring(0, 8), "name", "Fuzz"),
                "text",
                "Trams are better than buses for this city.");
    }

    /** Example values from JSON schemas (OpenAPI 3.0 and 3.1), for endpoints whose row gives no body. */
    static final class Schemas {

        private Schemas() {}

        @SuppressWarnings("unchecked")
        static String type(Map<String, Object> schema) {
            Object type = schema.get("type");
            if (type instanceof List<?> types) {
                return types.stream()
                        .map(String::valueOf)
                        .filter(t -> !t.equals("null"))
                        .findFirst()
                        .orElse("null");
            }
            return type == null ? (schema.containsKey("properties") ? "object" : "string") : type.toString();
        }

        @SuppressWarnings("unchecked")
        static Object example(Map<String, Object> schema, Map<String, Object> components, int depth) {
            if (schema == null || depth > 6) {
                return null;
            }
            Object ref = schema.get("$ref");
            if (ref instanceof String r && r.startsWith("#/components/schemas/")) {
                return example(
                        (Map<String, Object>) components.get(r.substring("#/components/schemas/".length())),
                        components,
                        depth + 1);
            }
            for (String combined : List.of("allOf", "oneOf", "anyOf")) {
                if (schema.get(combined) instanceof List<?> options && !options.isEmpty()) {
                    return example((Map<String, Object>) options.get(0), components, depth + 1);
                }
            }
            if (schema.get("enum") instanceof List<?> values && !values.isEmpty()) {
                return values.get(0);
            }
            return switch (type(schema)) {
                case "object" -> {
                    Map<String, Object> object = new LinkedHashMap<>();
                    Map<String, Object> properties = (Map<String, Object>) schema.getOrDefault("properties", Map.of());
                    properties.forEach((name, property) ->
                            object.put(name, example((Map<String, Object>) property, components, depth + 1)));
                    yield object;
                }
                case "array" -> {
                    Object item = example((Map<String, Object>) schema.get("items"), components, depth + 1);
                    yield item == null ? List.of() : new ArrayList<>(List.of(item));
                }
                case "integer" -> schema.get("minimum") instanceof Number min ? min : 1;
                case "number" -> 0.5;
                case "boolean" -> true;
                case "null" -> null;
                default ->
                    switch (String.valueOf(schema.get("format"))) {
                        case "uuid" -> UUID.randomUUID().toString();
                        case "date-time" -> "2026-01-01T00:00:00Z";
                        case "date" -> "2026-01-01";
                        case "uri", "url" -> "http://receiver.invalid/fuzz";
                        default -> "Fuzz value";
                    };
            };
        }
    }
}
