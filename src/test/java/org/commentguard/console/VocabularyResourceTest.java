package org.commentguard.console;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.commentguard.comment.Moderation;
import org.commentguard.testing.Api;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.commentguard.testing.Api.as;
import static org.hamcrest.Matchers.equalTo;

/**
 * {@code GET /api/v1/vocabulary}: who may read it, and that each word it lists is one the endpoint that takes it
 * accepts, while a word it does not list is refused. That is what lets the console offer these lists as they are.
 */
@QuarkusTest
class VocabularyResourceTest {

    private static JsonPath vocabulary(String key) {
        return as(key).get("/api/v1/vocabulary")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    @Test
    void everySiteKeyReadsTheSameVocabularyAndOtherCallersAreRefused() {
        Api.TestSite site = Api.newSite();
        String ingest = as(site.key("ingest"))
                .get("/api/v1/vocabulary")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        for (String role : List.of("moderator", "admin")) {
            assertThat(as(site.key(role))
                            .get("/api/v1/vocabulary")
                            .then()
                            .statusCode(200)
                            .extract()
                            .asString())
                    .isEqualTo(ingest);
        }
        // Another site reads the same words: nothing in it is per site.
        assertThat(as(Api.newSite().key("moderator"))
                        .get("/api/v1/vocabulary")
                        .then()
                        .extract()
                        .asString())
                .isEqualTo(ingest);
        as("cg_mod_not_a_real_key")
                .get("/api/v1/vocabulary")
                .then()
                .statusCode(401)
                .body("code", equalTo("invalid_api_key"));
        given().get("/api/v1/vocabulary").then().statusCode(401);
        as(Api.ADMIN_KEY).get("/api/v1/vocabulary").then().statusCode(403);

        JsonPath v = vocabulary(site.adminKey());
        assertThat(v.getList("reasonCodes", String.class))
                .containsAll(v.getList("approvalReasonCodes", String.class))
                .contains(v.getString("escalationReasonCode"));
        assertThat(v.getList("approvalReasonCodes", String.class)).doesNotContain(v.getString("escalationReasonCode"));
        assertThat(v.getList("attributes", String.class)).containsAll(v.getList("thresholdAttributes", String.class));
    }

    @Test
    void scoreAnswersReportExactlyTheListedAttributesInTheirOrder() {
        Moderation.TestSite site = Moderation.newSite();
        List<String> attributes = vocabulary(site.ingest()).getList("attributes", String.class);
        Map<String, Object> scores = as(site.ingest())
                .body(Map.of("text", "The tram timetable changes in May."))
                .post("/api/v1/score")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("scores");
        assertThat(scores.keySet()).containsExactlyElementsOf(attributes);
    }

    @Test
    void theQueueTakesEveryListedStatusSortAndScoredAttributeAndRefusesOthers() {
        Moderation.TestSite site = Moderation.newSite();
        JsonPath v = vocabulary(site.moderator());
        for (String status : v.getList("queueStatuses", String.class)) {
            as(site.moderator()).get("/api/v1/queue?status=" + status).then().statusCode(200);
        }
        as(site.moderator()).get("/api/v1/queue?status=pending").then().statusCode(400);
        for (String sort : v.getList("queueSorts", String.class)) {
            as(site.moderator()).get("/api/v1/queue?sort=" + sort).then().statusCode(200);
        }
        as(site.moderator()).get("/api/v1/queue?sort=loudest").then().statusCode(400);
        for (String attribute : v.getList("attributes", String.class)) {
            as(site.moderator())
                    .get("/api/v1/queue?minScore=0.5&attribute=" + attribute)
                    .then()
                    .statusCode(200);
        }
        as(site.moderator())
                .get("/api/v1/queue?minScore=0.5&attribute=rudeness")
                .then()
                .statusCode(400);
    }

    @Test
    void decisionsTakeEveryListedActionAndReasonCodeAndRefuseOthers() {
        Moderation.TestSite site = Moderation.newSite();
        site.setPolicy(Map.of("mode", "PRE_MODERATE_ALL"));
        JsonPath v = vocabulary(site.moderator());
        List<String> actions = v.getList("decisionActions", String.class);
        assertThat(actions).contains("escalate", "approve", "reject");
        String held = site.comment("ann", "Trams are a good idea.");
        String item = itemOf(site, held);
        // Escalation keeps the item open, so one item takes every reason code in turn.
        for (String reason : v.getList("reasonCodes", String.class)) {
            as(site.moderator())
                    .body(Map.of("action", "escalate", "reason", reason, "note", "checked"))
                    .post("/api/v1/queue/" + item + "/decision")
                    .then()
                    .statusCode(200);
        }
        as(site.moderator())
                .body(Map.of("action", "escalate", "reason", "rudeness", "note", "checked"))
                .post("/api/v1/queue/" + item + "/decision")
                .then()
                .statusCode(400);
        for (String action : actions.stream().filter(a -> !a.equals("escalate")).toList()) {
            String other = itemOf(site, site.comment("bob", "The line should reach the suburbs."));
            String reason = action.equals("approve")
                    ? v.getList("approvalReasonCodes", String.class).get(0)
                    : "spam";
            as(site.moderator())
                    .body(Map.of("action", action, "reason", reason))
                    .post("/api/v1/queue/" + other + "/decision")
                    .then()
                    .statusCode(200)
                    .body("decision", equalTo(action));
        }
        as(site.moderator())
                .body(Map.of("action", "defer", "reason", "spam"))
                .post("/api/v1/queue/" + item + "/decision")
                .then()
                .statusCode(400);
    }

    @Test
    void aPolicyDryRunTakesEveryListedModeActionAndThresholdAttributeAndRefusesOffTopicThresholds() {
        Moderation.TestSite site = Moderation.newSite();
        JsonPath v = vocabulary(site.admin());
        String dryRun = "/api/v1/sites/" + site.id() + "/policy/dry-run";
        Map<String, Object> thresholds = new LinkedHashMap<>();
        v.getList("thresholdAttributes", String.class)
                .forEach(a -> thresholds.put(a, Map.of("review", 0.5, "reject", 0.9)));
        List<String> policyActions = v.getList("policyActions", String.class);
        List<String> failureActions = v.getList("failureActions", String.class);
        List<String> modes = v.getList("moderationModes", String.class);
        for (int i = 0; i < modes.size(); i++) {
            Map<String, Object> policy = new HashMap<>();
            policy.put("mode", modes.get(i));
            policy.put("thresholds", thresholds);
            policy.put("offTopicAction", policyActions.get(i % policyActions.size()));
            policy.put("unsupportedLanguageAction", policyActions.get((i + 1) % policyActions.size()));
            policy.put("scorerFailureAction", failureActions.get(i % failureActions.size()));
            as(site.admin())
                    .body(Map.of("policy", policy, "limit", 5))
                    .post(dryRun)
                    .then()
                    .statusCode(200);
        }
        List<String> unthresholded = v.getList("attributes", String.class).stream()
                .filter(a -> !v.getList("thresholdAttributes", String.class).contains(a))
                .toList();
        assertThat(unthresholded).isNotEmpty();
        for (String attribute : unthresholded) {
            as(site.admin())
                    .body(Map.of("policy", Map.of("thresholds", Map.of(attribute, Map.of("review", 0.5))), "limit", 5))
                    .post(dryRun)
                    .then()
                    .statusCode(400);
        }
        as(site.admin())
                .body(Map.of("policy", Map.of("mode", "PRE_MODERATE_SOMETIMES"), "limit", 5))
                .post(dryRun)
                .then()
                .statusCode(400);
    }

    @Test
    void webhooksKeysAndSanctionsTakeEveryListedWordAndRefuseOthers() {
        Moderation.TestSite site = Moderation.newSite();
        JsonPath v = vocabulary(site.admin());
        as(site.admin())
                .body(Map.of(
                        "url",
                        "https://receiver.invalid/hooks/" + UUID.randomUUID(),
                        "eventTypes",
                        v.getList("eventTypes", String.class)))
                .post("/api/v1/webhooks")
                .then()
                .statusCode(201);
        as(site.admin())
                .body(Map.of(
                        "url",
                        "https://receiver.invalid/hooks/" + UUID.randomUUID(),
                        "eventTypes",
                        List.of("comment.liked")))
                .post("/api/v1/webhooks")
                .then()
                .statusCode(400);

        for (String role : v.getList("keyRoles", String.class)) {
            as(site.admin())
                    .body(Map.of("role", role, "label", "vocabulary-" + role))
                    .post("/api/v1/sites/" + site.id() + "/keys")
                    .then()
                    .statusCode(201)
                    .body("role", equalTo(role));
        }
        as(site.admin())
                .body(Map.of("role", "owner", "label", "vocabulary-owner"))
                .post("/api/v1/sites/" + site.id() + "/keys")
                .then()
                .statusCode(400);

        site.comment("dan", "Trams will make the commute easier.");
        String until = Instant.now().plus(1, ChronoUnit.DAYS).toString();
        for (String action : v.getList("sanctionActions", String.class)) {
            as(site.moderator())
                    .body(Map.of("action", action, "reason", "vocabulary check", "until", until))
                    .post("/api/v1/authors/dan")
                    .then()
                    .statusCode(200);
        }
        as(site.moderator())
                .body(Map.of("action", "exile", "reason", "vocabulary check"))
                .post("/api/v1/authors/dan")
                .then()
                .statusCode(400);
    }

    private static String itemOf(Moderation.TestSite site, String commentId) {
        return as(site.moderator())
                .get("/api/v1/queue?status=all&limit=100")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getString("items.find { it.comment.id == '" + commentId + "' }.id");
    }
}
