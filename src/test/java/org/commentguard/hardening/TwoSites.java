package org.commentguard.hardening;

import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.commentguard.testing.Api;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.commentguard.testing.Api.as;

/**
 * Two sites, each with one key per role, a revoked key, an article, a comment waiting in the review queue, a webhook
 * and a spare webhook that the fuzz test may delete. Every
 * text a site stores carries its own marker, so an answer to one site that contains the other's marker is a leak.
 */
record TwoSites(Site a, Site b, Snapshot aBefore) {

    /** One site's keys and resource ids. */
    record Site(
            String id,
            String admin,
            String ingest,
            String moderator,
            String ingestKeyId,
            String article,
            String commentId,
            String commentExternalId,
            String itemId,
            String webhookId,
            String author,
            String marker,
            String revokedKey,
            String revokedKeyId,
            String spareWebhookId) {

        String keyFor(String role) {
            if (role == null) {
                return null;
            }
            return switch (role) {
                case "ingest" -> ingest;
                case "moderator" -> moderator;
                case "admin" -> admin;
                case "platform" -> Api.ADMIN_KEY;
                default -> throw new IllegalArgumentException(role);
            };
        }

        boolean ownsKey(String key) {
            return key.equals(admin) || key.equals(ingest) || key.equals(moderator);
        }

        String revokedIngest() {
            return revokedKey;
        }

        /** {@link #ids()}'s value of this kind, URL-encoded. */
        String encodedId(String kind) {
            return BadInputFuzzTest.encode(ids().get(kind));
        }

        /** Valid values for the path and query parameters of {@link Endpoints.Endpoint}, by kind of value. */
        Map<String, String> ids() {
            Map<String, String> ids = new java.util.LinkedHashMap<>();
            ids.put("article", article);
            ids.put("comment", commentId);
            ids.put("item", itemId);
            ids.put("author", author);
            ids.put("site", id);
            ids.put("webhook", webhookId);
            // Revoking the revoked key again and deleting the spare webhook leave the site usable for the run.
            ids.put("key", revokedKeyId);
            ids.put("spareWebhook", spareWebhookId);
            ids.put("word", "spam");
            ids.put("limit", "10");
            ids.put("status", "all");
            ids.put("sort", "priority");
            ids.put("cursor", "");
            ids.put("number", "0.5");
            ids.put("date", "2020-01-01T00:00:00Z");
            return ids;
        }
    }

    /** What another site must never change: A's comment, queue item, webhooks, keys and policy. */
    record Snapshot(
            String text,
            String status,
            String claimedBy,
            boolean webhookActive,
            boolean webhookDeleted,
            boolean spareWebhookDeleted,
            List<Boolean> keysActive,
            int policyVersion) {

        static Snapshot of(Site s) {
            ExtractableResponse<Response> comment = as(s.ingest())
                    .get("/api/v1/comments/" + s.commentId())
                    .then()
                    .statusCode(200)
                    .extract();
            ExtractableResponse<Response> item = as(s.moderator())
                    .get("/api/v1/queue/" + s.itemId())
                    .then()
                    .statusCode(200)
                    .extract();
            ExtractableResponse<Response> hook = as(s.admin())
                    .get("/api/v1/webhooks/" + s.webhookId())
                    .then()
                    .statusCode(200)
                    .extract();
            boolean spareDeleted = as(s.admin())
                    .get("/api/v1/webhooks/" + s.spareWebhookId())
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("deleted");
            List<Boolean> keys = as(s.admin())
                    .get("/api/v1/sites/" + s.id() + "/keys")
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("active");
            int version = as(s.admin())
                    .get("/api/v1/sites/" + s.id() + "/policy")
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("version");
            return new Snapshot(
                    comment.path("text"),
                    comment.path("status"),
                    item.path("claimedBy"),
                    hook.path("active"),
                    hook.path("deleted"),
                    spareDeleted,
                    keys,
                    version);
        }
    }

    static TwoSites create() {
        Site a = site("A");
        Site b = site("B");
        return new TwoSites(a, b, Snapshot.of(a));
    }

    void assertSiteAUntouched() {
        assertThat(Snapshot.of(a)).isEqualTo(aBefore);
    }

    private static Site site(String name) {
        Api.TestSite site = Api.newSite();
        String marker = "MARKER" + name + UUID.randomUUID().toString().replace("-", "");
        String ingest = site.key("ingest");
        String moderator = site.key("moderator");
        List<Map<String, Object>> keys = as(site.adminKey())
                .get("/api/v1/sites/" + site.id() + "/keys")
                .then()
                .statusCode(200)
                .extract()
                .path("");
        String ingestKeyId = keys.stream()
                .filter(k -> "ingest".equals(k.get("role")))
                .findFirst()
                .map(k -> (String) k.get("id"))
                .orElseThrow();
        String revoked = site.key("ingest");
        String revokedId = as(site.adminKey())
                .get("/api/v1/sites/" + site.id() + "/keys")
                .then()
                .statusCode(200)
                .extract()
                .<List<Map<String, Object>>>path("")
                .stream()
                .filter(k -> "ingest".equals(k.get("role")) && !k.get("id").equals(ingestKeyId))
                .findFirst()
                .map(k -> (String) k.get("id"))
                .orElseThrow();
        as(site.adminKey())
                .delete("/api/v1/sites/" + site.id() + "/keys/" + revokedId)
                .then()
                .statusCode(200);
        String article = "art-" + name + "-" + UUID.randomUUID();
        as(ingest)
                .body(Map.of("title", "Tram line " + marker, "body", "The council approved the tram line. " + marker))
                .put("/api/v1/articles/" + article)
                .then()
                .statusCode(201);
        // Everything goes to the queue, so the site has a review item to claim and decide.
        as(site.adminKey())
                .body(Map.of("mode", "PRE_MODERATE_ALL"))
                .put("/api/v1/sites/" + site.id() + "/policy")
                .then()
                .statusCode(200);
        String author = "author-" + name + "-" + UUID.randomUUID();
        String externalId = "c-" + UUID.randomUUID();
        String commentId = as(ingest)
                .body(Map.of(
                        "externalId",
                        externalId,
                        "articleId",
                        article,
                        "author",
                        Map.of("id", author, "name", "Reader " + marker),
                        "text",
                        "Trams beat buses, says " + marker))
                .post("/api/v1/comments")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String itemId = as(moderator)
                .get("/api/v1/queue?status=all&limit=10")
                .then()
                .statusCode(200)
                .extract()
                .path("items[0].id");
        String webhookId = webhook(site, marker);
        String spareWebhookId = webhook(site, marker);
        return new Site(
                site.id(),
                site.adminKey(),
                ingest,
                moderator,
                ingestKeyId,
                article,
                commentId,
                externalId,
                itemId,
                webhookId,
                author,
                marker,
                revoked,
                revokedId,
                spareWebhookId);
    }

    private static String webhook(Api.TestSite site, String marker) {
        return as(site.adminKey())
                .body(Map.of("url", "http://receiver.invalid/" + marker, "eventTypes", List.of("comment.decided")))
                .post("/api/v1/webhooks")
                .then()
                .statusCode(201)
                .extract()
                .path("endpoint.id");
    }
}
