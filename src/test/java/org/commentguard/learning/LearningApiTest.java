package org.commentguard.learning;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.commentguard.comment.Moderation;
import org.commentguard.comment.MutableTestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.commentguard.testing.Api.as;
import static org.hamcrest.Matchers.equalTo;

/**
 * Learning from moderators through the API: decisions as labelled examples and their export, the site verdict
 * model and its isolation, threshold advice, the blind quality sample and the identity-term monitor. The test
 * profile lowers the fit bar to 40 decisions with 10 of each outcome.
 */
@QuarkusTest
class LearningApiTest {

    @Inject
    MutableTestClock clock;

    @Inject
    IdentityMonitor monitor;

    @Inject
    ModelRescoring rescoring;

    @Inject
    SiteVerdicts verdicts;

    private List<UUID> sitesToRefit() {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(verdicts::sitesToRefit);
    }

    @BeforeEach
    void scorer() {
        Moderation.useMarkerScorer();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    private static String itemOf(Moderation.TestSite site, String commentId) {
        return as(site.moderator())
                .get("/api/v1/queue?status=open&limit=100")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getString("items.find { it.comment.id == '" + commentId + "' }.id");
    }

    private static void decide(Moderation.TestSite site, String commentId, String action, String reason) {
        as(site.moderator())
                .body(Map.of("action", action, "reason", reason))
                .post("/api/v1/queue/" + itemOf(site, commentId) + "/decision")
                .then()
                .statusCode(200);
    }

    private static void decideOnSite(Moderation.TestSite site, String commentId, String action, String reason) {
        as(site.ingest())
                .body(Map.of("action", action, "reason", reason, "moderator", "wp:editor"))
                .post("/api/v1/comments/" + commentId + "/moderation")
                .then()
                .statusCode(200);
    }

    private static ExtractableResponse<Response> export(Moderation.TestSite site, String query) {
        return as(site.admin())
                .accept("application/x-ndjson")
                .get("/api/v1/sites/" + site.id() + "/decisions/export" + query)
                .then()
                .statusCode(200)
                .extract();
    }

    private static List<Map<String, Object>> lines(ExtractableResponse<Response> r) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (String line : r.asString().split("\n")) {
            if (!line.isBlank()) {
                out.add(JsonPath.from(line).getMap(""));
            }
        }
        return out;
    }

    private static void settings(Moderation.TestSite site, Map<String, Object> overrides) {
        as(site.admin())
                .body(overrides)
                .put("/api/v1/sites/" + site.id() + "/learning")
                .then()
                .statusCode(200);
    }

    /** Swearing is approved and insults rejected on {@code tolerant}; the other way round on {@code strict}. */
    private static void trainStandard(Moderation.TestSite site, boolean rejectInsults, int each) {
        for (int i = 0; i < each; i++) {
            decidePair(site, rejectInsults, "s" + i);
        }
    }

    /** One swearing and one insulting comment, decided to the site's standard; returns their comment ids. */
    private static List<UUID> decidePair(Moderation.TestSite site, boolean rejectInsults, String tag) {
        String profane = site.comment("p" + tag, "Swearing " + tag + " {profanity=0.97}");
        String insult = site.comment("i" + tag, "Insult " + tag + " {insult=0.8}");
        decide(site, profane, rejectInsults ? "approve" : "reject", rejectInsults ? "acceptable" : "profanity");
        decide(site, insult, rejectInsults ? "reject" : "approve", rejectInsults ? "insult" : "acceptable");
        return List.of(UUID.fromString(profane), UUID.fromString(insult));
    }

    /** How many pairs were decided, and how many of the swearing and of the insulting comments were held out. */
    private record Trained(int pairs, int swearingHeldOut, int insultsHeldOut) {}

    /**
     * Decides at least {@code atLeast} pairs, and more until the held-out fifth (a hash of each comment id) holds at
     * least {@code eachKindHeldOut} swearing and as many insulting comments, so that the held-out figures measure both
     * kinds in every run instead of whichever handful of comments the ids put there.
     */
    private static Trained trainWithBothKindsHeldOut(
            Moderation.TestSite site, boolean rejectInsults, int atLeast, int eachKindHeldOut) {
        int pairs = 0;
        int swearing = 0;
        int insults = 0;
        while (pairs < atLeast || swearing < eachKindHeldOut || insults < eachKindHeldOut) {
            assertThat(pairs).as("pairs decided to hold out both kinds").isLessThan(200);
            List<UUID> pair = decidePair(site, rejectInsults, "h" + pairs);
            swearing += SiteVerdictTraining.heldOut(pair.get(0)) ? 1 : 0;
            insults += SiteVerdictTraining.heldOut(pair.get(1)) ? 1 : 0;
            pairs++;
        }
        return new Trained(pairs, swearing, insults);
    }

    // ---- decisions as data -------------------------------------------------------------------------------------

    @Test
    void everyDecisionIsALabelThatALaterDecisionReplacesAndAnUndoRemoves() {
        Moderation.TestSite site = Moderation.newSite();
        String queued = site.comment("u1", "Rude words {insult=0.8}");
        decide(site, queued, "approve", "context_ok");
        List<Map<String, Object>> first = lines(export(site, ""));
        assertThat(first).hasSize(1);
        assertThat(first.get(0))
                .containsEntry("commentId", queued)
                .containsEntry("label", "approve")
                .containsEntry("reason", "context_ok")
                .containsEntry("source", "queue")
                .containsEntry("autoStatus", "PENDING")
                .containsEntry("textWithheld", false);
        assertThat((String) first.get(0).get("moderator")).startsWith("key:moderator-");
        assertThat(((Map<?, ?>) first.get(0).get("scores")).get("insult")).isEqualTo(0.8f);
        assertThat(((Map<?, ?>) first.get(0).get("models")).get("toxicity")).isEqualTo("marker@test");

        decideOnSite(site, queued, "reject", "insult");
        List<Map<String, Object>> replaced = lines(export(site, ""));
        assertThat(replaced).hasSize(1);
        assertThat(replaced.get(0)).containsEntry("label", "reject").containsEntry("source", "site");
        assertThat((String) replaced.get(0).get("moderator")).startsWith("site:wp:editor via key:ingest-");

        String undone = site.comment("u2", "More rude words {insult=0.8}");
        String item = itemOf(site, undone);
        as(site.moderator())
                .body(Map.of("action", "reject", "reason", "insult"))
                .post("/api/v1/queue/" + item + "/decision")
                .then()
                .statusCode(200);
        assertThat(lines(export(site, ""))).extracting(l -> l.get("commentId")).contains(undone);
        as(site.moderator()).post("/api/v1/queue/" + item + "/undo").then().statusCode(200);
        assertThat(lines(export(site, ""))).extracting(l -> l.get("commentId")).containsExactly(queued);
    }

    @Test
    void theExportPagesWithACursorAndWithholdsTextPastTheSitesRetention() {
        Moderation.TestSite site = Moderation.newSite();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String id = site.comment("u" + i, "Comment " + i + " {insult=0.8}");
            decide(site, id, "reject", "insult");
            ids.add(id);
        }
        ExtractableResponse<Response> page1 = export(site, "?limit=2");
        assertThat(lines(page1)).extracting(l -> l.get("commentId")).containsExactly(ids.get(0), ids.get(1));
        String cursor = page1.header("X-Next-Cursor");
        assertThat(cursor).isNotBlank();
        ExtractableResponse<Response> page2 = export(site, "?limit=2&cursor=" + cursor);
        assertThat(lines(page2)).extracting(l -> l.get("commentId")).containsExactly(ids.get(2));
        assertThat(page2.header("X-Next-Cursor")).isNull();
        assertThat(lines(page2).get(0).get("text")).isEqualTo("Comment 2 {insult=0.8}");

        settings(site, Map.of("exportTextDays", 1));
        clock.advance(Duration.ofDays(2));
        Map<String, Object> old = lines(export(site, "")).get(0);
        assertThat(old).containsEntry("textWithheld", true);
        assertThat(old.get("text")).isNull();

        as(site.admin())
                .get("/api/v1/sites/" + site.id() + "/decisions/export?cursor=nonsense")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("validation_failed"));
        Moderation.TestSite other = Moderation.newSite();
        as(other.admin())
                .get("/api/v1/sites/" + site.id() + "/decisions/export")
                .then()
                .statusCode(404);
        as(site.moderator())
                .get("/api/v1/sites/" + site.id() + "/decisions/export")
                .then()
                .statusCode(403);
    }

    // ---- site verdict model ------------------------------------------------------------------------------------

    @Test
    void aSiteModelNeedsTheBarAndLearnsOnlyFromItsOwnSitesDecisions() {
        Moderation.TestSite tolerant = Moderation.newSite();
        Moderation.TestSite strict = Moderation.newSite();
        trainStandard(tolerant, true, 4);
        as(tolerant.admin())
                .post("/api/v1/sites/" + tolerant.id() + "/site-model/fit")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("code", equalTo("not_enough_decisions"));
        Trained tolerantTrained = trainWithBothKindsHeldOut(tolerant, true, 18, 2);
        int tolerantExamples = 2 * (4 + tolerantTrained.pairs());
        trainStandard(strict, false, 22);

        // The scheduled fit would take both sites now: each has the bar and no model yet.
        assertThat(sitesToRefit()).contains(UUID.fromString(tolerant.id()), UUID.fromString(strict.id()));
        JsonPath fitted = as(tolerant.admin())
                .post("/api/v1/sites/" + tolerant.id() + "/site-model/fit")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
        assertThat(fitted.getInt("version")).isEqualTo(1);
        assertThat(fitted.getString("model")).isEqualTo("site-verdict@" + tolerant.id() + "-1");
        assertThat(fitted.getInt("examples")).isEqualTo(tolerantExamples);
        assertThat(fitted.getBoolean("enabled")).isFalse();
        assertThat(fitted.getDouble("heldOut.agreement")).isGreaterThan(0.9);
        // The global policy flags both kinds, and this site rejects only the insults: on the held-out comments the
        // policy agrees exactly on the insults (the first 4 pairs' held-out comments counted in too), the site model
        // on nearly all of them.
        int heldOut = fitted.getInt("heldOut.heldOut");
        int insultsHeldOut = fitted.getInt("heldOut.heldOutRejected");
        assertThat(insultsHeldOut).isGreaterThanOrEqualTo(tolerantTrained.insultsHeldOut());
        assertThat(heldOut - insultsHeldOut).isGreaterThanOrEqualTo(tolerantTrained.swearingHeldOut());
        assertThat(fitted.getDouble("heldOut.policyAgreement"))
                .isCloseTo((double) insultsHeldOut / heldOut, within(1e-6))
                .isLessThan(fitted.getDouble("heldOut.agreement"));
        as(strict.admin())
                .post("/api/v1/sites/" + strict.id() + "/site-model/fit")
                .then()
                .statusCode(201);
        // Fitted, and fewer than refit-after (50) decisions since: the schedule leaves them alone.
        assertThat(sitesToRefit()).doesNotContain(UUID.fromString(tolerant.id()), UUID.fromString(strict.id()));
        JsonPath audit = as(tolerant.moderator())
                .queryParam("actor", fitted.getString("createdBy"))
                .get("/api/v1/audit")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(audit.getList("items.action")).contains("site_model.fitted");
        assertThat(audit.getString("items.find { it.action == 'site_model.fitted' }.after.model"))
                .isEqualTo("site-verdict@" + tolerant.id() + "-1");

        // More decisions on the strict site leave the tolerant site's next fit exactly as it was.
        trainStandard(strict, false, 10);
        JsonPath refit = as(tolerant.admin())
                .post("/api/v1/sites/" + tolerant.id() + "/site-model/fit")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
        assertThat(refit.getInt("version")).isEqualTo(2);
        assertThat(refit.getMap("heldOut")).isEqualTo(fitted.getMap("heldOut"));
        assertThat(refit.getInt("examples")).isEqualTo(tolerantExamples);

        as(tolerant.admin())
                .body(Map.of("enabledModelVersion", 7))
                .put("/api/v1/sites/" + tolerant.id() + "/learning")
                .then()
                .statusCode(400)
                .body("code", equalTo("validation_failed"));
        settings(tolerant, Map.of("enabledModelVersion", 1));
        settings(strict, Map.of("enabledModelVersion", 1));
        as(tolerant.admin())
                .get("/api/v1/sites/" + tolerant.id() + "/site-model")
                .then()
                .statusCode(200)
                .body("enabledVersion", equalTo(1))
                .body("versions[1].enabled", equalTo(true))
                .body("bar.reached", equalTo(true));

        // The same swearing comment: the tolerant site's model lets it be, the strict site's model queues it.
        String onTolerant = tolerant.comment("n1", "New swearing {profanity=0.4}");
        String onStrict = strict.comment("n1", "New swearing {profanity=0.4}");
        JsonPath a = as(tolerant.ingest())
                .get("/api/v1/comments/" + onTolerant)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        JsonPath b = as(strict.ingest())
                .get("/api/v1/comments/" + onStrict)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(a.getDouble("scores.site_reject")).isLessThan(0.3);
        assertThat(b.getDouble("scores.site_reject")).isGreaterThan(0.7);
        assertThat(a.getString("models.site_reject")).isEqualTo("site-verdict@" + tolerant.id() + "-1");
        assertThat(b.getString("models.site_reject")).isEqualTo("site-verdict@" + strict.id() + "-1");
        assertThat(a.getString("status")).isEqualTo("PUBLISHED");
        // Review only by default: the strict site's model queues, it does not reject.
        assertThat(b.getString("status")).isEqualTo("PENDING");
        assertThat(b.getList("reasons", String.class)).contains("site_reject.review");
    }

    // ---- threshold advice --------------------------------------------------------------------------------------

    @Test
    void adviceShowsWhatEachThresholdWouldHaveDoneAndRecommendsTheChangeModeratorsAskFor() {
        Moderation.TestSite site = Moderation.newSite();
        // Published comments get labels two ways: the site rejects some, and the blind sample approves others.
        settings(site, Map.of("sampleShare", 1.0, "sampleDailyCap", 100));
        List<String> kind = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            decideOnSite(site, site.comment("b" + i, "Mean " + i + " {toxicity=0.5}"), "reject", "toxicity");
            kind.add(site.comment("g" + i, "Kind " + i + " {toxicity=0.2}"));
        }
        JsonPath samples = as(site.moderator())
                .get("/api/v1/samples?limit=100")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        for (String id : kind) {
            as(site.moderator())
                    .body(Map.of("action", "approve"))
                    .post("/api/v1/samples/" + samples.getString("items.find { it.commentId == '" + id + "' }.id")
                            + "/decision")
                    .then()
                    .statusCode(200);
        }
        // Older than the window: not counted.
        clock.advance(Duration.ofDays(40));
        JsonPath advice = as(site.admin())
                .get("/api/v1/sites/" + site.id() + "/policy/advice?days=30&attribute=" + "toxicity")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(advice.getInt("comments")).isZero();
        assertThat(advice.getMap("recommendation")).isNull();
        clock.reset();

        advice = as(site.admin())
                .get("/api/v1/sites/" + site.id() + "/policy/advice?days=30")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(advice.getInt("comments")).isEqualTo(24);
        assertThat(advice.getInt("labelled")).isEqualTo(24);
        Map<String, Object> current = advice.getMap(
                "attributes.find { it.attribute == 'toxicity' }.review" + ".find { it.threshold == 0.7f }");
        assertThat(current)
                .containsEntry("published", 24)
                .containsEntry("publishedButRejected", 12)
                .containsEntry("queued", 0)
                .containsEntry("recall", 0.0f);
        Map<String, Object> lower = advice.getMap(
                "attributes.find { it.attribute == 'toxicity' }.review" + ".find { it.threshold == 0.45f }");
        assertThat(lower)
                .containsEntry("published", 12)
                .containsEntry("queued", 12)
                .containsEntry("queuedRejected", 12)
                .containsEntry("precision", 1.0f)
                .containsEntry("recall", 1.0f);
        assertThat(advice.getString("recommendation.attribute")).isEqualTo("toxicity");
        assertThat(advice.getString("recommendation.step")).isEqualTo("review");
        assertThat(advice.getDouble("recommendation.from")).isEqualTo(0.7);
        assertThat(advice.getDouble("recommendation.to")).isGreaterThan(0.2).isLessThanOrEqualTo(0.5);
        assertThat(advice.getInt("recommendation.current.publishedButRejected")).isEqualTo(12);
        assertThat(advice.getInt("recommendation.proposed.publishedButRejected"))
                .isZero();

        as(site.admin())
                .get("/api/v1/sites/" + site.id() + "/policy/advice?days=0")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("validation_failed"));
        as(site.admin())
                .get("/api/v1/sites/" + site.id() + "/policy/advice?attribute=bogus")
                .then()
                .statusCode(400)
                .body("code", equalTo("validation_failed"));
        as(Moderation.newSite().admin())
                .get("/api/v1/sites/" + site.id() + "/policy/advice")
                .then()
                .statusCode(404);
    }

    // ---- blind quality sample ----------------------------------------------------------------------------------

    @Test
    void theBlindSampleHidesScoresKeepsStatusUnlessAskedAndIsCappedPerDay() {
        Moderation.TestSite site = Moderation.newSite();
        settings(site, Map.of("sampleShare", 1.0, "sampleDailyCap", 3));
        List<String> published = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            published.add(site.comment("u" + i, "Fine words " + i));
        }
        site.comment("q", "Queued words {insult=0.8}");
        String rejected = site.comment("r", "Awful words {insult=0.99}");
        JsonPath page = as(site.moderator())
                .get("/api/v1/samples")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        // The cap was reached by the three published comments; the queued one is never sampled.
        assertThat(page.getList("items.commentId")).containsExactlyElementsOf(published);
        Map<String, Object> first = page.getMap("items[0]");
        assertThat(first)
                .doesNotContainKeys("scores", "reasons", "status", "autoStatus", "spans", "models")
                .containsEntry("text", "Fine words 0")
                .containsEntry("articleTitle", "Council approves new tram line");

        String a = page.getString("items[0].id");
        String b = page.getString("items[1].id");
        as(site.moderator())
                .body(Map.of("action", "reject", "reason", "spam"))
                .post("/api/v1/samples/" + a + "/decision")
                .then()
                .statusCode(200)
                .body("decision", equalTo("reject"))
                .body("applied", equalTo(false));
        as(site.ingest()).get("/api/v1/comments/" + published.get(0)).then().body("status", equalTo("PUBLISHED"));
        as(site.moderator())
                .body(Map.of("action", "reject", "reason", "spam", "applyToComment", true))
                .post("/api/v1/samples/" + b + "/decision")
                .then()
                .statusCode(200)
                .body("applied", equalTo(true));
        as(site.ingest()).get("/api/v1/comments/" + published.get(1)).then().body("status", equalTo("REJECTED"));
        as(site.moderator())
                .body(Map.of("action", "approve"))
                .post("/api/v1/samples/" + b + "/decision")
                .then()
                .statusCode(409)
                .body("code", equalTo("already_decided"));
        as(site.moderator())
                .body(Map.of("action", "maybe"))
                .post("/api/v1/samples/" + page.getString("items[2].id") + "/decision")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("validation_failed"));
        as(site.moderator())
                .body(Map.of("action", "approve"))
                .post("/api/v1/samples/" + page.getString("items[2].id") + "/decision")
                .then()
                .statusCode(200);
        Moderation.TestSite other = Moderation.newSite();
        as(other.moderator()).get("/api/v1/samples/" + a).then().statusCode(404);
        as(other.moderator()).get("/api/v1/samples").then().statusCode(200).body("items.size()", equalTo(0));

        JsonPath quality = as(site.moderator())
                .get("/api/v1/stats/learning/samples?weeks=1")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(quality.getInt("weeks[0].autoPublished")).isEqualTo(3);
        assertThat(quality.getInt("weeks[0].autoRejected")).isEqualTo(1);
        assertThat(quality.getInt("weeks[0].publishAgreement.trials")).isEqualTo(3);
        assertThat(quality.getDouble("weeks[0].publishAgreement.estimate"))
                .isEqualTo(1.0 / 3, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(quality.getDouble("weeks[0].publishAgreement.low")).isBetween(0.0, 1.0 / 3);
        assertThat(quality.getDouble("weeks[0].publishAgreement.high")).isBetween(1.0 / 3, 1.0);
        assertThat(quality.getString("weeks[0].rejectPrecision.estimate")).isNull();
        as(site.moderator())
                .get("/api/v1/stats/learning/samples?weeks=0")
                .then()
                .statusCode(400)
                .body("code", equalTo("validation_failed"));

        // The next UTC day the cap starts again: the rejected comment of tomorrow is drawn.
        clock.advance(Duration.ofDays(1));
        String tomorrow = site.comment("t", "Awful again {insult=0.99}");
        assertThat(as(site.moderator())
                        .get("/api/v1/samples")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("items.commentId"))
                .containsExactly(tomorrow)
                .doesNotContain(rejected);
    }

    // ---- identity-term monitor ---------------------------------------------------------------------------------

    @Test
    void anIdentityTermWhoseFlagsModeratorsOverturnRaisesOneAlertPerWeek() {
        Moderation.TestSite site = Moderation.newSite();
        Map<String, Object> hook = new HashMap<>();
        hook.put("url", "http://receiver.invalid/identity");
        hook.put("eventTypes", List.of("monitor.identity_alert"));
        String endpoint = as(site.admin())
                .body(hook)
                .post("/api/v1/webhooks")
                .then()
                .statusCode(201)
                .extract()
                .path("endpoint.id");
        for (int i = 0; i < 6; i++) {
            String id = site.comment("m" + i, "My Muslim neighbours " + i + " {identity_attack=0.6}");
            decide(site, id, i == 0 ? "reject" : "approve", i == 0 ? "identity_attack" : "false_positive");
        }
        site.comment("c", "A Christian choir sang.");
        assertThat(monitor.notifyAlerts(UUID.fromString(site.id())))
                .extracting(IdentityMonitor.Alert::term)
                .containsExactly("muslim");
        assertThat(monitor.notifyAlerts(UUID.fromString(site.id()))).isEmpty();
        List<Map<String, Object>> deliveries = as(site.admin())
                .get("/api/v1/webhooks/" + endpoint + "/deliveries")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("");
        assertThat(deliveries).extracting(d -> d.get("eventType")).containsExactly("monitor.identity_alert");

        JsonPath report = as(site.moderator())
                .get("/api/v1/stats/learning/identity-terms?weeks=1")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        Map<String, Object> muslim = report.getMap("weeks[0].terms.find { it.term == 'muslim' }");
        assertThat(muslim)
                .containsEntry("mentions", 6)
                .containsEntry("flagged", 6)
                .containsEntry("decidedFlagged", 6)
                .containsEntry("overturned", 5)
                .containsEntry("alert", true);
        Map<String, Object> christian = report.getMap("weeks[0].terms.find { it.term == 'christian' }");
        assertThat(christian)
                .containsEntry("mentions", 1)
                .containsEntry("flagged", 0)
                .containsEntry("alert", false);
        assertThat(report.getList("alerts.term")).containsExactly("muslim");

        // A stricter limit of the site's own does not alert at 5 of 6 overturned when the limit is above that.
        settings(site, Map.of("identityOverturnLimit", 0.9));
        assertThat(as(site.moderator())
                        .get("/api/v1/stats/learning/identity-terms?weeks=1")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("alerts"))
                .isEmpty();
        // Two weeks on, the window no longer holds those comments.
        settings(site, Map.of());
        clock.advance(Duration.ofDays(14));
        assertThat(as(site.moderator())
                        .get("/api/v1/stats/learning/identity-terms?weeks=1")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("weeks[0].terms"))
                .isEmpty();
    }

    // ---- re-scoring on a model change --------------------------------------------------------------------------

    @Test
    void aStartWithNewModelVersionsRescoresTheSitesRecentCommentsAndReportsTheFlips() {
        Moderation.TestSite site = Moderation.newSite();
        for (int i = 0; i < 3; i++) {
            site.comment("u" + i, "Harsh " + i + " {toxicity=0.8}");
        }
        String calm = site.comment("c", "Calm words");
        // What the new versions would conclude is simulated by the site's policy moving under the stored verdicts.
        site.setPolicy(Map.of("thresholds", Map.of("toxicity", Map.of("review", 0.9, "reject", 0.95))));

        assertThat(rescoring.noticeModels(Map.of("toxicity", "marker@test-2"))).isNotEmpty();
        assertThat(rescoring.noticeModels(Map.of("toxicity", "marker@test-2"))).isEmpty();
        JsonPath running = as(site.admin())
                .get("/api/v1/sites/" + site.id() + "/rescoring")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(running.getString("[0].state")).isEqualTo("running");
        assertThat(running.getString("[0].modelsAfter.toxicity")).isEqualTo("marker@test-2");
        // Batches of two (test profile): each step resumes from the position the previous one stored.
        int steps = 0;
        while (rescoring.step() && steps < 10_000) {
            steps++;
        }
        JsonPath done = as(site.admin())
                .get("/api/v1/sites/" + site.id() + "/rescoring")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(done.getString("[0].state")).isEqualTo("done");
        assertThat(done.getInt("[0].report.evaluated")).isEqualTo(4);
        assertThat(done.getInt("[0].report.changed")).isEqualTo(3);
        assertThat(done.getInt("[0].report.before.PENDING")).isEqualTo(3);
        assertThat(done.getInt("[0].report.after.PUBLISHED")).isEqualTo(4);
        assertThat(done.getList("[0].report.changes.after")).containsOnly("PUBLISHED");
        assertThat(done.getList("[0].report.changes.commentId")).doesNotContain(calm);
        // Nothing stored changed: the report is advice, not a new verdict.
        as(site.ingest()).get("/api/v1/comments/" + calm).then().body("status", equalTo("PUBLISHED"));
        as(Moderation.newSite().admin())
                .get("/api/v1/sites/" + site.id() + "/rescoring")
                .then()
                .statusCode(404);
    }
}
