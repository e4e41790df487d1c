package org.commentguard.policy;

import io.quarkus.test.junit.QuarkusTest;
import org.commentguard.comment.Moderation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.commentguard.testing.Api.ADMIN_KEY;
import static org.commentguard.testing.Api.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
class PolicyApiTest {

    @BeforeEach
    void scorer() {
        Moderation.useMarkerScorer();
    }

    @Test
    void newSiteRunsOnNewsSiteDefaults() {
        Moderation.TestSite site = Moderation.newSite();
        as(site.admin())
                .get("/api/v1/sites/" + site.id() + "/policy")
                .then()
                .statusCode(200)
                .body("version", equalTo(0))
                .body("effective.mode", equalTo("POST_MODERATION"))
                .body("effective.thresholds.toxicity.review", equalTo(0.7f))
                .body("effective.thresholds.toxicity.reject", equalTo(0.95f))
                .body("effective.scorerFailureAction", equalTo("FAIL_CLOSED"))
                .body("effective.offTopicAction", equalTo("REVIEW"));
    }

    @Test
    void everyUpdateIsANewVersionAndVerdictsRecordTheVersionThatMadeThem() {
        Moderation.TestSite site = Moderation.newSite();
        as(site.admin())
                .body(Map.of("thresholds", Map.of("toxicity", Map.of("review", 0.5))))
                .put("/api/v1/sites/" + site.id() + "/policy")
                .then()
                .statusCode(200)
                .body("version", equalTo(1))
                .body("effective.thresholds.toxicity.review", equalTo(0.5f))
                .body("effective.thresholds.toxicity.reject", equalTo(0.95f));
        var r = site.post("v1", "u", "Mild {toxicity=0.6}");
        assertThat((String) r.path("status")).isEqualTo("PENDING");
        assertThat((Integer) r.path("policyVersion")).isEqualTo(1);
        as(site.admin())
                .body(Map.of("mode", "PRE_MODERATE_ALL", "blockTerms", List.of("grifter")))
                .put("/api/v1/sites/" + site.id() + "/policy")
                .then()
                .statusCode(200)
                .body("version", equalTo(2))
                // A PUT replaces the overrides: the threshold of version 1 is back at its default.
                .body("effective.thresholds.toxicity.review", equalTo(0.7f));
        var blocked = site.post("v2", "u", "What a grifter");
        assertThat((String) blocked.path("status")).isEqualTo("REJECTED");
        assertThat((List<String>) blocked.path("reasons")).containsExactly("term.blocked", "policy.premoderate_all");
        assertThat((Integer) blocked.path("policyVersion")).isEqualTo(2);
    }

    @Test
    void invalidPolicyIsRefusedWithViolationsAndNothingStored() {
        Moderation.TestSite site = Moderation.newSite();
        as(site.admin())
                .body(Map.of(
                        "thresholds",
                        Map.of(
                                "toxicity",
                                Map.of("review", 0.9, "reject", 0.5),
                                "made_up",
                                Map.of("review", 0.1),
                                "off_topic",
                                Map.of("review", 0.2)),
                        "blockTerms",
                        List.of(" "),
                        "newAuthorApprovals",
                        -1))
                .put("/api/v1/sites/" + site.id() + "/policy")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("validation_failed"))
                .body(
                        "violations.field",
                        containsInAnyOrder(
                                "thresholds.made_up", "thresholds.off_topic", "blockTerms[0]", "newAuthorApprovals"));
        as(site.admin())
                .body(Map.of("thresholds", Map.of("toxicity", Map.of("review", 0.99))))
                .put("/api/v1/sites/" + site.id() + "/policy")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("thresholds.toxicity"));
        as(site.admin())
                .body(Map.of("mode", "SOMETIMES"))
                .put("/api/v1/sites/" + site.id() + "/policy")
                .then()
                .statusCode(400)
                .body("code", equalTo("validation_failed"));
        as(site.admin()).get("/api/v1/sites/" + site.id() + "/policy").then().body("version", equalTo(0));
    }

    @Test
    void onlyTheSitesAdminOrThePlatformAdminManageItsPolicy() {
        Moderation.TestSite site = Moderation.newSite();
        Moderation.TestSite other = Moderation.newSite();
        String path = "/api/v1/sites/" + site.id() + "/policy";
        as(site.moderator()).get(path).then().statusCode(403);
        as(site.ingest()).body(Map.of()).put(path).then().statusCode(403);
        as(other.admin()).get(path).then().statusCode(404);
        as(other.admin())
                .body(Map.of("mode", "PRE_MODERATE_ALL"))
                .put(path)
                .then()
                .statusCode(404);
        as(ADMIN_KEY).get(path).then().statusCode(200);
        as(ADMIN_KEY)
                .get("/api/v1/sites/00000000-0000-0000-0000-000000000001/policy")
                .then()
                .statusCode(404);
    }

    @Test
    void policyChangesAreAudited() {
        Moderation.TestSite site = Moderation.newSite();
        site.setPolicy(Map.of("mode", "PRE_MODERATE_LINKS"));
        as(site.moderator())
                .get("/api/v1/audit")
                .then()
                .statusCode(200)
                .body("items.action", contains("policy.updated"))
                .body("items[0].after.mode", equalTo("PRE_MODERATE_LINKS"))
                .body("items[0].policyVersion", equalTo(1));
    }

    @Test
    void dryRunReportsWhichStoredVerdictsAProposedPolicyWouldChange() {
        Moderation.TestSite site = Moderation.newSite();
        String mild = site.comment("u1", "Mild {toxicity=0.6}");
        site.comment("u1", "Clean {toxicity=0.1}");
        site.comment("u2", "Nasty {toxicity=0.8}");
        String path = "/api/v1/sites/" + site.id() + "/policy/dry-run";
        as(site.admin())
                .body(Map.of("policy", Map.of("thresholds", Map.of("toxicity", Map.of("review", 0.5))), "limit", 10))
                .post(path)
                .then()
                .statusCode(200)
                .body("evaluated", equalTo(3))
                .body("changed", equalTo(1))
                .body("changes", hasSize(1))
                .body("changes[0].commentId", equalTo(mild))
                .body("changes[0].before", equalTo("PUBLISHED"))
                .body("changes[0].after", equalTo("PENDING"))
                .body("changes[0].reasonsAfter", contains("toxicity.review"))
                .body("after.PENDING", equalTo(2));
        // Nothing was stored: the site still runs on the defaults.
        as(site.admin()).get("/api/v1/sites/" + site.id() + "/policy").then().body("version", equalTo(0));
        as(site.admin())
                .body(Map.of("policy", Map.of(), "limit", 0))
                .post(path)
                .then()
                .statusCode(400);
        as(site.moderator()).body(Map.of("policy", Map.of())).post(path).then().statusCode(403);
    }
}
