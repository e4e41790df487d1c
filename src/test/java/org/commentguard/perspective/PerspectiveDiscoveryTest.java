package org.commentguard.perspective;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

/** The discovery document: where it points clients, and that it describes exactly what the resource accepts. */
@QuarkusTest
class PerspectiveDiscoveryTest {

    @TestHTTPResource("/")
    URI base;

    private JsonPath document() {
        return RestAssured.given()
                .urlEncodingEnabled(false)
                .get("/$discovery/rest?version=v1alpha1")
                .then()
                .statusCode(200)
                .contentType("application/json")
                .extract()
                .jsonPath();
    }

    @Test
    void isServedWithoutAKeyAndPointsClientsAtThisService() {
        JsonPath doc = document();
        assertThat(doc.getString("name")).isEqualTo("commentanalyzer");
        assertThat(doc.getString("version")).isEqualTo("v1alpha1");
        assertThat(doc.getString("rootUrl")).isEqualTo(base.toString());
        assertThat(doc.getString("servicePath")).isEmpty();
        assertThat(doc.getString("resources.comments.methods.analyze.path")).isEqualTo("v1alpha1/comments:analyze");
        assertThat(doc.getString("resources.comments.methods.suggestscore.path"))
                .isEqualTo("v1alpha1/comments:suggestscore");
        assertThat(doc.getString("resources.comments.methods.suggestscore.id"))
                .isEqualTo("commentanalyzer.comments.suggestscore");
        // Google's client appends the developer key to the discovery request too; it changes nothing here.
        RestAssured.given()
                .urlEncodingEnabled(false)
                .get("/$discovery/rest?version=v1alpha1&key=anything")
                .then()
                .statusCode(200)
                .body("rootUrl", equalTo(base.toString()));
        RestAssured.given()
                .urlEncodingEnabled(false)
                .get("/%24discovery/rest?version=v1alpha1")
                .then()
                .statusCode(200)
                .body("rootUrl", equalTo(base.toString()));
    }

    @Test
    void anotherVersionIsNotFound() {
        RestAssured.given()
                .urlEncodingEnabled(false)
                .get("/$discovery/rest?version=v1")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("code", equalTo("not_found"));
    }

    @Test
    void describesTheFieldsOfEveryRequestAndResponseRecordAndNoOthers() {
        JsonPath doc = document();
        Map<String, Class<? extends Record>> schemas = Map.of(
                "AnalyzeCommentRequest", PerspectiveRequests.AnalyzeRequest.class,
                "AnalyzeCommentResponse", PerspectiveRequests.AnalyzeResponse.class,
                "SuggestCommentScoreRequest", PerspectiveRequests.SuggestScoreRequest.class,
                "SuggestCommentScoreResponse", PerspectiveRequests.SuggestScoreResponse.class,
                "TextEntry", PerspectiveRequests.TextEntry.class,
                "Context", PerspectiveRequests.Context.class,
                "AttributeParameters", PerspectiveRequests.AttributeParameters.class,
                "AttributeScores", PerspectiveRequests.AttributeScores.class,
                "Score", PerspectiveRequests.Score.class,
                "SpanScore", PerspectiveRequests.SpanScore.class);
        schemas.forEach((schema, record) -> assertThat(
                        doc.getMap("schemas." + schema + ".properties").keySet())
                .as(schema)
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(record.getRecordComponents())
                        .map(c -> c.getName())
                        .toList()));
        assertThat(doc.getMap("schemas").keySet()).containsExactlyInAnyOrderElementsOf(schemas.keySet());
        String attributes = doc.getString("schemas.AnalyzeCommentRequest.properties.requestedAttributes.description");
        for (PerspectiveAttribute a : PerspectiveAttribute.values()) {
            assertThat(attributes).contains(a.name());
        }
        assertThat(attributes).doesNotContain("@ATTRIBUTES@");
        // Every $ref names a schema of the document.
        List<String> refs = new java.util.ArrayList<>();
        collectRefs(doc.get(), refs);
        assertThat(refs)
                .hasSizeGreaterThan(10)
                .allSatisfy(r -> assertThat(schemas).containsKey(r));
    }

    private static void collectRefs(Object node, List<String> refs) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((k, v) -> {
                if ("$ref".equals(k)) {
                    refs.add((String) v);
                } else {
                    collectRefs(v, refs);
                }
            });
        } else if (node instanceof List<?> list) {
            list.forEach(v -> collectRefs(v, refs));
        }
    }

    @Test
    void theRootFollowsThePathTheRequestReachedAndAConfiguredUrlMustBeAbsolute() {
        assertThat(PerspectiveDiscoveryResource.requestRoot("https://cg.example/$discovery/rest?version=v1alpha1"))
                .isEqualTo("https://cg.example/");
        assertThat(PerspectiveDiscoveryResource.requestRoot("https://proxy.example:8443/moderation/$discovery/rest"))
                .isEqualTo("https://proxy.example:8443/moderation/");
        assertThat(PerspectiveDiscoveryResource.rootOf("https://cg.example/base"))
                .isEqualTo("https://cg.example/base/");
        assertThat(PerspectiveDiscoveryResource.rootOf("https://cg.example/")).isEqualTo("https://cg.example/");
        for (String bad : List.of("cg.example", "ftp://cg.example/", "https://cg.example/?a=1", "/relative")) {
            assertThatThrownBy(() -> PerspectiveDiscoveryResource.rootOf(bad))
                    .as(bad)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
