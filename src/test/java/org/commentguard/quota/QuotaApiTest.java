package org.commentguard.quota;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.commentguard.testing.Api;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.commentguard.testing.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/**
 * Quotas and shedding through the API: 429 with Retry-After on both API families, per-site overrides set by the
 * platform administrator only, refusals counted per site in {@code /q/metrics}, and ingestion refused before
 * anything is stored. The suite's own defaults are generous (see application.properties); each test here sets
 * the limits of a fresh site, or asks for a tight deadline with the header.
 */
@QuarkusTest
class QuotaApiTest {

    private static final String TEXT = "The council should publish the full cost of the tram line before the vote. "
            + "Residents near the depot were never asked about the noise of night maintenance, and the plans for "
            + "the river crossing changed twice without a public meeting. I support better transport, but not "
            + "like this: show the numbers, hold the hearing, and then decide. The bus routes it replaces carry "
            + "more elderly riders than the survey assumed, so the stops matter as much as the tracks.";

    @Inject
    DataSource db;

    private static Response putQuota(String siteId, String key, Map<String, Object> overrides) {
        return as(key).body(overrides).put("/api/v1/sites/" + siteId + "/quota");
    }

    private static Map<String, Object> comment(String article) {
        Map<String, Object> body = new HashMap<>();
        body.put("externalId", "c-" + UUID.randomUUID());
        body.put("articleId", article);
        body.put("author", Map.of("id", "reader-1", "name", "Reader"));
        body.put("text", TEXT);
        return body;
    }

    @Test
    void aSiteOverTheRequestRateGets429RateLimitedWithRetryAfterAndTheRefusalIsCountedForThatSite() {
        Api.TestSite site = Api.newSite();
        String ingest = site.key("ingest");
        putQuota(site.id(), Api.ADMIN_KEY, Map.of("siteRequestsPerSecond", 0.01, "siteBurst", 2))
                .then()
                .statusCode(200)
                .body("effective.siteBurst", equalTo(2));
        as(ingest).get("/api/v1/me").then().statusCode(200);
        as(ingest).get("/api/v1/me").then().statusCode(200);
        Response refused = as(ingest).get("/api/v1/me");
        refused.then()
                .statusCode(429)
                .contentType("application/problem+json")
                .body("code", equalTo("rate_limited"))
                .body("status", equalTo(429))
                .body("traceId", notNullValue());
        // 1 token per 100 s, just spent: the next one is about 100 s away.
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(90L, 100L);
        assertThat(refused.asString()).doesNotContain(ingest);
        // Back at once instead of after Retry-After: held back (at most 2 s, Tarpit), then the same refusal.
        Response again = as(ingest).get("/api/v1/me");
        again.then()
                .statusCode(429)
                .contentType("application/problem+json")
                .body("code", equalTo("rate_limited"))
                .body("traceId", notNullValue());
        assertThat(Long.parseLong(again.header("Retry-After"))).isPositive();

        String metrics =
                given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics)
                .containsPattern("commentguard_quota_refusals_total\\{[^}]*reason=\"rate_limited\"" + "[^}]*site=\""
                        + site.id() + "\"[^}]*} [1-9]");
        assertThat(metrics).doesNotContain(ingest).doesNotContain("cg_ingest_");
    }

    @Test
    void thePerspectiveEndpointAnswersGooglesResourceExhaustedShapeWithRetryAfter() {
        Api.TestSite site = Api.newSite();
        String ingest = site.key("ingest");
        putQuota(site.id(), Api.ADMIN_KEY, Map.of("keyRequestsPerSecond", 0.01, "keyBurst", 1))
                .then()
                .statusCode(200);
        Map<String, Object> analyze =
                Map.of("comment", Map.of("text", TEXT), "requestedAttributes", Map.of("TOXICITY", Map.of()));
        given().contentType("application/json")
                .body(analyze)
                .post("/v1alpha1/comments:analyze?key=" + ingest)
                .then()
                .statusCode(200);
        Response refused =
                given().contentType("application/json").body(analyze).post("/v1alpha1/comments:analyze?key=" + ingest);
        refused.then()
                .statusCode(429)
                .contentType("application/json")
                .body("error.code", equalTo(429))
                .body("error.status", equalTo("RESOURCE_EXHAUSTED"))
                .body("error.message", notNullValue());
        assertThat(refused.header("Retry-After")).isNotBlank();
        assertThat(refused.asString()).doesNotContain(ingest);
    }

    @Test
    void theKeyQuotaLimitsOneKeyWithoutStoppingTheSitesOtherKeys() {
        Api.TestSite site = Api.newSite();
        String first = site.key("ingest");
        String second = site.key("ingest");
        putQuota(site.id(), Api.ADMIN_KEY, Map.of("keyRequestsPerSecond", 0.01, "keyBurst", 1))
                .then()
                .statusCode(200);
        as(first).get("/api/v1/me").then().statusCode(200);
        as(first)
                .get("/api/v1/me")
                .then()
                .statusCode(429)
                .body("code", equalTo("rate_limited"))
                .body("detail", org.hamcrest.Matchers.containsString("key"));
        as(second).get("/api/v1/me").then().statusCode(200);
    }

    @Test
    void onlyThePlatformAdministratorSetsQuotasAndTheSitesAdminReadsTheMergedLimits() {
        Api.TestSite site = Api.newSite();
        putQuota(site.id(), site.adminKey(), Map.of("siteBurst", 1_000_000))
                .then()
                .statusCode(403)
                .body("code", equalTo("forbidden"));
        putQuota(site.id(), Api.ADMIN_KEY, Map.of("siteMaxConcurrent", 3))
                .then()
                .statusCode(200);
        as(site.adminKey())
                .get("/api/v1/sites/" + site.id() + "/quota")
                .then()
                .statusCode(200)
                .body("overrides.siteMaxConcurrent", equalTo(3))
                .body("overrides.siteBurst", nullValue())
                .body("effective.siteMaxConcurrent", equalTo(3))
                .body("effective.siteBurst", notNullValue())
                .body("scope", equalTo("instance"));
        Api.TestSite other = Api.newSite();
        as(other.adminKey()).get("/api/v1/sites/" + site.id() + "/quota").then().statusCode(404);
        as(site.key("moderator"))
                .get("/api/v1/audit")
                .then()
                .statusCode(200)
                .body("items.find { it.action == 'quota.updated' }.actor", equalTo("platform-admin"));
        putQuota(site.id(), Api.ADMIN_KEY, Map.of("siteRequestsPerSecond", -1, "keyMaxConcurrent", 0))
                .then()
                .statusCode(400)
                .body("code", equalTo("validation_failed"))
                .body("violations.field", hasItem("siteRequestsPerSecond"))
                .body("violations.field", hasItem("keyMaxConcurrent"));
        putQuota(UUID.randomUUID().toString(), Api.ADMIN_KEY, Map.of()).then().statusCode(404);
    }

    @Test
    void aReplacedOverrideGoesBackToTheDefaultsForFieldsLeftOut() {
        Api.TestSite site = Api.newSite();
        String ingest = site.key("ingest");
        putQuota(site.id(), Api.ADMIN_KEY, Map.of("siteRequestsPerSecond", 0.01, "siteBurst", 1))
                .then()
                .statusCode(200);
        as(ingest).get("/api/v1/me").then().statusCode(200);
        as(ingest).get("/api/v1/me").then().statusCode(429);
        putQuota(site.id(), Api.ADMIN_KEY, Map.of()).then().statusCode(200).body("overrides.siteBurst", nullValue());
        as(ingest).get("/api/v1/me").then().statusCode(200);
    }

    @Test
    void aScoreRequestThatCannotFinishWithinItsDeadlineIsRefusedAtOnceWith503Overloaded() {
        String ingest = Api.newSite().key("ingest");
        Response refused = as(ingest)
                .header(RequestScoring.DEADLINE_HEADER, "1")
                .body(Map.of("text", TEXT))
                .post("/api/v1/score");
        refused.then().statusCode(503).contentType("application/problem+json").body("code", equalTo("overloaded"));
        assertThat(refused.header("Retry-After")).isNotBlank();
        as(ingest)
                .header(RequestScoring.DEADLINE_HEADER, "1")
                .body(Map.of("items", List.of(Map.of("text", TEXT), Map.of("text", TEXT))))
                .post("/api/v1/score/batch")
                .then()
                .statusCode(503)
                .body("code", equalTo("overloaded"));
        // The header only tightens: a generous value leaves the configured deadline.
        as(ingest)
                .header(RequestScoring.DEADLINE_HEADER, "3600000")
                .body(Map.of("text", TEXT))
                .post("/api/v1/score")
                .then()
                .statusCode(200);

        Response perspective = given().contentType("application/json")
                .header(RequestScoring.DEADLINE_HEADER, "1")
                .body(Map.of("comment", Map.of("text", TEXT), "requestedAttributes", Map.of("TOXICITY", Map.of())))
                .post("/v1alpha1/comments:analyze?key=" + ingest);
        perspective
                .then()
                .statusCode(503)
                .body("error.code", equalTo(503))
                .body("error.status", equalTo("UNAVAILABLE"));
        assertThat(perspective.header("Retry-After")).isNotBlank();
    }

    @Test
    void workJustRefusedAsTooMuchForItsDeadlineIsRefusedAgainBeforeItsBodyIsRead() throws Exception {
        Api.TestSite site = Api.newSite();
        String ingest = site.key("ingest");
        // 100 comments of 8,000 characters (800 kB, under the 1 MiB body limit) cannot be scored in 1 ms: the
        // estimate overshoots by seconds.
        List<Map<String, String>> items = java.util.Collections.nCopies(
                100, Map.of("text", "The tram line is late again. ".repeat(300).substring(0, 8_000)));
        String batch = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(Map.of("items", items));
        as(ingest)
                .header(RequestScoring.DEADLINE_HEADER, "1")
                .body(batch)
                .post("/api/v1/score/batch")
                .then()
                .statusCode(503)
                .body("code", equalTo("overloaded"))
                .body("detail", org.hamcrest.Matchers.containsString("would take about"));
        // A body as long that is not even JSON is refused the same way: it was never read.
        Response again = as(ingest)
                .header(RequestScoring.DEADLINE_HEADER, "1")
                .body("x".repeat(batch.length()))
                .post("/api/v1/score/batch");
        again.then()
                .statusCode(503)
                .contentType("application/problem+json")
                .body("code", equalTo("overloaded"))
                .body("detail", org.hamcrest.Matchers.containsString("just refused"));
        assertThat(again.header("Retry-After")).isNotBlank();
        // Smaller work, a longer deadline, or another key of the site go through the scheduler as usual.
        as(ingest)
                .body(Map.of("items", List.of(Map.of("text", TEXT))))
                .post("/api/v1/score/batch")
                .then()
                .statusCode(200);
        as(ingest)
                .body("x".repeat(batch.length()))
                .post("/api/v1/score/batch")
                .then()
                .statusCode(400);
        as(site.key("ingest"))
                .header(RequestScoring.DEADLINE_HEADER, "1")
                .body("x".repeat(batch.length()))
                .post("/api/v1/score/batch")
                .then()
                .statusCode(400);
    }

    @Test
    void aMalformedDeadlineHeaderIsAClientError() {
        String ingest = Api.newSite().key("ingest");
        for (String value : List.of("soon", "0", "-5", "3600001", "1.5")) {
            as(ingest)
                    .header(RequestScoring.DEADLINE_HEADER, value)
                    .body(Map.of("text", TEXT))
                    .post("/api/v1/score")
                    .then()
                    .statusCode(400)
                    .body("code", equalTo("invalid_deadline"));
        }
    }

    @Test
    void aShedCommentIsRefusedWith503BeforeAnythingIsStoredAndTheSameCommentIsAcceptedLater() throws Exception {
        Api.TestSite site = Api.newSite();
        String ingest = site.key("ingest");
        String article = "art-" + UUID.randomUUID();
        as(ingest)
                .body(Map.of("title", "Council approves tram line", "body", TEXT))
                .put("/api/v1/articles/" + article)
                .then()
                .statusCode(201);
        Map<String, Object> comment = comment(article);
        long[] before = counts();
        Response shed = as(ingest)
                .header(RequestScoring.DEADLINE_HEADER, "1")
                .body(comment)
                .post("/api/v1/comments");
        shed.then().statusCode(503).body("code", equalTo("overloaded"));
        assertThat(shed.header("Retry-After")).isNotBlank();
        assertThat(counts())
                .as("comment, author, review item, audit entry, outbox rows")
                .containsExactly(before);

        as(ingest)
                .body(comment)
                .post("/api/v1/comments")
                .then()
                .statusCode(201)
                .body("externalId", equalTo(comment.get("externalId")));
        assertThat(counts()[0]).isEqualTo(before[0] + 1);
    }

    private long[] counts() throws Exception {
        List<String> tables = List.of("comment", "author", "review_item", "audit_entry", "webhook_delivery");
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
            long[] counts = new long[tables.size()];
            for (int i = 0; i < counts.length; i++) {
                counts[i] = rs.getLong(i + 1);
            }
            return counts;
        }
    }
}
