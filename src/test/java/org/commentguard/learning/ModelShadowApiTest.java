package org.commentguard.learning;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.commentguard.comment.MarkerScorer;
import org.commentguard.comment.Moderation;
import org.commentguard.platform.Json;
import org.commentguard.scoring.ScoringPipeline;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.commentguard.testing.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/**
 * New model versions in shadow ({@code commentguard.models.shadow}): a start with new versions is simulated by a
 * pipeline whose marker scorer reports another version, and shadow on by replacing {@link RunningModels} for the
 * test, since a second Quarkus start in one run is not possible.
 */
@QuarkusTest
class ModelShadowApiTest {

    private static final String FIRST = "marker@test";
    private static final String HARSH = "Harsh words {toxicity=0.97}";

    @Inject
    ModelRescoring rescoring;

    @Inject
    Clock clock;

    @Inject
    IdentityMonitor monitor;

    /** A fresh version per test: the database outlives the test, and other tests record versions too. */
    private final String next = "marker@shadow-" + UUID.randomUUID();

    @BeforeEach
    void scorer() {
        Moderation.useMarkerScorer();
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    /** From here on this instance scores with {@link #next}, as after a restart with a new model. */
    private void startWithNewVersions() {
        QuarkusMock.installMockForType(new ScoringPipeline(List.of(new MarkerScorer(next))), ScoringPipeline.class);
    }

    /** {@code commentguard.models.shadow=true} for this test, over whichever pipeline is installed. */
    private static void shadowOn() {
        ScoringPipeline pipeline =
                Arc.container().instance(ScoringPipeline.class).get();
        QuarkusMock.installMockForType(new RunningModels(pipeline, true), RunningModels.class);
    }

    private static JsonPath models(Moderation.TestSite site) {
        return as(site.admin())
                .get("/api/v1/sites/" + site.id() + "/models")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static JsonPath comment(Moderation.TestSite site, String id) {
        return as(site.ingest())
                .get("/api/v1/comments/" + id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static List<Map<String, Object>> acceptedEntries(Moderation.TestSite site) {
        return as(site.moderator())
                .get("/api/v1/audit?limit=100")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.findAll { it.action == 'models.accepted' }");
    }

    private static io.restassured.response.ValidatableResponse accept(
            Moderation.TestSite site, String key, Map<String, String> versions) {
        return as(key).body(Map.of("versions", versions))
                .post("/api/v1/sites/" + site.id() + "/models/accept")
                .then();
    }

    // ---- tests -------------------------------------------------------------------------------------------------

    @Test
    void withShadowOffNewVersionsDecideAtOnceAndBecomeTheAcceptedOnes() {
        Moderation.TestSite site = Moderation.newSite();
        assertThat(models(site).getMap("accepted")).isEqualTo(Map.of("toxicity", FIRST));
        startWithNewVersions();

        JsonPath harsh = comment(site, site.comment("ann", HARSH));
        assertThat(harsh.getString("status")).isEqualTo("REJECTED");
        assertThat(harsh.getList("reasons")).containsExactly("toxicity.reject");
        assertThat(harsh.getString("models.toxicity")).isEqualTo(next);
        assertThat(comment(site, site.comment("bob", "Calm words")).getString("status"))
                .isEqualTo("PUBLISHED");

        JsonPath view = models(site);
        assertThat(view.getBoolean("shadow")).isFalse();
        assertThat(view.getBoolean("pendingAcceptance")).isFalse();
        assertThat(view.getMap("accepted")).isEqualTo(Map.of("toxicity", next));
        assertThat(view.getString("acceptedBy")).isEqualTo("system:models");
        // Exactly one entry for the change, however many comments followed it.
        List<Map<String, Object>> entries = acceptedEntries(site);
        assertThat(entries).hasSize(1);
        assertThat(entries.get(0).get("actor")).isEqualTo("system:models");
        assertThat(entries.get(0).get("before")).isEqualTo(Map.of("models", Map.of("toxicity", FIRST)));
        assertThat(entries.get(0).get("after")).isEqualTo(Map.of("models", Map.of("toxicity", next)));
    }

    @Test
    void withShadowOnNewVersionsQueueEveryCommentWithTheirScoresStoredUntilAnAdminAcceptsThem() {
        shadowOn();
        Moderation.TestSite site = Moderation.newSite();
        Moderation.TestSite other = Moderation.newSite();
        // The site's first versions count as accepted: they decide.
        String earlier = site.comment("ann", HARSH);
        assertThat(comment(site, earlier).getString("status")).isEqualTo("REJECTED");
        assertThat(models(site).getBoolean("pendingAcceptance")).isFalse();

        startWithNewVersions();
        String calmId = site.comment("bob", "Calm words");
        JsonPath calm = comment(site, calmId);
        assertThat(calm.getString("status")).isEqualTo("PENDING");
        assertThat(calm.getList("reasons")).containsExactly(ModelAcceptance.IN_SHADOW);
        assertThat(calm.getString("models.toxicity")).isEqualTo(next);
        JsonPath harsh = comment(site, site.comment("cat", HARSH));
        assertThat(harsh.getString("status")).isEqualTo("PENDING");
        // What the new versions concluded stays visible next to the hold.
        assertThat(harsh.getList("reasons")).containsExactly(ModelAcceptance.IN_SHADOW, "toxicity.reject");
        assertThat(harsh.getDouble("scores.toxicity")).isEqualTo(0.97);
        assertThat(harsh.getString("models.toxicity")).isEqualTo(next);
        // An edit is re-moderated by the new versions, so it is held too.
        as(site.ingest())
                .body(Map.of("text", "Calm now"))
                .put("/api/v1/comments/" + earlier)
                .then()
                .statusCode(200)
                .body("status", equalTo("PENDING"))
                .body("reasons", org.hamcrest.Matchers.contains(ModelAcceptance.IN_SHADOW));
        List<String> queued = as(site.moderator())
                .get("/api/v1/queue?status=open&limit=100")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.find { it.comment.id == '" + calmId + "' }.comment.reasons");
        assertThat(queued).containsExactly(ModelAcceptance.IN_SHADOW);

        // The re-scoring job for the new versions is the evidence the admin reads.
        UUID job = QuarkusTransaction.requiringNew()
                .call(() -> rescoring.start(
                        UUID.fromString(site.id()),
                        Json.write(Map.of("toxicity", FIRST)),
                        Json.write(Map.of("toxicity", next)),
                        clock.instant().minus(7, ChronoUnit.DAYS),
                        100,
                        clock.instant()));
        JsonPath view = models(site);
        assertThat(view.getBoolean("shadow")).isTrue();
        assertThat(view.getBoolean("pendingAcceptance")).isTrue();
        assertThat(view.getMap("running")).isEqualTo(Map.of("toxicity", next));
        assertThat(view.getMap("accepted")).isEqualTo(Map.of("toxicity", FIRST));
        assertThat(view.getList("changed")).containsExactly("toxicity");
        assertThat(view.getString("rescoring.jobId")).isEqualTo(job.toString());
        assertThat(view.getString("rescoring.state")).isEqualTo("running");

        // Stale versions: 409, nothing stored, nothing audited, and comments are still held.
        accept(site, site.admin(), Map.of("toxicity", FIRST))
                .statusCode(409)
                .contentType(startsWith("application/problem+json"))
                .body("code", equalTo("versions_changed"));
        accept(site, site.admin(), Map.of("toxicity", next, "spam", "other@1"))
                .statusCode(409)
                .body("code", equalTo("versions_changed"));
        assertThat(models(site).getMap("accepted")).isEqualTo(Map.of("toxicity", FIRST));
        assertThat(acceptedEntries(site)).isEmpty();
        assertThat(comment(site, site.comment("dan", "Calm again")).getString("status"))
                .isEqualTo("PENDING");

        // Accepting the running versions: audited, and the next comments get their automatic verdicts again.
        JsonPath accepted = accept(site, site.admin(), Map.of("toxicity", next))
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(accepted.getBoolean("pendingAcceptance")).isFalse();
        assertThat(accepted.getMap("accepted")).isEqualTo(Map.of("toxicity", next));
        assertThat(accepted.getString("acceptedBy")).startsWith("key:");
        List<Map<String, Object>> entries = acceptedEntries(site);
        assertThat(entries).hasSize(1);
        assertThat(entries.get(0).get("actor")).isEqualTo(accepted.getString("acceptedBy"));
        assertThat(entries.get(0).get("before")).isEqualTo(Map.of("models", Map.of("toxicity", FIRST)));
        assertThat(entries.get(0).get("after")).isEqualTo(Map.of("models", Map.of("toxicity", next)));
        assertThat(comment(site, site.comment("eve", HARSH)).getString("status"))
                .isEqualTo("REJECTED");
        assertThat(comment(site, site.comment("fay", "Calm at last")).getString("status"))
                .isEqualTo("PUBLISHED");
        // Accepting what is accepted changes nothing and audits nothing.
        accept(site, site.admin(), Map.of("toxicity", next)).statusCode(200);
        assertThat(acceptedEntries(site)).hasSize(1);

        // The other site accepted nothing: its comments are still held.
        JsonPath elsewhere = comment(other, other.comment("gus", "Calm words"));
        assertThat(elsewhere.getString("status")).isEqualTo("PENDING");
        assertThat(elsewhere.getList("reasons")).containsExactly(ModelAcceptance.IN_SHADOW);
        assertThat(models(other).getBoolean("pendingAcceptance")).isTrue();
        assertThat(acceptedEntries(other)).isEmpty();
    }

    @Test
    void onlyTheSitesAdminSeesOrAcceptsItsVersionsAndBadBodiesStoreNothing() {
        shadowOn();
        Moderation.TestSite site = Moderation.newSite();
        Moderation.TestSite other = Moderation.newSite();
        startWithNewVersions();
        Map<String, String> running = Map.of("toxicity", next);
        for (String key : List.of(site.ingest(), site.moderator())) {
            as(key).get("/api/v1/sites/" + site.id() + "/models").then().statusCode(403);
            accept(site, key, running).statusCode(403);
        }
        as(other.admin()).get("/api/v1/sites/" + site.id() + "/models").then().statusCode(404);
        accept(site, other.admin(), running).statusCode(404);
        for (String body :
                List.of("{}", "{\"versions\": {}}", "{\"versions\": null}", "null", "[]", "{\"versions\": 3}")) {
            as(site.admin())
                    .body(body)
                    .post("/api/v1/sites/" + site.id() + "/models/accept")
                    .then()
                    .statusCode(400)
                    .contentType(startsWith("application/problem+json"));
        }
        JsonPath view = models(site);
        assertThat(view.getMap("accepted")).isEqualTo(Map.of("toxicity", FIRST));
        assertThat(view.getBoolean("pendingAcceptance")).isTrue();
        assertThat(acceptedEntries(site)).isEmpty();
    }

    @Test
    void commentsHeldInShadowAndApprovedByModeratorsRaiseNoIdentityTermAlert() {
        shadowOn();
        Moderation.TestSite site = Moderation.newSite();
        startWithNewVersions();
        // Held because of the versions, not the term: approving them overturns no automatic flag.
        for (int i = 0; i < 6; i++) {
            String id = site.comment("m" + i, "My Muslim neighbours " + i);
            as(site.ingest())
                    .body(Map.of("action", "approve", "reason", "acceptable", "moderator", "wp:editor"))
                    .post("/api/v1/comments/" + id + "/moderation")
                    .then()
                    .statusCode(200);
        }
        assertThat(monitor.notifyAlerts(UUID.fromString(site.id()))).isEmpty();
        JsonPath report = as(site.moderator())
                .get("/api/v1/stats/learning/identity-terms?weeks=1")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(report.getList("weeks[0].terms.term")).doesNotContain("muslim");
        assertThat(report.getList("alerts")).isEmpty();
    }
}
