package org.commentguard.testing;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import java.util.Map;
import java.util.UUID;

/** Test helpers over the public API: create sites and keys the way an operator would. */
public final class Api {

    public static final String ADMIN_KEY = "cg_platform_test_admin_key_0123456789abcdef";

    private Api() {}

    public static RequestSpecification as(String key) {
        return RestAssured.given().header("X-Api-Key", key).contentType(ContentType.JSON);
    }

    /** A new site with its admin key. */
    public record TestSite(String id, String adminKey) {
        public String key(String role) {
            return as(adminKey)
                    .body(Map.of("role", role, "label", role + "-" + UUID.randomUUID()))
                    .post("/api/v1/sites/" + id + "/keys")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("key");
        }
    }

    public static TestSite newSite() {
        var response = as(ADMIN_KEY)
                .body(Map.of("name", "Site " + UUID.randomUUID()))
                .post("/api/v1/sites")
                .then()
                .statusCode(201)
                .extract();
        return new TestSite(response.path("site.id"), response.path("adminKey.key"));
    }
}
