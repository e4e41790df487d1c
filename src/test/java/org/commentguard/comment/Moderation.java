package org.commentguard.comment;

import io.quarkus.test.junit.QuarkusMock;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.commentguard.scoring.ScoringPipeline;
import org.commentguard.testing.Api;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.commentguard.testing.Api.as;

/** Test helpers for the moderation workflow: a site with one key per role and an article, comments by API. */
public final class Moderation {

    private Moderation() {}

    /** Replaces the (for now scorer-less) pipeline with one running {@link MarkerScorer}, for the current test. */
    public static void useMarkerScorer() {
        QuarkusMock.installMockForType(new ScoringPipeline(List.of(new MarkerScorer())), ScoringPipeline.class);
    }

    public record TestSite(Api.TestSite site, String ingest, String moderator, String article) {
        public String id() {
            return site.id();
        }

        public String admin() {
            return site.adminKey();
        }

        /** Posts a comment and answers the response. */
        public ExtractableResponse<Response> post(String externalId, String author, String text) {
            return postReply(externalId, null, author, text);
        }

        public ExtractableResponse<Response> postReply(String externalId, String parent, String author, String text) {
            Map<String, Object> body = new HashMap<>();
            body.put("externalId", externalId);
            body.put("articleId", article);
            if (parent != null) {
                body.put("parentId", parent);
            }
            body.put("author", Map.of("id", author, "name", "Reader " + author));
            body.put("text", text);
            return as(ingest).body(body).post("/api/v1/comments").then().extract();
        }

        /** Posts a comment that must be accepted; answers its id. */
        public String comment(String author, String text) {
            return post("c-" + UUID.randomUUID(), author, text).path("id");
        }

        public void setPolicy(Map<String, Object> overrides) {
            as(admin())
                    .body(overrides)
                    .put("/api/v1/sites/" + id() + "/policy")
                    .then()
                    .statusCode(200);
        }
    }

    public static TestSite newSite() {
        Api.TestSite site = Api.newSite();
        String article = "a-" + UUID.randomUUID();
        String ingest = site.key("ingest");
        as(ingest)
                .body(Map.of(
                        "title",
                        "Council approves new tram line",
                        "body",
                        "The city council approved the tram line after a long debate about costs."))
                .put("/api/v1/articles/" + article)
                .then()
                .statusCode(201);
        return new TestSite(site, ingest, site.key("moderator"), article);
    }
}
