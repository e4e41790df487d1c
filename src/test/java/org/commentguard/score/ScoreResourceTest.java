package org.commentguard.score;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.commentguard.testing.Api;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.commentguard.testing.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class ScoreResourceTest {

    String ingest;
    String moderator;

    @BeforeEach
    void keys() {
        // Per test: RestAssured only knows the test port once Quarkus runs, which is after static set-up.
        Api.TestSite site = Api.newSite();
        ingest = site.key("ingest");
        moderator = site.key("moderator");
    }

    private ValidatableResponse score(Object body) {
        return as(ingest).body(body).post("/api/v1/score").then();
    }

    @Test
    void scoresDisguisedProfanityWithSpansOnTheOriginalCharacters() {
        String text = "Honestly, this is F.U.C.K.I.N.G ridiculous";
        score(Map.of("text", text))
                .statusCode(200)
                .body("scores.profanity", greaterThan(0.5f))
                .body("spans.find { it.attribute == 'profanity' }.begin", equalTo(text.indexOf("F.U")))
                .body("spans.find { it.attribute == 'profanity' }.text", equalTo("F.U.C.K.I.N.G"))
                .body("models", hasKey("profanity"))
                .body("reasons", hasItem(org.hamcrest.Matchers.startsWith("profanity.")));
    }

    @Test
    void everyAttributeIsPresentAndOffTopicIsNullWithoutContext() {
        score(Map.of("text", "The tariffs on soybeans will hurt farmers in Iowa this year."))
                .statusCode(200)
                .body("scores", hasKey("toxicity"))
                .body("scores", hasKey("severe_toxicity"))
                .body("scores", hasKey("insult"))
                .body("scores", hasKey("threat"))
                .body("scores", hasKey("identity_attack"))
                .body("scores", hasKey("obscene"))
                .body("scores", hasKey("profanity"))
                .body("scores", hasKey("spam"))
                .body("scores", hasKey("off_topic"))
                .body("scores.off_topic", nullValue())
                .body("scores.profanity", lessThan(0.1f))
                .body("language", equalTo("en"));
    }

    @Test
    void cleanWordsContainingProfaneSubstringsAreNotFlagged() {
        score(Map.of("text", "Scunthorpe's assassin ordered a cocktail while reading Dickens."))
                .statusCode(200)
                .body("spans.findAll { it.attribute == 'profanity' }", hasSize(0));
    }

    @Test
    void batchAnswersInOrder() {
        List<Map<String, Object>> items =
                List.of(Map.of("text", "What a lovely day in Beijing."), Map.of("text", "shut the f*ck up"));
        as(ingest)
                .body(Map.of("items", items))
                .post("/api/v1/score/batch")
                .then()
                .statusCode(200)
                .body("results", hasSize(2))
                .body("results[0].scores.profanity", lessThan(0.1f))
                .body("results[1].scores.profanity", greaterThan(0.5f));
    }

    @Test
    void emptyTextIsRejectedWithStableCode() {
        score(Map.of("text", "   "))
                .statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("comment_empty"));
        score(Map.of())
                .statusCode(400)
                .body("code", equalTo("validation_failed"))
                .body("violations.field", hasItem("text"));
    }

    @Test
    void tooLongTextIsRejected() {
        score(Map.of("text", "a".repeat(ScoreLimits.MAX_TEXT_CHARS + 1)))
                .statusCode(413)
                .contentType("application/problem+json")
                .body("code", equalTo("comment_too_long"));
    }

    @Test
    void batchOverLimitIsRejectedBeforeAnyScoring() {
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i <= ScoreLimits.MAX_BATCH_ITEMS; i++) {
            items.add(Map.of("text", "comment " + i));
        }
        as(ingest)
                .body(Map.of("items", items))
                .post("/api/v1/score/batch")
                .then()
                .statusCode(400)
                .body("code", equalTo("batch_too_large"));
        as(ingest)
                .body(Map.of("items", List.of(Map.of("text", "ok"), Map.of("text", ""))))
                .post("/api/v1/score/batch")
                .then()
                .statusCode(400)
                .body("code", equalTo("comment_empty"))
                .body("violations[0].field", equalTo("items[1].text"));
    }

    @Test
    void scoringNeedsIngestRole() {
        as(moderator)
                .body(Map.of("text", "hello"))
                .post("/api/v1/score")
                .then()
                .statusCode(403)
                .body("code", equalTo("forbidden"));
    }

    @Test
    void theThreadReachesTheOffTopicScorer() {
        List<String> thread = List.of(
                "Soybean farmers in Iowa will pay for these tariffs.",
                "Beijing buys its soybeans in Brazil now, the talks will not change that.",
                "The tariff war costs farmers more than the bailout pays them.");
        score(Map.of("text", "Buy physical gold and silver now, fiat money is finished.", "thread", thread))
                .statusCode(200)
                .body("scores.off_topic", notNullValue())
                .body("details.off_topic.reference", equalTo("thread"))
                .body("details.off_topic.drift.threadSize", equalTo(3));
    }

    @Test
    void aThreadOverTheLimitIsValidationError() {
        List<String> thread = new ArrayList<>();
        for (int i = 0; i <= ScoreRequest.MAX_THREAD; i++) {
            thread.add("comment " + i);
        }
        score(Map.of("text", "Tariffs again.", "thread", thread))
                .statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("validation_failed"));
    }

    @Test
    void invalidLanguageCodeIsValidationError() {
        score(Map.of("text", "hello there", "languages", List.of("not a language")))
                .statusCode(400)
                .body("code", equalTo("validation_failed"));
    }

    @Test
    void anInsultScoresFarAboveACivilCommentOnTheToxicityAttributes() {
        // ScoreResult clamps every score into [0,1], so range checks prove nothing; the ordering is the behaviour.
        Map<String, Float> insult = score(Map.of(
                        "text",
                        "You are a pathetic idiot and nobody wants to read your "
                                + "garbage, go crawl back under your rock."))
                .statusCode(200)
                .extract()
                .path("scores");
        Map<String, Float> civil = score(Map.of(
                        "text",
                        "Thanks for the article, the new bus schedule starts on "
                                + "Monday and my commute will be ten minutes shorter."))
                .statusCode(200)
                .extract()
                .path("scores");

        assertThat(insult.get("toxicity")).isGreaterThan(0.8f);
        assertThat(insult.get("insult")).isGreaterThan(0.5f);
        assertThat(civil.get("toxicity")).isLessThan(0.1f);
        assertThat(civil.get("insult")).isLessThan(0.1f);
        assertThat(insult.get("toxicity") - civil.get("toxicity")).isGreaterThan(0.7f);
    }

    @Test
    void aPromotionalLinkDropScoresAsSpamAndACivilCommentDoesNot() {
        score(Map.of("text", "CHECK MY CHANNEL!!! subscribe http://bit.ly/xyz free bitcoin"))
                .statusCode(200)
                .body("scores.spam", greaterThan(0.5f))
                .body("reasons", hasItem(org.hamcrest.Matchers.startsWith("spam.")));
        score(Map.of("text", "The council should publish the full budget before the vote, not after it."))
                .statusCode(200)
                .body("scores.spam", lessThan(0.2f));
    }

    @Test
    void shortEnglishThatDetectionMisreadsIsScoredInTheSiteLanguage() {
        // OpenNLP alone calls this Waray; the site's language (English by default) wins when detection is unsure.
        score(Map.of("text", "Giovanni is gay and loves chunky wiener"))
                .statusCode(200)
                .body("language", equalTo("en"))
                .body("scores.toxicity", notNullValue())
                .body("reasons", hasItem("language.uncertain"));
    }

    @Test
    void aSiteDeclaringGermanGetsGermanExplicitlyUnsupportedByTheEnglishToxicityModel() {
        Api.TestSite site = Api.newSite();
        as(site.adminKey())
                .body(Map.of("languages", List.of("de")))
                .put("/api/v1/sites/" + site.id() + "/policy")
                .then()
                .statusCode(200)
                .body("effective.languages", equalTo(List.of("de")));
        as(site.key("ingest"))
                .body(Map.of("text", "Stimmt genau, das sehe ich auch so."))
                .post("/api/v1/score")
                .then()
                .statusCode(200)
                .body("language", equalTo("de"))
                .body("scores.toxicity", nullValue())
                .body("scores.profanity", notNullValue())
                .body("reasons", hasItem("toxicity.language_unsupported"));
    }
}
