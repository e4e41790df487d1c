package org.commentguard.perspective;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.commentguard.testing.Api;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
class PerspectiveResourceTest {

    String key;

    @Inject
    FeedbackRows feedback;

    @BeforeEach
    void key() {
        key = Api.newSite().key("ingest");
    }

    /** The body Coral Talk's perspective.ts builds for comments:analyze, byte for byte in structure. */
    private static String coralAnalyzeBody(String text, String model) {
        return "{\"comment\":{\"text\":" + quote(text) + "},\"doNotStore\":true," + "\"requestedAttributes\":{\""
                + model + "\":{}},\"languages\":[\"en\"]}";
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private io.restassured.response.Response post(String operation, String body) {
        // Coral sets the key as a query parameter and sends Content-Type: application/json.
        return RestAssured.given()
                .urlEncodingEnabled(false)
                .contentType(ContentType.JSON)
                .queryParam("key", key)
                .body(body)
                .post("/v1alpha1/comments:" + operation);
    }

    @Test
    void answersCoralsAnalyzeRequestTheWayCoralReadsIt() {
        String body = post("analyze", coralAnalyzeBody("You are a fucking idiot", "PROFANITY"))
                .then()
                .statusCode(200)
                .extract()
                .asString();
        // Coral: get(data, `attributeScores.${model}.summaryScore.value`)
        JsonPath json = JsonPath.from(body);
        float value = json.getFloat("attributeScores.PROFANITY.summaryScore.value");
        assertThat(value).isBetween(0.5f, 1.0f);
        assertThat(json.getString("attributeScores.PROFANITY.summaryScore.type"))
                .isEqualTo("PROBABILITY");
        assertThat(json.getList("languages")).containsExactly("en");
    }

    @Test
    void answersToxicityRequestFromCoralsDefaultModel() {
        post("analyze", coralAnalyzeBody("You are a stupid worthless idiot and everyone hates you", "TOXICITY"))
                .then()
                .statusCode(200)
                .body("attributeScores.TOXICITY.summaryScore.value", greaterThan(0.8f));
        post(
                        "analyze",
                        coralAnalyzeBody(
                                "The new bus schedule starts on Monday, thanks for the clear summary.", "TOXICITY"))
                .then()
                .statusCode(200)
                .body("attributeScores.TOXICITY.summaryScore.value", lessThan(0.1f));
    }

    @Test
    void returnsSpanScoresWhenAsked() {
        String text = "What a load of sh1t.";
        String body = "{\"comment\":{\"text\":" + quote(text) + "},\"requestedAttributes\":{\"PROFANITY\":{}},"
                + "\"spanAnnotations\":true,\"clientToken\":\"tok-1\"}";
        post("analyze", body)
                .then()
                .statusCode(200)
                .body("attributeScores.PROFANITY.spanScores[0].begin", equalTo(text.indexOf("sh1t")))
                .body("attributeScores.PROFANITY.spanScores[0].end", equalTo(text.indexOf("sh1t") + 4))
                .body("attributeScores.PROFANITY.spanScores[0].score.type", equalTo("PROBABILITY"))
                .body("clientToken", equalTo("tok-1"));
    }

    @Test
    void scoreThresholdOmitsLowAttributes() {
        String body = "{\"comment\":{\"text\":\"Trade talks resume in Washington next week.\"},"
                + "\"requestedAttributes\":{\"PROFANITY\":{\"scoreThreshold\":0.5}}}";
        post("analyze", body).then().statusCode(200).body("attributeScores", not(hasKey("PROFANITY")));
    }

    @Test
    void offTopicIsScoredAgainstContextEntries() {
        String body = "{\"comment\":{\"text\":\"Buy gold and silver now, the dollar is finished!\"},"
                + "\"context\":{\"entries\":[{\"text\":\"The United States and China agreed to hold new trade "
                + "talks on tariffs, soybeans and intellectual property as negotiators met in Beijing.\"}]},"
                + "\"requestedAttributes\":{\"OFF_TOPIC\":{}}}";
        post("analyze", body)
                .then()
                .statusCode(200)
                .body("attributeScores.OFF_TOPIC.summaryScore.value", greaterThan(0.7f));
        String onTopic = body.replace(
                "Buy gold and silver now, the dollar is finished!",
                "Soybean farmers need these tariff talks in Beijing to end the trade dispute.");
        post("analyze", onTopic)
                .then()
                .statusCode(200)
                .body("attributeScores.OFF_TOPIC.summaryScore.value", lessThan(0.3f));
    }

    @Test
    void perspectiveErrorsComeInGooglesShape() {
        post("analyze", coralAnalyzeBody("", "TOXICITY"))
                .then()
                .statusCode(400)
                .body("error.code", equalTo(400))
                .body("error.status", equalTo("INVALID_ARGUMENT"))
                .body("error.details[0].errorType", equalTo("COMMENT_EMPTY"));
        post("analyze", coralAnalyzeBody("x".repeat(20_001), "TOXICITY"))
                .then()
                .statusCode(400)
                .body("error.details[0].errorType", equalTo("COMMENT_TOO_LONG"));
        post("analyze", "{\"comment\":{\"text\":\"hi\"},\"requestedAttributes\":{}}")
                .then()
                .statusCode(400)
                .body("error.details[0].errorType", equalTo("NO_REQUESTED_ATTRIBUTES"));
        post("analyze", "{\"comment\":{\"text\":\"hi\"},\"requestedAttributes\":{\"FLIRTATION\":{}}}")
                .then()
                .statusCode(400)
                .body("error.details[0].errorType", equalTo("INVALID_ARGUMENT"));
        post("analyze", "{\"comment\": ").then().statusCode(400).body("error.status", equalTo("INVALID_ARGUMENT"));
        post(
                        "analyze",
                        "{\"comment\":{\"text\":\"Das ist ein ganz normaler Satz über Zölle.\"},"
                                + "\"requestedAttributes\":{\"TOXICITY\":{}},\"languages\":[\"de\"]}")
                .then()
                .statusCode(400)
                .body("error.details[0].errorType", equalTo("LANGUAGE_NOT_SUPPORTED_BY_ATTRIBUTE"));
        post("analyze", "{\"comment\":{\"text\":\"hi there\"},\"requestedAttributes\":{\"OFF_TOPIC\":{}}}")
                .then()
                .statusCode(400)
                .body("error.details[0].errorType", equalTo("INVALID_ARGUMENT"));
    }

    @Test
    void badKeyIsRejectedInPerspectiveShape() {
        RestAssured.given()
                .urlEncodingEnabled(false)
                .contentType(ContentType.JSON)
                .queryParam("key", "nope")
                .body(coralAnalyzeBody("hello", "TOXICITY"))
                .post("/v1alpha1/comments:analyze")
                .then()
                .statusCode(401)
                .body("error.status", equalTo("UNAUTHENTICATED"));
    }

    @Test
    void suggestScoreStoresCoralsFeedback() {
        String token = "comment:" + java.util.UUID.randomUUID();
        String body = "{\"comment\":{\"text\":\"you people are animals\"},"
                + "\"context\":{\"entries\":[{\"text\":\"{\\\"url\\\":\\\"https://news.example/story?commentID=c1\\\","
                + "\\\"Coral_comment_id\\\":\\\"c1\\\"}\"}]},"
                + "\"attributeScores\":{\"TOXICITY\":{\"summaryScore\":{\"value\":1}}},"
                + "\"languages\":[\"en\"],\"communityId\":\"Coral:https://news.example\",\"clientToken\":\"" + token
                + "\"}";
        post("suggestscore", body).then().statusCode(200).body("clientToken", equalTo(token));
        List<ScoreFeedback> rows = feedback.byToken(token);
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).attribute).isEqualTo("toxicity");
        assertThat(rows.get(0).suggestedValue).isEqualTo(1.0);
        assertThat(rows.get(0).communityId).isEqualTo("Coral:https://news.example");
    }

    @Test
    void suggestScoreWithOneBadAttributeStoresNothing() {
        String token = "comment:" + java.util.UUID.randomUUID();
        String body = "{\"comment\":{\"text\":\"fine\"},\"attributeScores\":{\"TOXICITY\":{\"summaryScore\":"
                + "{\"value\":0}},\"INSULT\":{\"summaryScore\":{\"value\":7}}},\"clientToken\":\"" + token + "\"}";
        post("suggestscore", body).then().statusCode(400).body("error.status", equalTo("INVALID_ARGUMENT"));
        assertThat(feedback.byToken(token)).isEmpty();
    }

    @Test
    void percentEncodedColonReachesTheSameMethod() {
        // RestAssured encodes ':' as %3A by default, as some HTTP clients do.
        RestAssured.given()
                .contentType(ContentType.JSON)
                .queryParam("key", key)
                .body(coralAnalyzeBody("what the hell", "PROFANITY"))
                .post("/v1alpha1/comments:analyze")
                .then()
                .statusCode(200)
                .body("attributeScores.PROFANITY.summaryScore.value", notNullValue());
    }

    @Test
    void headerKeyWorksToo() {
        RestAssured.given()
                .urlEncodingEnabled(false)
                .contentType(ContentType.JSON)
                .header("X-Api-Key", key)
                .body(coralAnalyzeBody("nice article", "PROFANITY"))
                .post("/v1alpha1/comments:analyze")
                .then()
                .statusCode(200)
                .body("attributeScores.PROFANITY.summaryScore.value", notNullValue());
    }

    @jakarta.enterprise.context.ApplicationScoped
    static class FeedbackRows {
        @Transactional
        List<ScoreFeedback> byToken(String token) {
            return ScoreFeedback.list("clientToken", token);
        }
    }

    @Test
    void shortEnglishWithoutRequestLanguagesIsScoredInTheSiteLanguageNotRefused() {
        // Detection alone calls this Waray; before, the answer was LANGUAGE_NOT_SUPPORTED and Coral published.
        String body = post(
                        "analyze",
                        "{\"comment\":{\"text\":\"Giovanni is gay and loves chunky wiener\"},"
                                + "\"requestedAttributes\":{\"TOXICITY\":{}}}")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        JsonPath json = JsonPath.from(body);
        assertThat(json.getFloat("attributeScores.TOXICITY.summaryScore.value")).isBetween(0.0f, 1.0f);
        assertThat(json.getList("languages")).containsExactly("en");
        assertThat(json.getList("detectedLanguages")).isEmpty();
    }
}
