package org.commentguard.review;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.commentguard.comment.Moderation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.commentguard.testing.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/** Decisions made in the site's own moderation screen: POST /api/v1/comments/{id}/moderation with an ingest key. */
@QuarkusTest
class SiteDecisionTest {

    @BeforeEach
    void scorer() {
        Moderation.useMarkerScorer();
    }

    private static Map<String, Object> decision(String action, String reason, String moderator) {
        Map<String, Object> body = new HashMap<>();
        body.put("action", action);
        body.put("reason", reason);
        body.put("moderator", moderator);
        return body;
    }

    private static JsonPath auditOf(Moderation.TestSite site, String commentId) {
        return as(site.moderator())
                .queryParam("commentId", commentId)
                .get("/api/v1/audit")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static String statusOf(Moderation.TestSite site, String commentId) {
        return as(site.ingest())
                .get("/api/v1/comments/" + commentId)
                .then()
                .statusCode(200)
                .extract()
                .path("status");
    }

    @Test
    void aQueuedCommentDecidedOnTheSiteClosesItsItemEvenWhileAModeratorHoldsIt() {
        Moderation.TestSite site = Moderation.newSite();
        String id = site.comment("u1", "You are a fool {insult=0.8}");
        String item = ReviewQueueTest.itemOf(site, id);
        as(site.moderator()).post("/api/v1/queue/" + item + "/claim").then().statusCode(200);

        as(site.ingest())
                .body(decision("reject", "insult", "wp:editor"))
                .post("/api/v1/comments/" + id + "/moderation")
                .then()
                .statusCode(200)
                .body("status", equalTo("REJECTED"))
                .body("changed", equalTo(true))
                .body("reviewItemId", equalTo(item));

        assertThat(statusOf(site, id)).isEqualTo("REJECTED");
        as(site.moderator())
                .get("/api/v1/queue/" + item)
                .then()
                .statusCode(200)
                .body("state", equalTo("decided"))
                .body("decision", equalTo("reject"))
                .body("decidedBy", startsWith("site:wp:editor via key:ingest-"));
        as(site.moderator())
                .body(Map.of("action", "approve", "reason", "acceptable"))
                .post("/api/v1/queue/" + item + "/decision")
                .then()
                .statusCode(409)
                .body("code", equalTo("already_decided"));
        Map<?, ?> entry = auditOf(site, id).getList("items", Map.class).stream()
                .filter(e -> "comment.rejected".equals(e.get("action")))
                .findFirst()
                .orElseThrow();
        assertThat((String) entry.get("actor")).startsWith("site:wp:editor via key:ingest-");
        assertThat(entry.get("reason")).isEqualTo("insult");
        assertThat(entry.get("reviewItemId")).isEqualTo(item);
        assertThat(((Map<?, ?>) entry.get("before")).get("status")).isEqualTo("PENDING");
        assertThat(((Map<?, ?>) entry.get("after")).get("status")).isEqualTo("REJECTED");
    }

    @Test
    void aPublishedCommentMarkedAsSpamOnTheSiteIsRejectedAndARepeatChangesNothing() {
        Moderation.TestSite site = Moderation.newSite();
        String id = site.comment("u1", "Trams are a fine idea");
        assertThat(statusOf(site, id)).isEqualTo("PUBLISHED");

        as(site.ingest())
                .body(decision("reject", "spam", "wp:admin"))
                .post("/api/v1/comments/" + id + "/moderation")
                .then()
                .statusCode(200)
                .body("status", equalTo("REJECTED"))
                .body("changed", equalTo(true));
        as(site.ingest())
                .body(decision("reject", "spam", "wp:admin"))
                .post("/api/v1/comments/" + id + "/moderation")
                .then()
                .statusCode(200)
                .body("status", equalTo("REJECTED"))
                .body("changed", equalTo(false));

        assertThat(auditOf(site, id).getList("items.action")).containsExactly("comment.verdict", "comment.rejected");
        // The automatic verdict stays on record next to the site's decision: that difference is the learning data.
        as(site.ingest()).get("/api/v1/comments/" + id).then().body("autoStatus", equalTo("PUBLISHED"));

        as(site.ingest())
                .body(decision("approve", "false_positive", "wp:admin"))
                .post("/api/v1/comments/" + id + "/moderation")
                .then()
                .statusCode(200)
                .body("status", equalTo("PUBLISHED"))
                .body("changed", equalTo(true));
        assertThat(auditOf(site, id).getList("items.action"))
                .containsExactly("comment.verdict", "comment.rejected", "comment.approved");
    }

    @Test
    void badSiteDecisionsAreProblemsAndStoreNothing() {
        Moderation.TestSite site = Moderation.newSite();
        String id = site.comment("u1", "Trams are a fine idea");
        String path = "/api/v1/comments/" + id + "/moderation";
        Map<String, Object> trashWithoutNote = decision("reject", "other", "wp:admin");
        for (Map<String, Object> bad : List.of(
                decision("escalate", "needs_senior", "wp:admin"),
                decision("delete", "spam", "wp:admin"),
                decision("reject", "rude", "wp:admin"),
                trashWithoutNote,
                decision("reject", "spam", null),
                decision("reject", "spam", " "),
                decision("reject", "spam", "wp:admin\nforged line"),
                decision("reject", "spam", "x".repeat(201)))) {
            as(site.ingest())
                    .body(bad)
                    .post(path)
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("code", equalTo("validation_failed"));
        }
        as(site.ingest())
                .body("{\"action\": \"reject\",")
                .post(path)
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        as(site.ingest()).post(path).then().statusCode(400).contentType("application/problem+json");
        // Queue moderators decide in the queue; this endpoint is the site backend's.
        as(site.moderator())
                .body(decision("reject", "spam", "wp:admin"))
                .post(path)
                .then()
                .statusCode(403)
                .body("code", equalTo("forbidden"));
        as("cg_ing_no_such_key")
                .body(decision("reject", "spam", "wp:admin"))
                .post(path)
                .then()
                .statusCode(401);
        as(site.ingest())
                .body(decision("reject", "spam", "wp:admin"))
                .post("/api/v1/comments/" + UUID.randomUUID() + "/moderation")
                .then()
                .statusCode(404)
                .body("code", equalTo("not_found"));
        Moderation.TestSite other = Moderation.newSite();
        as(other.ingest())
                .body(decision("reject", "spam", "wp:admin"))
                .post(path)
                .then()
                .statusCode(404);

        assertThat(statusOf(site, id)).isEqualTo("PUBLISHED");
        assertThat(auditOf(site, id).getList("items.action")).containsExactly("comment.verdict");
    }

    @Test
    void aSiteDecisionIsPublishedAsADecisionEvent() {
        Moderation.TestSite site = Moderation.newSite();
        as(site.admin())
                .body(Map.of("url", "http://receiver.invalid/site-decisions", "eventTypes", List.of("comment.decided")))
                .post("/api/v1/webhooks")
                .then()
                .statusCode(201);
        String id = site.comment("u1", "Trams are a fine idea");
        as(site.ingest())
                .body(decision("reject", "spam", "wp:admin"))
                .post("/api/v1/comments/" + id + "/moderation")
                .then()
                .statusCode(200);
        String endpoint = as(site.admin())
                .get("/api/v1/webhooks")
                .then()
                .statusCode(200)
                .extract()
                .path("[0].id");
        List<Map<String, Object>> deliveries = as(site.admin())
                .get("/api/v1/webhooks/" + endpoint + "/deliveries")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("");
        assertThat(deliveries).hasSize(1);
        assertThat(deliveries.get(0).get("eventType")).isEqualTo("comment.decided");
    }
}
