package org.commentguard.console;

import io.quarkus.test.junit.QuarkusTest;
import org.commentguard.testing.Api;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.commentguard.testing.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
class MeResourceTest {

    @Test
    void answersTheSiteAndRoleOfEachSiteKeyWithoutItsSecret() {
        Api.TestSite site = Api.newSite();
        for (String role : new String[] {"ingest", "moderator", "admin"}) {
            as(site.key(role))
                    .get("/api/v1/me")
                    .then()
                    .statusCode(200)
                    .body("siteId", equalTo(site.id()))
                    .body("siteName", startsWith("Site "))
                    .body("role", equalTo(role))
                    .body("label", startsWith(role + "-"))
                    .body("$", not(hasKey("key")));
        }
    }

    @Test
    void refusesUnknownKeysAndThePlatformAdministrator() {
        as("cg_mod_not_a_real_key").get("/api/v1/me").then().statusCode(401).body("code", equalTo("invalid_api_key"));
        given().get("/api/v1/me").then().statusCode(401);
        as(Api.ADMIN_KEY).get("/api/v1/me").then().statusCode(403);
    }

    @Test
    void consoleIsServedWithAStrictContentSecurityPolicyAndBareConsoleRedirects() {
        given().redirects()
                .follow(false)
                .get("/console")
                .then()
                .statusCode(302)
                .header("Location", equalTo("/console/"));
        given().get("/console/")
                .then()
                .statusCode(200)
                // Written out, not read from ConsoleRoutes: the policy a browser gets is what is under test.
                .header(
                        "Content-Security-Policy",
                        equalTo("default-src 'none'; script-src 'self'; "
                                + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; "
                                + "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"))
                .header("X-Content-Type-Options", equalTo("nosniff"))
                .header("Referrer-Policy", equalTo("no-referrer"))
                .body(org.hamcrest.Matchers.containsString("<script type=\"module\" src=\"app.js\">"));
        given().get("/console/app.js")
                .then()
                .statusCode(200)
                .body(not(org.hamcrest.Matchers.containsString("innerHTML =")));
    }
}
