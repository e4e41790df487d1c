package org.commentguard.hardening;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.commentguard.hardening.BadInputFuzzTest.map;

/** How {@link Endpoints} turns an OpenAPI document into fuzzed endpoints, on a small document written here. */
class EndpointsTest {

    /** An integration endpoint with a body schema and a webhook endpoint with a path parameter and a query. */
    private static final Map<String, Object> DOCUMENT = Json.read("""
            {"openapi": "3.1.0",
             "paths": {
               "/integrations/example/v1/moderate": {"post": {"requestBody": {"content": {"application/json":
                   {"schema": {"$ref": "#/components/schemas/ModerateRequest"}}}}}},
               "/api/v1/webhooks/{id}/deliveries": {"get": {"parameters": [
                   {"name": "id", "in": "path", "schema": {"type": "string", "format": "uuid"}},
                   {"name": "limit", "in": "query", "schema": {"type": "integer"}},
                   {"name": "channel", "in": "query", "schema": {"type": ["string", "null"]}}]}}},
             "components": {"schemas": {"ModerateRequest": {"type": "object", "required": ["comment"],
                 "properties": {"comment": {"type": "object", "properties": {
                     "body": {"type": "string"}, "createdAt": {"type": "string", "format": "date-time"},
                     "tags": {"type": "array", "items": {"type": "string", "enum": ["STAFF", "FEATURED"]}}}},
                   "revision": {"type": "integer", "minimum": 3}}}}}}
            """);

    @Test
    void anOperationWithoutARowIsNamedAndStopsTheFuzzTest() {
        Endpoints.Document document = Endpoints.of(
                DOCUMENT,
                Map.of("GET /api/v1/webhooks/{id}/deliveries", Endpoints.Specifics.of(Endpoints.Auth.apiKey("admin"))));
        assertThat(document.operations())
                .containsExactly("GET /api/v1/webhooks/{id}/deliveries", "POST /integrations/example/v1/moderate");
        assertThat(document.withoutSpecifics()).containsExactly("POST /integrations/example/v1/moderate");
        assertThatThrownBy(document::fuzzable).hasMessageContaining("POST /integrations/example/v1/moderate");
    }

    @Test
    void parametersAndTheBodyComeFromTheDocument() {
        Endpoints.Document document = Endpoints.of(
                DOCUMENT,
                Map.of(
                        "GET /api/v1/webhooks/{id}/deliveries", Endpoints.Specifics.of(Endpoints.Auth.apiKey("admin")),
                        "POST /integrations/example/v1/moderate",
                                Endpoints.Specifics.of(Endpoints.Auth.signed(
                                        "X-Example-Signature", "admin", Endpoints.Auth.hmacSha256Hex("sha256=")))));
        Endpoints.Endpoint deliveries = document.endpoint("GET /api/v1/webhooks/{id}/deliveries");
        assertThat(deliveries.pathIds()).containsExactly(Map.entry("id", "webhook"));
        assertThat(deliveries.queryIds()).containsExactly(Map.entry("limit", "limit"), Map.entry("channel", "word"));
        assertThat(deliveries.hasBody()).isFalse();
        assertThat(deliveries.addressesAResource()).isTrue();
        assertThat(deliveries.path(kind -> "<" + kind + ">", kind -> kind.equals("limit") ? "5" : null))
                .isEqualTo("/api/v1/webhooks/<webhook>/deliveries?limit=5");

        Endpoints.Endpoint moderate = document.endpoint("POST /integrations/example/v1/moderate");
        assertThat(moderate.hasBody()).isTrue();
        assertThat(moderate.validBody(null, document.components()))
                .isEqualTo(map(
                        "comment",
                        map("body", "Fuzz value", "createdAt", "2026-01-01T00:00:00Z", "tags", List.of("STAFF")),
                        "revision",
                        3));
    }

    @Test
    void eachSchemeCarriesTheCredentialWhereItsClientsDo() {
        byte[] body = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
        assertThat(Endpoints.Auth.apiKey("ingest").headers("cg_ing_x", body))
                .containsExactly(Map.entry("X-Api-Key", "cg_ing_x"));
        assertThat(Endpoints.Auth.perspectiveKey().path("/v1alpha1/comments:analyze", "k y"))
                .isEqualTo("/v1alpha1/comments:analyze?key=k%20y");
        assertThat(Endpoints.Auth.perspectiveKey().headers("k", body)).isEmpty();
        assertThat(Endpoints.Auth.publicEndpoint().path("/x", null)).isEqualTo("/x");
        // RFC 4231 test case 2: HMAC-SHA256, key "Jefe", data "what do ya want for nothing?".
        assertThat(Endpoints.Auth.signed("X-Sig", "admin", Endpoints.Auth.hmacSha256Hex("sha256="))
                        .headers("Jefe", "what do ya want for nothing?".getBytes(StandardCharsets.UTF_8)))
                .containsExactly(
                        Map.entry("X-Sig", "sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"));
    }
}
