package org.commentguard.integration.coral;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sends requests the way Coral's External Moderation Phase does, and checks answers the way Coral reads them
 * (coralproject/talk, {@code server/src/core/server/services/comments/pipeline/phases/external.ts} and
 * {@code services/fetch/fetch.ts}).
 */
final class CoralPhaseClient {

    /** Coral's {@code GQLCOMMENT_STATUS} keys: what {@code Joi.string().only().allow(...)} admits for status. */
    static final Set<String> COMMENT_STATUSES = Set.of("NONE", "APPROVED", "REJECTED", "PREMOD", "SYSTEM_WITHHELD");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI endpoint;

    CoralPhaseClient(URI base) {
        this.endpoint = base.resolve("/integrations/coral/v1/moderate");
    }

    /** An answer as Coral sees it: the HTTP status and the body text. */
    record Answer(int status, String contentType, String body) {}

    /**
     * {@code processPhase}'s payload, with its keys in the order Coral writes them (the order is part of the signed
     * bytes).
     */
    static Map<String, Object> request(
            String action,
            String body,
            String parentId,
            String authorId,
            String storyId,
            String storyUrl,
            String siteId,
            String tenantId) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("action", action);
        r.put("comment", ordered("body", body, "parentID", parentId));
        r.put("author", ordered("id", authorId, "role", "COMMENTER"));
        r.put("story", ordered("id", storyId, "url", storyUrl));
        r.put("site", ordered("id", siteId));
        r.put("tenantID", tenantId);
        r.put("tenantDomain", "comments.news.example");
        return r;
    }

    /** {@code generateFetchOptions}: the pretty-printed body, signed with each secret. */
    Answer send(Map<String, Object> request, List<String> secrets) throws Exception {
        byte[] body = JsStringify.pretty(request).getBytes(StandardCharsets.UTF_8);
        return sendRaw(body, CoralSignature.sign(body, secrets));
    }

    Answer sendRaw(byte[] body, String signature) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(endpoint)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("User-Agent", "Coral Moderation/9.3.0")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (signature != null) {
            b.header("X-Coral-Signature", signature);
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
    }

    /**
     * What Coral does with a 2xx answer: 204, {@code ""} or {@code "{}"} means no opinion; anything else must parse
     * and pass {@code ExternalModerationResponseSchema}, translated here rule by rule.
     *
     * @return the answer's fields, empty for "no opinion"
     */
    @SuppressWarnings("unchecked")
    static Optional<Map<String, Object>> validate(Answer answer) throws Exception {
        assertThat(answer.status()).as("res.ok").isBetween(200, 299);
        if (answer.status() == 204 || answer.body().isEmpty() || answer.body().equals("{}")) {
            return Optional.empty();
        }
        Object parsed = JSON.readValue(answer.body(), Object.class);
        assertThat(parsed).as("Joi.object()").isInstanceOf(Map.class);
        Map<String, Object> body = (Map<String, Object>) parsed;
        // stripUnknown would drop other keys silently; an answer of ours should not contain any.
        assertThat(body.keySet()).isSubsetOf("actions", "status", "tags");
        if (body.containsKey("status")) {
            assertThat(body.get("status"))
                    .as("status: Joi.string().only().allow(GQLCOMMENT_STATUS)")
                    .isInstanceOf(String.class)
                    .isIn(COMMENT_STATUSES.toArray());
        }
        if (body.containsKey("actions")) {
            assertThat(body.get("actions")).as("actions: Joi.array()").isInstanceOf(List.class);
            for (Object item : (List<Object>) body.get("actions")) {
                assertThat(item).as("actions[]: Joi.object()").isInstanceOf(Map.class);
                Map<String, Object> action = (Map<String, Object>) item;
                assertThat(action.keySet()).isSubsetOf("actionType", "reason");
                assertThat(action.get("actionType"))
                        .as("actionType: only FLAG, required")
                        .isEqualTo("FLAG");
                assertThat(action.get("reason"))
                        .as("reason: only TOXIC or SPAM, required")
                        .isIn("COMMENT_DETECTED_TOXIC", "COMMENT_DETECTED_SPAM");
            }
        }
        if (body.containsKey("tags")) {
            assertThat(body.get("tags")).isInstanceOf(List.class);
            assertThat((List<Object>) body.get("tags"))
                    .allSatisfy(t -> assertThat(t).isIn("FEATURED", "STAFF"));
        }
        return Optional.of(body);
    }

    /** A map keeping the order of its keys, as JavaScript objects do. */
    static Map<String, Object> ordered(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }
}
