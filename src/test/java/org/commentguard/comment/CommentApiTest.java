package org.commentguard.comment;

import io.quarkus.test.junit.QuarkusTest;
import org.commentguard.scoring.ScoringContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.commentguard.testing.Api.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class CommentApiTest {

    @BeforeEach
    void scorer() {
        Moderation.useMarkerScorer();
    }

    @Test
    void articleRegistrationIsAnIdempotentUpsertPerSite() {
        Moderation.TestSite site = Moderation.newSite();
        String id = "art-" + UUID.randomUUID();
        String first = as(site.ingest())
                .body(Map.of("title", "Old title", "body", "Text one"))
                .put("/api/v1/articles/" + id)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as(site.ingest())
                .body(Map.of(
                        "title",
                        "New title",
                        "url",
                        "https://news.example/a",
                        "html",
                        "<html><head><title>x</title><script>var a=1;</script></head><body><p>Fresh &amp; "
                                + "clean</p><p>text</p></body></html>"))
                .put("/api/v1/articles/" + id)
                .then()
                .statusCode(200)
                .body("id", equalTo(first))
                .body("title", equalTo("New title"))
                .body("text", equalTo("Fresh & clean\n\ntext"));
        as(site.moderator())
                .get("/api/v1/articles/" + id)
                .then()
                .statusCode(200)
                .body("title", equalTo("New title"));
        Moderation.TestSite other = Moderation.newSite();
        as(other.ingest()).get("/api/v1/articles/" + id).then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void articleNeedsExactlyOneOfBodyAndHtml() {
        Moderation.TestSite site = Moderation.newSite();
        as(site.ingest())
                .body(Map.of("title", "T"))
                .put("/api/v1/articles/x1")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("validation_failed"));
        as(site.ingest())
                .body(Map.of("title", "T", "body", "a", "html", "<p>b</p>"))
                .put("/api/v1/articles/x1")
                .then()
                .statusCode(400)
                .body("code", equalTo("validation_failed"));
        as(site.ingest())
                .body(Map.of("body", "a"))
                .put("/api/v1/articles/x1")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("title"));
        as(site.moderator())
                .body(Map.of("title", "T", "body", "a"))
                .put("/api/v1/articles/x1")
                .then()
                .statusCode(403);
    }

    @Test
    void cleanCommentIsPublishedWithScoresAndPolicyVersion() {
        Moderation.TestSite site = Moderation.newSite();
        site.post("c1", "u1", "Trams are a good idea {toxicity=0.05}").statusCode();
        var r = site.post("c2", "u1", "I agree with the council {toxicity=0.1}");
        assertThat(r.statusCode()).isEqualTo(201);
        assertThat((String) r.path("status")).isEqualTo("PUBLISHED");
        assertThat((List<String>) r.path("reasons")).isEmpty();
        assertThat((Float) r.path("scores.toxicity")).isEqualTo(0.1f);
        assertThat(r.jsonPath().getMap("scores")).containsKey("spam").containsEntry("spam", null);
        assertThat((Integer) r.path("policyVersion")).isEqualTo(0);
    }

    @Test
    void toxicCommentIsQueuedAndVeryToxicOneRejected() {
        Moderation.TestSite site = Moderation.newSite();
        var queued = site.post("q1", "u1", "You are all fools {toxicity=0.8}");
        assertThat((String) queued.path("status")).isEqualTo("PENDING");
        assertThat((List<String>) queued.path("reasons")).containsExactly("toxicity.review");
        var rejected = site.post("r1", "u1", "Vile abuse {toxicity=0.99}");
        assertThat((String) rejected.path("status")).isEqualTo("REJECTED");
        assertThat((List<String>) rejected.path("reasons")).containsExactly("toxicity.reject");
    }

    @Test
    void scorerFailureHoldsTheCommentForReviewByDefault() {
        Moderation.TestSite site = Moderation.newSite();
        var r = site.post("f1", "u1", "Something {fail}");
        assertThat((String) r.path("status")).isEqualTo("PENDING");
        assertThat((List<String>) r.path("reasons")).containsExactly("scorer.failed");
    }

    @Test
    void repostingTheSameExternalIdAnswersTheStoredVerdictWithoutADuplicate() {
        Moderation.TestSite site = Moderation.newSite();
        var first = site.post("dup", "u1", "Hello {toxicity=0.8}");
        var again = site.post("dup", "u1", "A different text {toxicity=0.01}");
        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(again.asString()).isEqualTo(first.asString());
        as(site.ingest())
                .get("/api/v1/comments?article=" + site.article())
                .then()
                .statusCode(200)
                .body("items", hasSize(1));
    }

    @Test
    void concurrentPostsOfTheSameCommentStoreItOnce() throws Exception {
        Moderation.TestSite site = Moderation.newSite();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Callable<String>> posts = java.util.Collections.nCopies(
                    6,
                    () -> site.post("race", "u-race", "Same comment {toxicity=0.2}")
                            .path("id"));
            Set<String> ids = new HashSet<>();
            for (Future<String> f : pool.invokeAll(posts)) {
                ids.add(f.get());
            }
            assertThat(ids).hasSize(1).doesNotContainNull();
        } finally {
            pool.shutdownNow();
        }
        as(site.ingest())
                .get("/api/v1/comments?article=" + site.article())
                .then()
                .body("items", hasSize(1));
    }

    @Test
    void scorersGetArticleParentSiteTermsAndRecentTexts() {
        Moderation.TestSite site = Moderation.newSite();
        site.setPolicy(Map.of("blockTerms", List.of("grifter"), "allowTerms", List.of("hell")));
        site.post("p1", "u1", "The parent comment");
        site.postReply("p2", "p1", "u2", "A reply");
        ScoringContext ctx = MarkerScorer.LAST.get();
        assertThat(ctx.text()).isEqualTo("A reply");
        assertThat(ctx.parent()).contains("The parent comment");
        assertThat(ctx.article())
                .get()
                .extracting(ScoringContext.ArticleText::title)
                .isEqualTo("Council approves new tram line");
        assertThat(ctx.site().blockTerms()).containsExactly("grifter");
        assertThat(ctx.site().allowTerms()).containsExactly("hell");
        assertThat(ctx.site().recentTexts()).containsExactly("The parent comment");
    }

    @Test
    void unknownArticleOrParentIsAClientError() {
        Moderation.TestSite site = Moderation.newSite();
        as(site.ingest())
                .body(Map.of("externalId", "x", "articleId", "nope", "author", Map.of("id", "u"), "text", "hi"))
                .post("/api/v1/comments")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("unknown_article"));
        var r = site.postReply("x2", "nope", "u", "hi");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat((String) r.path("code")).isEqualTo("unknown_parent");
    }

    @Test
    void badCommentInputAnswersProblemJson() {
        Moderation.TestSite site = Moderation.newSite();
        assertThat((String) site.post("e1", "u", "   ").path("code")).isEqualTo("comment_empty");
        var tooLong = site.post("e2", "u", "x".repeat(20_001));
        assertThat(tooLong.statusCode()).isEqualTo(413);
        assertThat((String) tooLong.path("code")).isEqualTo("comment_too_long");
        as(site.ingest())
                .body(Map.of("externalId", "e3", "articleId", site.article(), "text", "hi"))
                .post("/api/v1/comments")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("author"));
        as(site.moderator())
                .body(Map.of("externalId", "e4"))
                .post("/api/v1/comments")
                .then()
                .statusCode(403);
        as(site.ingest())
                .get("/api/v1/comments?status=lost")
                .then()
                .statusCode(400)
                .body("code", equalTo("validation_failed"));
        as(site.ingest()).get("/api/v1/comments?cursor=garbage!").then().statusCode(400);
        // Nothing half-stored: none of the refused comments exists.
        as(site.ingest()).get("/api/v1/comments").then().body("items", hasSize(0));
    }

    @Test
    void commentsOfAnotherSiteAreInvisible() {
        Moderation.TestSite site = Moderation.newSite();
        Moderation.TestSite other = Moderation.newSite();
        String id = site.comment("u1", "Mine");
        as(site.moderator())
                .get("/api/v1/comments/" + id)
                .then()
                .statusCode(200)
                .body("text", equalTo("Mine"));
        as(other.ingest()).get("/api/v1/comments/" + id).then().statusCode(404);
        as(other.ingest())
                .body(Map.of("text", "hijack"))
                .put("/api/v1/comments/" + id)
                .then()
                .statusCode(404);
        as(other.ingest()).get("/api/v1/comments").then().body("items", hasSize(0));
    }

    @Test
    void listingPagesThroughCommentsNewestFirstByArticleAndStatus() {
        Moderation.TestSite site = Moderation.newSite();
        for (int i = 0; i < 5; i++) {
            site.post("l" + i, "u1", "Comment " + i + (i % 2 == 0 ? " {toxicity=0.8}" : ""));
        }
        var page1 = as(site.ingest())
                .get("/api/v1/comments?article=" + site.article() + "&limit=2")
                .then()
                .statusCode(200)
                .body("items", hasSize(2))
                .body("nextCursor", notNullValue())
                .extract();
        List<String> seen = new java.util.ArrayList<>(page1.jsonPath().getList("items.externalId"));
        String cursor = page1.path("nextCursor");
        while (cursor != null) {
            var page = as(site.ingest())
                    .get("/api/v1/comments?limit=2&cursor=" + cursor)
                    .then()
                    .statusCode(200)
                    .extract();
            seen.addAll(page.jsonPath().getList("items.externalId"));
            cursor = page.path("nextCursor");
        }
        assertThat(seen).containsExactly("l4", "l3", "l2", "l1", "l0");
        as(site.ingest())
                .get("/api/v1/comments?status=pending")
                .then()
                .statusCode(200)
                .body("items.externalId", contains("l4", "l2", "l0"));
    }

    @Test
    void editedCommentIsRescoredAndRemoderated() {
        Moderation.TestSite site = Moderation.newSite();
        String id = site.comment("u1", "Fine words {toxicity=0.1}");
        as(site.ingest())
                .body(Map.of("text", "Now nasty {toxicity=0.8}"))
                .put("/api/v1/comments/" + id)
                .then()
                .statusCode(200)
                .body("status", equalTo("PENDING"))
                .body("reasons", contains("toxicity.review"));
        as(site.moderator())
                .get("/api/v1/queue?status=open")
                .then()
                .body("items", hasSize(1))
                .body("items[0].cause", equalTo("edit"));
        as(site.ingest())
                .body(Map.of("text", "Fine again {toxicity=0.1}"))
                .put("/api/v1/comments/" + id)
                .then()
                .statusCode(200)
                .body("status", equalTo("PUBLISHED"));
        as(site.moderator()).get("/api/v1/queue?status=open").then().body("items", hasSize(0));
        as(site.ingest())
                .get("/api/v1/comments/" + id)
                .then()
                .body("text", equalTo("Fine again {toxicity=0.1}"))
                .body("editedAt", notNullValue())
                .body("parentId", nullValue());
        as(site.ingest())
                .body(Map.of("text", ""))
                .put("/api/v1/comments/" + id)
                .then()
                .statusCode(400)
                .body("code", equalTo("comment_empty"));
    }

    @Test
    void censoredTermsAreMaskedInTheDisplayTextOnly() {
        Moderation.TestSite site = Moderation.newSite();
        site.setPolicy(Map.of("censorTerms", List.of("darn")));
        String id = site.comment("u1", "Well darn, trams again");
        as(site.ingest())
                .get("/api/v1/comments/" + id)
                .then()
                .body("text", equalTo("Well darn, trams again"))
                .body("displayText", equalTo("Well d***, trams again"))
                .body("status", equalTo("PUBLISHED"))
                .body("reasons", contains("term.censored"));
    }

    @Test
    void statsCountVerdictsAndQueue() {
        Moderation.TestSite site = Moderation.newSite();
        site.comment("u1", "ok");
        site.comment("u1", "meh {toxicity=0.8}");
        site.comment("u1", "bad {toxicity=0.99}");
        as(site.moderator())
                .get("/api/v1/stats?days=7")
                .then()
                .statusCode(200)
                .body("verdictsPerDay[0].published", equalTo(1))
                .body("verdictsPerDay[0].pending", equalTo(1))
                .body("verdictsPerDay[0].rejected", equalTo(1))
                .body("queueDepth", equalTo(1))
                .body("reversalRate", nullValue());
        as(site.ingest()).get("/api/v1/stats").then().statusCode(403);
        as(Moderation.newSite().moderator())
                .get("/api/v1/stats")
                .then()
                .statusCode(200)
                .body("verdictsPerDay", hasSize(0))
                .body("queueDepth", equalTo(0));
        as(site.moderator()).get("/api/v1/stats?days=0").then().statusCode(400).body("detail", containsString("days"));
    }
}
