package org.commentguard.site;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.commentguard.testing.Api;
import org.commentguard.testing.Api.TestSite;
import org.junit.jupiter.api.Test;

import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.commentguard.testing.Api.ADMIN_KEY;
import static org.commentguard.testing.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
class SiteAndKeyResourceTest {

    @Inject
    KeyStore store;

    @Test
    void platformAdminCreatesSiteWithFirstAdminKey() {
        as(ADMIN_KEY)
                .body(Map.of("name", "The Daily Planet", "url", "https://planet.example"))
                .post("/api/v1/sites")
                .then()
                .statusCode(201)
                .body("site.name", equalTo("The Daily Planet"))
                .body("adminKey.role", equalTo("admin"))
                .body("adminKey.key", startsWith("cg_adm_"))
                .body("adminKey.prefix", notNullValue());
    }

    @Test
    void keysAreStoredOnlyAsHashes() {
        TestSite site = Api.newSite();
        String secret = site.key("ingest");
        ApiKey stored = store.byPrefix(secret.substring(0, 14));
        assertThat(stored.secretHash).hasSize(64).isNotEqualTo(secret).doesNotContain(secret.substring(7));
        assertThat(stored.secretHash).isEqualTo(sha256Hex(secret));
    }

    @Test
    void listingKeysNeverShowsSecrets() {
        TestSite site = Api.newSite();
        site.key("moderator");
        String body = as(site.adminKey())
                .get("/api/v1/sites/" + site.id() + "/keys")
                .then()
                .statusCode(200)
                .body("$", hasSize(2))
                .body("[0].key", nullValue())
                .extract()
                .asString();
        assertThat(body).doesNotContain(site.adminKey());
    }

    @Test
    void revokedKeyStopsWorkingAtOnce() {
        TestSite site = Api.newSite();
        String moderator = site.key("moderator");
        String admin2 = site.key("admin");
        // Both keys work before revocation, on endpoints of their role.
        as(moderator).get("/api/v1/queue").then().statusCode(200);
        as(admin2).get("/api/v1/sites/" + site.id()).then().statusCode(200);

        for (String revoked : List.of(moderator, admin2)) {
            String keyId = as(site.adminKey())
                    .get("/api/v1/sites/" + site.id() + "/keys")
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("find { it.prefix == '" + revoked.substring(0, 14) + "' }.id");
            as(site.adminKey())
                    .delete("/api/v1/sites/" + site.id() + "/keys/" + keyId)
                    .then()
                    .statusCode(200)
                    .body("active", equalTo(false))
                    .body("revokedAt", notNullValue());
        }

        as(moderator)
                .get("/api/v1/queue")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .body("code", equalTo("invalid_api_key"));
        as(moderator).get("/api/v1/me").then().statusCode(401).body("code", equalTo("invalid_api_key"));
        as(admin2)
                .get("/api/v1/sites/" + site.id())
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .body("code", equalTo("invalid_api_key"));
        // Revoking one key leaves the site's other keys working.
        as(site.adminKey()).get("/api/v1/sites/" + site.id()).then().statusCode(200);
    }

    @Test
    void keyRecordsLastUse() {
        TestSite site = Api.newSite();
        as(site.adminKey()).get("/api/v1/sites/" + site.id()).then().statusCode(200);
        as(site.adminKey())
                .get("/api/v1/sites/" + site.id() + "/keys")
                .then()
                .body("find { it.role == 'admin' }.lastUsedAt", notNullValue());
    }

    @Test
    void wrongRoleIsForbidden() {
        TestSite site = Api.newSite();
        String ingest = site.key("ingest");
        as(ingest)
                .get("/api/v1/sites/" + site.id() + "/keys")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("code", equalTo("forbidden"));
        as(ingest)
                .body(Map.of("name", "x"))
                .post("/api/v1/sites")
                .then()
                .statusCode(403)
                .body("code", equalTo("forbidden"));
    }

    @Test
    void siteAdminCannotCreateSites() {
        TestSite site = Api.newSite();
        as(site.adminKey())
                .body(Map.of("name", "Rogue"))
                .post("/api/v1/sites")
                .then()
                .statusCode(403)
                .body("code", equalTo("forbidden"));
    }

    @Test
    void oneSitesKeyNeverReadsOrChangesAnotherSite() {
        TestSite a = Api.newSite();
        TestSite b = Api.newSite();
        as(a.adminKey()).get("/api/v1/sites/" + b.id()).then().statusCode(404).body("code", equalTo("not_found"));
        as(a.adminKey()).get("/api/v1/sites/" + b.id() + "/keys").then().statusCode(404);
        as(a.adminKey())
                .body(Map.of("role", "admin", "label", "takeover"))
                .post("/api/v1/sites/" + b.id() + "/keys")
                .then()
                .statusCode(404);
        String bKeyId = as(b.adminKey())
                .get("/api/v1/sites/" + b.id() + "/keys")
                .then()
                .extract()
                .path("[0].id");
        as(a.adminKey())
                .delete("/api/v1/sites/" + b.id() + "/keys/" + bKeyId)
                .then()
                .statusCode(404);
        // Nor through its own site id with the other site's key id.
        as(a.adminKey())
                .delete("/api/v1/sites/" + a.id() + "/keys/" + bKeyId)
                .then()
                .statusCode(404);
        as(b.adminKey()).get("/api/v1/sites/" + b.id()).then().statusCode(200);
    }

    @Test
    void missingOrUnknownKeyIsUnauthorized() {
        given().get("/api/v1/sites/" + UUID.randomUUID())
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .body("code", equalTo("unauthenticated"))
                .body("traceId", notNullValue());
        as("cg_adm_forged0000000000000000000000000000000000")
                .get("/api/v1/sites/" + UUID.randomUUID())
                .then()
                .statusCode(401)
                .body("code", equalTo("invalid_api_key"));
    }

    @Test
    void invalidKeyRequestListsViolations() {
        TestSite site = Api.newSite();
        as(site.adminKey())
                .body(Map.of("role", "superuser", "label", "x"))
                .post("/api/v1/sites/" + site.id() + "/keys")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("validation_failed"))
                .body("violations[0].field", equalTo("role"));
        as(site.adminKey())
                .body(Map.of("role", "ingest"))
                .post("/api/v1/sites/" + site.id() + "/keys")
                .then()
                .statusCode(400)
                .body("code", equalTo("validation_failed"))
                .body("violations.field", org.hamcrest.Matchers.hasItem("label"));
    }

    private static String sha256Hex(String s) {
        try {
            return HexFormat.of()
                    .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                            .digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads stored rows directly, as an attacker with a database dump would. */
    @jakarta.enterprise.context.ApplicationScoped
    static class KeyStore {
        @Transactional
        ApiKey byPrefix(String prefix) {
            List<ApiKey> keys = ApiKey.list("displayPrefix", prefix);
            assertThat(keys).hasSize(1);
            return keys.get(0);
        }
    }
}
