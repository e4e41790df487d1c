package org.commentguard.integration.coral;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.commentguard.comment.Moderation;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.commentguard.testing.Api.ADMIN_KEY;
import static org.commentguard.testing.Api.as;
import static org.hamcrest.Matchers.equalTo;

/**
 * Coral's External Moderation Phase end to end: requests built and signed exactly as Coral builds them, answers
 * checked against Coral's Joi schema ({@link CoralPhaseClient#validate}), and the comment followed into
 * Commentguard's comments, queue and audit log. Scores come from marker text ({@code {toxicity=0.9}}) so that each
 * mapping is exact; {@code realScorersModerateLongNewsComments} runs the real models.
 */
@QuarkusTest
class CoralModerationTest {

    static final String SECRET = "ems_" + "5f3a9c0e1b2d4f6a8c0e2b4d6f8a0c1e3b5d7f9a1c3e5b7d9f0a2c4e6b8d0f1a";
    static final String OLD_SECRET = "ems_" + "0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9";

    @TestHTTPResource("/")
    URI base;

    @Inject
    DataSource db;

    /** A site wired to a Coral tenant: keys, a registered article at {@code storyUrl}, the phase configured. */
    record Wired(Moderation.TestSite site, String tenant, String coralSite, String storyUrl) {
        Map<String, Object> request(String body) {
            return CoralPhaseClient.request("NEW", body, null, "coral-user-1", "story-1", storyUrl, coralSite, tenant);
        }
    }

    Wired wire() {
        Moderation.TestSite site = Moderation.newSite();
        String storyUrl = "https://news.example/2026/tram-" + UUID.randomUUID();
        as(site.ingest())
                .body(Map.of(
                        "title",
                        "Council approves new tram line",
                        "url",
                        storyUrl,
                        "body",
                        "The city council approved the tram line after a long debate about costs."))
                .put("/api/v1/articles/tram-registered")
                .then()
                .statusCode(201);
        String tenant = "tenant-" + UUID.randomUUID();
        String coralSite = "coral-site-" + UUID.randomUUID();
        configure(site, Map.of("tenantId", tenant, "secrets", List.of(Map.of("secret", SECRET))))
                .then()
                .statusCode(200);
        return new Wired(site, tenant, coralSite, storyUrl);
    }

    static io.restassured.response.Response configure(Moderation.TestSite site, Map<String, Object> body) {
        return as(site.admin()).body(body).put("/api/v1/sites/" + site.id() + "/integrations/coral");
    }

    CoralPhaseClient coral() {
        return new CoralPhaseClient(base);
    }

    @Test
    void aCivilCommentGetsNoObjectionAndIsStoredPublishedUnderTheRegisteredArticle() throws Exception {
        Moderation.useMarkerScorer();
        Wired w = wire();
        CoralPhaseClient.Answer answer = coral().send(w.request("Trams beat buses {toxicity=0.05}"), List.of(SECRET));
        assertThat(answer.status()).isEqualTo(204);
        assertThat(CoralPhaseClient.validate(answer)).isEmpty();
        JsonPath comments = as(w.site().moderator())
                .get("/api/v1/comments?article=tram-registered")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(comments.getList("items")).hasSize(1);
        assertThat(comments.getString("items[0].status")).isEqualTo("PUBLISHED");
        assertThat(comments.getString("items[0].authorId")).isEqualTo("coral-user-1");
        assertThat(comments.getString("items[0].externalId")).startsWith("coral:");
        String id = comments.getString("items[0].id");
        as(w.site().moderator())
                .get("/api/v1/audit?commentId=" + id)
                .then()
                .statusCode(200)
                .body("items[0].action", equalTo("comment.verdict"));
    }

    @Test
    void aHeldCommentIsSystemWithheldWithAToxicFlagAndWaitsInTheQueue() throws Exception {
        Moderation.useMarkerScorer();
        Wired w = wire();
        CoralPhaseClient.Answer answer = coral().send(w.request("You fool {toxicity=0.8}"), List.of(SECRET));
        Map<String, Object> body = CoralPhaseClient.validate(answer).orElseThrow();
        assertThat(answer.contentType()).startsWith("application/json");
        assertThat(body)
                .isEqualTo(Map.of(
                        "status",
                        "SYSTEM_WITHHELD",
                        "actions",
                        List.of(Map.of("actionType", "FLAG", "reason", "COMMENT_DETECTED_TOXIC"))));
        JsonPath queue = as(w.site().moderator())
                .get("/api/v1/queue")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(queue.getList("items")).hasSize(1);
        assertThat(queue.getList("items[0].comment.reasons", String.class)).contains("toxicity.review");
    }

    @Test
    void rejectionsPreModerationAndSpamMapToCoralsStatusesAndReasons() throws Exception {
        Moderation.useMarkerScorer();
        Wired w = wire();
        assertThat(CoralPhaseClient.validate(
                        coral().send(w.request("Die {toxicity=0.99} {spam=0.99}"), List.of(SECRET))))
                .contains(Map.of(
                        "status",
                        "REJECTED",
                        "actions",
                        List.of(
                                Map.of("actionType", "FLAG", "reason", "COMMENT_DETECTED_TOXIC"),
                                Map.of("actionType", "FLAG", "reason", "COMMENT_DETECTED_SPAM"))));
        assertThat(CoralPhaseClient.validate(coral().send(w.request("Cheap watches {spam=0.8}"), List.of(SECRET))))
                .contains(Map.of(
                        "status",
                        "SYSTEM_WITHHELD",
                        "actions",
                        List.of(Map.of("actionType", "FLAG", "reason", "COMMENT_DETECTED_SPAM"))));
        w.site().setPolicy(Map.of("blockTerms", List.of("grifter")));
        assertThat(CoralPhaseClient.validate(coral().send(w.request("The mayor is a grifter"), List.of(SECRET))))
                .contains(Map.of("status", "REJECTED"));
        w.site().setPolicy(Map.of("mode", "PRE_MODERATE_ALL"));
        assertThat(CoralPhaseClient.validate(
                        coral().send(w.request("A calm remark about timetables"), List.of(SECRET))))
                .contains(Map.of("status", "PREMOD"));
    }

    @Test
    void aRetriedRequestAnswersTheStoredVerdictAndStoresNothingNew() throws Exception {
        Moderation.useMarkerScorer();
        Wired w = wire();
        Map<String, Object> request = w.request("You fool {toxicity=0.8}");
        CoralPhaseClient.Answer first = coral().send(request, List.of(SECRET));
        Map<String, Long> after = rows(w.site().id());
        CoralPhaseClient.Answer again = coral().send(request, List.of(SECRET));
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(rows(w.site().id())).isEqualTo(after);
        // The same text by another author, or as an edit, is another comment.
        Map<String, Object> edit = w.request("You fool {toxicity=0.8}");
        edit.put("action", "EDIT");
        coral().send(edit, List.of(SECRET));
        assertThat(rows(w.site().id()).get("comment")).isEqualTo(after.get("comment") + 1);
    }

    @Test
    void aStoryNobodyRegisteredGetsATextlessPlaceholderArticleAndIsScoredWithoutOne() throws Exception {
        Moderation.useMarkerScorer();
        Wired w = wire();
        Map<String, Object> request = CoralPhaseClient.request(
                "NEW",
                "<p>Nice piece {toxicity=0.05}</p>",
                null,
                "coral-user-2",
                "story-unregistered",
                "https://news.example/never-registered",
                w.coralSite(),
                w.tenant());
        assertThat(coral().send(request, List.of(SECRET)).status()).isEqualTo(204);
        assertThat(org.commentguard.comment.MarkerScorer.LAST.get().article())
                .hasValueSatisfying(a -> assertThat(a.title() + a.body()).isEmpty());
        assertThat(org.commentguard.comment.MarkerScorer.LAST.get().text()).isEqualTo("Nice piece {toxicity=0.05}");
        as(w.site().ingest())
                .get("/api/v1/articles/coral-story:story-unregistered")
                .then()
                .statusCode(200)
                .body("url", equalTo("https://news.example/never-registered"));
        as(w.site().ingest())
                .get("/api/v1/comments?article=coral-story:story-unregistered")
                .then()
                .statusCode(200)
                .body("items.size()", equalTo(1));
    }

    @Test
    void htmlBodiesAreScoredAsTextWithLinkAddressesKept() throws Exception {
        Moderation.useMarkerScorer();
        Wired w = wire();
        coral().send(
                        w.request("<p>Deals <a href=\"http://pills.example/buy\">here</a></p><p>{spam=0.1}</p>"),
                        List.of(SECRET));
        assertThat(org.commentguard.comment.MarkerScorer.LAST.get().text())
                .isEqualTo("Deals here (http://pills.example/buy)\n{spam=0.1}");
        configure(
                        w.site(),
                        Map.of(
                                "tenantId",
                                w.tenant(),
                                "bodyFormat",
                                "PLAIN_TEXT",
                                "secrets",
                                List.of(Map.of("secret", SECRET))))
                .then()
                .statusCode(200);
        coral().send(w.request("I <3 trams {spam=0.1}"), List.of(SECRET));
        assertThat(org.commentguard.comment.MarkerScorer.LAST.get().text()).isEqualTo("I <3 trams {spam=0.1}");
    }

    @Test
    void forgedTamperedUnsignedAndUnknownTenantRequestsAre401AndStoreNothing() throws Exception {
        Moderation.useMarkerScorer();
        Wired w = wire();
        Map<String, Long> before = rows(w.site().id());
        Map<String, Object> request = w.request("Trams beat buses {toxicity=0.05}");
        byte[] body = JsStringify.pretty(request).getBytes(StandardCharsets.UTF_8);
        String good = CoralSignature.sign(body, List.of(SECRET));
        Map<String, Object> foreign = new LinkedHashMap<>(request);
        foreign.put("tenantID", "tenant-nobody-configured");
        byte[] tampered = new String(body, StandardCharsets.UTF_8)
                .replace("Trams", "Trolls")
                .getBytes(StandardCharsets.UTF_8);
        List<CoralPhaseClient.Answer> answers = List.of(
                coral().send(request, List.of("ems_an_attackers_guess_of_the_secret_0000")),
                coral().sendRaw(tampered, good),
                coral().sendRaw(body, null),
                coral().sendRaw(body, ""),
                coral().sendRaw(body, "sha256=" + "0".repeat(64)),
                coral().sendRaw(body, good.toUpperCase().replace("SHA256", "sha1")),
                coral().send(foreign, List.of(SECRET)));
        for (CoralPhaseClient.Answer a : answers) {
            assertThat(a.status()).as(a.body()).isEqualTo(401);
            assertThat(a.contentType()).startsWith("application/problem+json");
            assertThat(JsonPath.from(a.body()).getString("code")).isIn("invalid_signature", "unauthenticated");
        }
        assertThat(rows(w.site().id())).isEqualTo(before);
    }

    @Test
    void aSecretPastItsInactiveAtIsStaleWhileTheOverlapOfARotationAcceptsBoth() throws Exception {
        Moderation.useMarkerScorer();
        Wired w = wire();
        Instant later = Instant.now().plus(1, ChronoUnit.HOURS);
        configure(
                        w.site(),
                        Map.of(
                                "tenantId",
                                w.tenant(),
                                "secrets",
                                List.of(
                                        Map.of("secret", SECRET),
                                        Map.of("secret", OLD_SECRET, "inactiveAt", later.toString()))))
                .then()
                .statusCode(200)
                .body("secrets.active", equalTo(List.of(true, true)));
        // Coral during the overlap signs with both; a Coral that has not picked up the rotation, with the old one.
        assertThat(coral().send(w.request("One {toxicity=0.05}"), List.of(SECRET, OLD_SECRET))
                        .status())
                .isEqualTo(204);
        assertThat(coral().send(w.request("Two {toxicity=0.05}"), List.of(OLD_SECRET))
                        .status())
                .isEqualTo(204);
        assertThat(coral().send(w.request("Three {toxicity=0.05}"), List.of(SECRET))
                        .status())
                .isEqualTo(204);

        Instant past = Instant.now().minus(1, ChronoUnit.MINUTES);
        configure(
                        w.site(),
                        Map.of(
                                "tenantId",
                                w.tenant(),
                                "secrets",
                                List.of(
                                        Map.of("secret", SECRET),
                                        Map.of("secret", OLD_SECRET, "inactiveAt", past.toString()))))
                .then()
                .statusCode(200)
                .body("secrets.active", equalTo(List.of(true, false)));
        Map<String, Long> before = rows(w.site().id());
        CoralPhaseClient.Answer stale = coral().send(w.request("Four {toxicity=0.05}"), List.of(OLD_SECRET));
        assertThat(stale.status()).isEqualTo(401);
        assertThat(JsonPath.from(stale.body()).getString("detail")).contains("no longer active");
        assertThat(rows(w.site().id())).isEqualTo(before);
    }

    @Test
    void signedButMalformedRequestsAre400ProblemsAndStoreNothing() throws Exception {
        Moderation.useMarkerScorer();
        Wired w = wire();
        Map<String, Long> before = rows(w.site().id());
        for (Object[] bad : new Object[][] {
            {"action", "DELETE", "validation_failed"},
            {"comment", Map.of("parentID", "x"), "validation_failed"},
            {"comment", CoralPhaseClient.ordered("body", "   ", "parentID", null), "comment_empty"},
            {"comment", CoralPhaseClient.ordered("body", "<p> </p>", "parentID", null), "comment_empty"},
            {"story", CoralPhaseClient.ordered("id", "s", "url", "not a url"), "validation_failed"},
            {"story", CoralPhaseClient.ordered("id", "s", "url", "javascript:alert(1)"), "validation_failed"},
            {"story", CoralPhaseClient.ordered("id", "", "url", w.storyUrl()), "validation_failed"},
            {"author", CoralPhaseClient.ordered("id", null, "role", "COMMENTER"), "validation_failed"},
            {"author", CoralPhaseClient.ordered("id", "x".repeat(201), "role", "COMMENTER"), "validation_failed"},
            {"comment", CoralPhaseClient.ordered("body", 42, "parentID", null), "validation_failed"}
        }) {
            Map<String, Object> request = w.request("fine {toxicity=0.05}");
            request.put((String) bad[0], bad[1]);
            CoralPhaseClient.Answer a = coral().send(request, List.of(SECRET));
            assertThat(a.status()).as(bad[0] + "=" + bad[1] + ": " + a.body()).isEqualTo(400);
            assertThat(a.contentType()).startsWith("application/problem+json");
            assertThat(JsonPath.from(a.body()).getString("code")).isEqualTo(bad[2]);
        }
        byte[] notJson = "{\"tenantID\": ".getBytes(StandardCharsets.UTF_8);
        CoralPhaseClient.Answer a = coral().sendRaw(notJson, CoralSignature.sign(notJson, List.of(SECRET)));
        assertThat(a.status()).isEqualTo(400);
        assertThat(JsonPath.from(a.body()).getString("code")).isEqualTo("malformed_json");
        assertThat(rows(w.site().id())).isEqualTo(before);
    }

    @Test
    void onlyTheSitesAdminsConfigureItAndSecretsAreNeverShownOrStoredInTheClear() throws Exception {
        Wired w = wire();
        String path = "/api/v1/sites/" + w.site().id() + "/integrations/coral";
        Map<String, Object> body = Map.of("tenantId", w.tenant(), "secrets", List.of(Map.of("secret", SECRET)));
        as(w.site().moderator()).body(body).put(path).then().statusCode(403).contentType("application/problem+json");
        as(w.site().ingest()).get(path).then().statusCode(403);
        Moderation.TestSite other = Moderation.newSite();
        as(other.admin()).get(path).then().statusCode(404).contentType("application/problem+json");
        io.restassured.RestAssured.given().get(path).then().statusCode(401);
        String shown = as(ADMIN_KEY)
                .get(path)
                .then()
                .statusCode(200)
                .body("tenantId", equalTo(w.tenant()))
                .body("bodyFormat", equalTo("HTML"))
                .body("moderationPath", equalTo("/integrations/coral/v1/moderate"))
                .body("secrets[0].hint", equalTo("…" + SECRET.substring(SECRET.length() - 4)))
                .body("secrets[0].fingerprint", equalTo(CoralIntegrations.fingerprint(SECRET)))
                .extract()
                .asString();
        assertThat(shown).doesNotContain(SECRET.substring(4, 20));
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT secrets FROM coral_integration WHERE site_id = ?")) {
            s.setObject(1, UUID.fromString(w.site().id()));
            try (ResultSet r = s.executeQuery()) {
                assertThat(r.next()).isTrue();
                assertThat(r.getString(1)).startsWith("v1:").doesNotContain(SECRET.substring(4, 20));
            }
        }
        String audit = as(w.site().moderator())
                .get("/api/v1/audit")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(audit).contains("coral.configured").doesNotContain(SECRET.substring(4, 20));
    }

    @Test
    void badConfigurationsAreRefusedAndATenantAnswersForOneSiteOnly() {
        Wired w = wire();
        Moderation.TestSite site = w.site();
        String past = Instant.now().minus(1, ChronoUnit.HOURS).toString();
        for (Map<String, Object> bad : List.of(
                Map.<String, Object>of("secrets", List.of(Map.of("secret", SECRET))),
                Map.<String, Object>of("tenantId", "t", "secrets", List.of()),
                Map.<String, Object>of("tenantId", "t", "secrets", List.of(Map.of("secret", "short"))),
                Map.<String, Object>of("tenantId", "t", "secrets", List.of(Map.of("secret", " " + SECRET))),
                Map.<String, Object>of(
                        "tenantId", "t", "secrets", List.of(Map.of("secret", SECRET), Map.of("secret", SECRET))),
                Map.<String, Object>of(
                        "tenantId", "t", "secrets", List.of(Map.of("secret", SECRET, "inactiveAt", past))),
                Map.<String, Object>of(
                        "tenantId", "t", "bodyFormat", "MARKDOWN", "secrets", List.of(Map.of("secret", SECRET))),
                Map.<String, Object>of("tenantId", "x".repeat(201), "secrets", List.of(Map.of("secret", SECRET))))) {
            configure(site, bad)
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("code", equalTo("validation_failed"));
        }
        as(site.admin())
                .body("[1]")
                .put("/api/v1/sites/" + site.id() + "/integrations/coral")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        // The stored configuration survived every refused attempt.
        as(site.admin())
                .get("/api/v1/sites/" + site.id() + "/integrations/coral")
                .then()
                .statusCode(200)
                .body("tenantId", equalTo(w.tenant()));

        Moderation.TestSite second = Moderation.newSite();
        configure(second, Map.of("tenantId", w.tenant(), "secrets", List.of(Map.of("secret", SECRET))))
                .then()
                .statusCode(409)
                .body("code", equalTo("coral_tenant_taken"));
        // One Coral site of the tenant may go to another Commentguard site; it wins over the tenant-wide row.
        configure(
                        second,
                        Map.of(
                                "tenantId",
                                w.tenant(),
                                "coralSiteId",
                                "coral-site-b",
                                "secrets",
                                List.of(Map.of("secret", SECRET))))
                .then()
                .statusCode(200);
    }

    @Test
    void aCoralSiteMappedToItsOwnSiteIsModeratedThereAndRemovalRefusesFurtherRequests() throws Exception {
        Moderation.useMarkerScorer();
        Wired w = wire();
        Moderation.TestSite second = Moderation.newSite();
        configure(
                        second,
                        Map.of(
                                "tenantId",
                                w.tenant(),
                                "coralSiteId",
                                "coral-site-b",
                                "secrets",
                                List.of(Map.of("secret", OLD_SECRET))))
                .then()
                .statusCode(200);
        Map<String, Object> toB = CoralPhaseClient.request(
                "NEW",
                "Hello {toxicity=0.05}",
                null,
                "u",
                "story-b",
                "https://b.example/story",
                "coral-site-b",
                w.tenant());
        assertThat(coral().send(toB, List.of(SECRET)).status())
                .as("site A's secret for site B")
                .isEqualTo(401);
        assertThat(coral().send(toB, List.of(OLD_SECRET)).status()).isEqualTo(204);
        assertThat(rows(second.id()).get("comment")).isEqualTo(1L);
        assertThat(rows(w.site().id()).get("comment")).isZero();

        as(second.admin())
                .delete("/api/v1/sites/" + second.id() + "/integrations/coral")
                .then()
                .statusCode(204);
        as(second.admin())
                .get("/api/v1/sites/" + second.id() + "/integrations/coral")
                .then()
                .statusCode(404);
        // Site B's Coral site now falls under the tenant-wide row of site A, whose secret it does not have.
        Map<String, Object> again = CoralPhaseClient.request(
                "NEW",
                "Hello again {toxicity=0.05}",
                null,
                "u",
                "story-b",
                "https://b.example/story",
                "coral-site-b",
                w.tenant());
        assertThat(coral().send(again, List.of(OLD_SECRET)).status()).isEqualTo(401);
    }

    @Test
    void realScorersModerateLongNewsComments() throws Exception {
        Wired w = wire();
        String civil = "I have ridden the number 12 bus to the hospital every weekday for eleven years, and I "
                + "welcome this decision. The council's own survey shows that the morning buses are late more "
                + "often than not, and the tram line would run on its own track past the worst junctions. My "
                + "worry is the construction period: the article says three years, but the bridge works on the "
                + "ring road took twice as long as planned. I would like the council to publish a month-by-month "
                + "plan for diversions, and to keep at least one stop near the hospital open throughout. If they "
                + "do that, most of my neighbours will support the project, even with the higher fares.";
        assertThat(civil.length()).isBetween(600, 1000);
        CoralPhaseClient.Answer ok = coral().send(w.request(civil), List.of(SECRET));
        assertThat(CoralPhaseClient.validate(ok)).isEmpty();

        String abusive = "You are a pathetic, brainless idiot and everyone on this street knows it. Shut your "
                + "stupid mouth, you worthless moron, nobody wants to hear your garbage about the tram.";
        Map<String, Object> answer = CoralPhaseClient.validate(coral().send(w.request(abusive), List.of(SECRET)))
                .orElseThrow();
        assertThat(answer.get("status")).isIn("REJECTED", "SYSTEM_WITHHELD");
        assertThat(answer.get("actions"))
                .isEqualTo(List.of(Map.of("actionType", "FLAG", "reason", "COMMENT_DETECTED_TOXIC")));
        String stored = as(w.site().moderator())
                .get("/api/v1/comments?article=tram-registered&status="
                        + (answer.get("status").equals("REJECTED") ? "REJECTED" : "PENDING"))
                .then()
                .statusCode(200)
                .extract()
                .path("items[0].text");
        assertThat(stored).isEqualTo(abusive);
    }

    @Test
    void theSpansModeratorsReadAreAddedAfterCoralsAnswerAndASweepFindsThoseLeftBehind() throws Exception {
        Wired w = wire();
        double deferredBefore = deferred();
        String abusive = "The tram line is fine by me. You are a pathetic, brainless idiot and everyone on this "
                + "street knows it, you worthless moron.";
        CoralPhaseClient.validate(coral().send(w.request(abusive), List.of(SECRET)))
                .orElseThrow();
        String id = as(w.site().moderator())
                .get("/api/v1/comments?article=tram-registered")
                .then()
                .statusCode(200)
                .extract()
                .path("items[0].id");

        List<Map<String, Object>> spans = awaitToxicitySpans(w, id);
        int insult = abusive.indexOf("You are");
        assertThat(spans)
                .as("words of the insulting sentence, not of the civil one")
                .allSatisfy(s -> assertThat((Integer) s.get("begin")).isGreaterThanOrEqualTo(insult))
                .extracting(s -> (String) s.get("text"))
                .anySatisfy(t -> assertThat(t).contains("idiot"))
                .anySatisfy(t -> assertThat(t).contains("moron"));
        assertThat(explanationOf(id)).isIn("first", "refined");
        assertThat(deferred()).as("explained after the answer, not during it").isGreaterThan(deferredBefore);

        // As after a restart: the comment is pending again, with nothing queued in memory. The sweep finds it.
        String storedSpans = column(id, "spans");
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement("UPDATE comment SET explanation_pending = true, spans = '[]',"
                        + " scorer_details = jsonb_set(scorer_details::jsonb, '{toxicity,spans}', '\"pending\"')::text"
                        + " WHERE id = ?")) {
            s.setObject(1, UUID.fromString(id));
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
        explanations.sweep();
        awaitToxicitySpans(w, id);
        assertThat(column(id, "spans")).isEqualTo(storedSpans);
        assertThat(explanationOf(id)).isIn("first", "refined");
    }

    @Inject
    org.commentguard.comment.DeferredExplanations explanations;

    @Inject
    io.micrometer.core.instrument.MeterRegistry meters;

    private double deferred() {
        return meters.counter("commentguard.explanations.deferred").count();
    }

    private List<Map<String, Object>> awaitToxicitySpans(Wired w, String id) throws InterruptedException {
        long until = System.nanoTime() + java.time.Duration.ofSeconds(60).toNanos();
        while (true) {
            List<Map<String, Object>> spans = as(w.site().moderator())
                    .get("/api/v1/comments/" + id)
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath()
                    .getList("spans.findAll { it.attribute == 'toxicity' }");
            if (!spans.isEmpty() && !"true".equals(column(id, "explanation_pending"))) {
                return spans;
            }
            assertThat(System.nanoTime()).as("toxicity spans within 60 s").isLessThan(until);
            Thread.sleep(50);
        }
    }

    private String explanationOf(String id) {
        return column(id, "scorer_details::jsonb -> 'toxicity' ->> 'spans'");
    }

    private String column(String id, String expression) {
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT " + expression + " FROM comment WHERE id = ?")) {
            s.setObject(1, UUID.fromString(id));
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getString(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Rows the site owns in every table a moderation request could write. */
    private Map<String, Long> rows(String siteId) throws Exception {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection c = db.getConnection()) {
            for (String table :
                    List.of("comment", "article", "author", "review_item", "audit_entry", "webhook_delivery")) {
                try (PreparedStatement s = c.prepareStatement("SELECT count(*) FROM " + table + " WHERE site_id = ?")) {
                    s.setObject(1, UUID.fromString(siteId));
                    try (ResultSet r = s.executeQuery()) {
                        r.next();
                        counts.put(table, r.getLong(1));
                    }
                }
            }
        }
        return counts;
    }
}
