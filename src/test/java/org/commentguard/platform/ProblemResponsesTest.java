package org.commentguard.platform;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.commentguard.testing.Api;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.commentguard.testing.Api.ADMIN_KEY;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
class ProblemResponsesTest {

    @TestHTTPResource("/")
    URI base;

    @Test
    void malformedJsonIsProblem400WithoutInternals() {
        Api.as(ADMIN_KEY)
                .body("{\"name\": ")
                .post("/api/v1/sites")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("malformed_json"))
                .body("type", notNullValue())
                .body("title", notNullValue())
                .body("status", equalTo(400))
                .body("traceId", notNullValue())
                .body(not(containsString("jackson")))
                .body(not(containsString("Exception")));
    }

    @Test
    void wrongTypeIsValidationProblem() {
        Api.as(ADMIN_KEY)
                .body("{\"name\": 42}")
                .post("/api/v1/sites")
                .then()
                .statusCode(400)
                .body("code", equalTo("validation_failed"))
                .body("violations[0].field", equalTo("name"));
    }

    @Test
    void missingBodyIsValidationProblem() {
        Api.as(ADMIN_KEY).post("/api/v1/sites").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void deepNestingIsRefused() throws Exception {
        String deep = "[".repeat(10_000) + "]".repeat(10_000);
        HttpResponse<String> response = post("{\"name\": \"x\", \"extra\": " + deep + "}");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("\"code\":\"json_too_complex\"");
    }

    @Test
    void oversizeBodyIs413Problem() throws Exception {
        HttpResponse<String> response = post("{\"name\": \"" + "x".repeat(2 * 1024 * 1024) + "\"}");
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("\"code\":\"payload_too_large\"");
    }

    /** Large bodies go through the JDK client: RestAssured's body handling is far too slow for them. */
    private HttpResponse<String> post(String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "api/v1/sites"))
                .header("X-Api-Key", ADMIN_KEY)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void unknownRouteIs404Problem() {
        given().get("/api/v1/nope")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("code", equalTo("not_found"));
        given().get("/definitely/not/here").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void wrongMethodIs405Problem() {
        Api.as(ADMIN_KEY)
                .put("/api/v1/sites")
                .then()
                .statusCode(405)
                .contentType("application/problem+json")
                .body("code", equalTo("method_not_allowed"));
    }

    @Test
    void wrongContentTypeIs415Problem() {
        given().header("X-Api-Key", ADMIN_KEY)
                .contentType("text/plain")
                .body("hello")
                .post("/api/v1/sites")
                .then()
                .statusCode(415)
                .contentType("application/problem+json")
                .body("code", equalTo("unsupported_media_type"));
    }

    @Test
    void healthReadinessIsUp() {
        given().get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'models' }.data.toxicity", equalTo("toxicity-maxent@1.0.0"))
                .body(
                        "checks.find { it.name == 'models' }.data.'toxicity.refiner'",
                        equalTo("toxicity-bge-small@1.1.1+deobfuscation@1"))
                .body("checks.find { it.name == 'models' }.data.profanity", equalTo("profanity-lexicon@1.3.0"))
                .body(
                        "checks.find { it.name == 'models' }.data.'onnxruntime.cpu'",
                        matchesPattern("amx|avx512-vnni|avx-vnni|avx512|avx2|sse4\\.1|sse2"));
    }

    @Test
    void metricsAndOpenApiAreServed() {
        given().get("/q/metrics").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(200).body(containsString("/api/v1/sites"));
    }
}
