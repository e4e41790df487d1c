package org.commentguard.review;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.commentguard.comment.Moderation;
import org.commentguard.comment.MutableTestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.commentguard.testing.Api.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class ReviewQueueTest {

    @Inject
    MutableTestClock clock;

    @BeforeEach
    void scorer() {
        Moderation.useMarkerScorer();
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    static String itemOf(Moderation.TestSite site, String commentId) {
        return as(site.moderator())
                .get("/api/v1/queue?status=all&limit=100")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getString("items.find { it.comment.id == '" + commentId + "' }.id");
    }

    @Test
    void queueItemShowsCommentEvidenceArticleParentAndAuthorHistory() {
        Moderation.TestSite site = Moderation.newSite();
        site.post("parent", "u1", "Trams are late again");
        site.post("old", "u2", "Awful {toxicity=0.99}");
        site.postReply("reply", "parent", "u2", "You are a fool {insult=0.8}");
        as(site.moderator())
                .get("/api/v1/queue")
                .then()
                .statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].state", equalTo("open"))
                .body("items[0].comment.text", equalTo("You are a fool {insult=0.8}"))
                .body("items[0].comment.reasons", contains("insult.review"))
                .body("items[0].comment.spans[0].attribute", equalTo("insult"))
                .body("items[0].comment.models.toxicity", equalTo("marker@test"))
                .body("items[0].article.title", equalTo("Council approves new tram line"))
                .body("items[0].parent.text", equalTo("Trams are late again"))
                .body("items[0].author.id", equalTo("u2"))
                .body("items[0].author.rejected", equalTo(1))
                .body("items[0].author.pending", equalTo(1))
                .body("items[0].priority", notNullValue());
    }

    @Test
    void queueIsSortedByPriorityOrAgeAndFilteredAndPaged() {
        Moderation.TestSite site = Moderation.newSite();
        site.post("low", "a1", "meh {toxicity=0.71}");
        site.post("high", "a2", "bad {toxicity=0.9}");
        site.post("spam", "a3", "buy {spam=0.8}");
        String q = "/api/v1/queue";
        as(site.moderator()).get(q).then().body("items.comment.externalId", contains("high", "spam", "low"));
        as(site.moderator())
                .get(q + "?sort=oldest")
                .then()
                .body("items.comment.externalId", contains("low", "high", "spam"));
        as(site.moderator())
                .get(q + "?sort=newest")
                .then()
                .body("items.comment.externalId", contains("spam", "high", "low"));
        as(site.moderator()).get(q + "?reason=spam.review").then().body("items.comment.externalId", contains("spam"));
        as(site.moderator()).get(q + "?author=a1").then().body("items.comment.externalId", contains("low"));
        as(site.moderator()).get(q + "?article=" + site.article()).then().body("items", hasSize(3));
        as(site.moderator()).get(q + "?article=elsewhere").then().body("items", hasSize(0));
        as(site.moderator())
                .get(q + "?attribute=toxicity&minScore=0.8")
                .then()
                .body("items.comment.externalId", contains("high"));
        as(site.moderator())
                .get(q + "?attribute=toxicity&maxScore=0.8")
                .then()
                .body("items.comment.externalId", contains("low"));
        List<String> paged = new ArrayList<>();
        String cursor = null;
        do {
            var page = as(site.moderator())
                    .get(q + "?limit=1" + (cursor == null ? "" : "&cursor=" + cursor))
                    .then()
                    .statusCode(200)
                    .extract();
            paged.addAll(page.jsonPath().getList("items.comment.externalId"));
            cursor = page.path("nextCursor");
        } while (cursor != null);
        assertThat(paged).containsExactly("high", "spam", "low");
        as(site.moderator()).get(q + "?minScore=0.5").then().statusCode(400).body("code", equalTo("validation_failed"));
        as(site.moderator()).get(q + "?sort=random").then().statusCode(400);
        as(site.moderator()).get(q + "?status=lost").then().statusCode(400);
        as(site.ingest()).get(q).then().statusCode(403);
    }

    @Test
    void olderItemsRiseInPriorityWithAge() {
        Moderation.TestSite site = Moderation.newSite();
        site.post("old", "a1", "meh {toxicity=0.71}");
        clock.advance(Duration.ofHours(30));
        site.post("new", "a2", "bad {toxicity=0.9}");
        // 71 + 2 × 30 h beats 90.
        as(site.moderator()).get("/api/v1/queue").then().body("items.comment.externalId", contains("old", "new"));
    }

    @Test
    void claimingAnItemHeldByAnotherModeratorIsAConflict() {
        Moderation.TestSite site = Moderation.newSite();
        String other = site.site().key("moderator");
        String item = itemOf(site, site.comment("u", "bad {toxicity=0.8}"));
        as(site.moderator())
                .post("/api/v1/queue/" + item + "/claim")
                .then()
                .statusCode(200)
                .body("claimedBy", notNullValue())
                .body("claimExpiresAt", notNullValue());
        as(other)
                .post("/api/v1/queue/" + item + "/claim")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("code", equalTo("already_claimed"));
        as(other)
                .body(Map.of("action", "approve", "reason", "acceptable"))
                .post("/api/v1/queue/" + item + "/decision")
                .then()
                .statusCode(409)
                .body("code", equalTo("already_claimed"));
        as(other).post("/api/v1/queue/" + item + "/release").then().statusCode(409);
        as(site.moderator())
                .post("/api/v1/queue/" + item + "/release")
                .then()
                .statusCode(200)
                .body("claimedBy", nullValue());
        as(other).post("/api/v1/queue/" + item + "/claim").then().statusCode(200);
    }

    @Test
    void anExpiredClaimReturnsTheItemToTheQueue() {
        Moderation.TestSite site = Moderation.newSite();
        String other = site.site().key("moderator");
        String item = itemOf(site, site.comment("u", "bad {toxicity=0.8}"));
        as(site.moderator()).post("/api/v1/queue/claim").then().statusCode(200).body("id", equalTo(item));
        as(other).post("/api/v1/queue/claim").then().statusCode(204);
        clock.advance(Duration.ofMinutes(11));
        as(other).post("/api/v1/queue/claim").then().statusCode(200).body("id", equalTo(item));
        as(site.moderator())
                .body(Map.of("action", "reject", "reason", "toxicity"))
                .post("/api/v1/queue/" + item + "/decision")
                .then()
                .statusCode(409);
    }

    @Test
    void exactlyOneOfManyRacingModeratorsWinsEachItem() throws Exception {
        Moderation.TestSite site = Moderation.newSite();
        int moderators = 8;
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < moderators; i++) {
            keys.add(site.site().key("moderator"));
        }
        String contested = itemOf(site, site.comment("u", "contested {toxicity=0.9}"));
        for (int i = 0; i < 5; i++) {
            site.comment("u" + i, "queued " + i + " {toxicity=0.8}");
        }
        ExecutorService pool = Executors.newFixedThreadPool(moderators);
        try {
            // Everyone claims the same item at once.
            CountDownLatch start = new CountDownLatch(1);
            List<Callable<Integer>> claims = new ArrayList<>();
            for (String key : keys) {
                claims.add(() -> {
                    start.await();
                    return as(key).post("/api/v1/queue/" + contested + "/claim").statusCode();
                });
            }
            List<Future<Integer>> results = new ArrayList<>();
            claims.forEach(c -> results.add(pool.submit(c)));
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : results) {
                statuses.add(f.get());
            }
            assertThat(statuses).containsOnly(200, 409);
            assertThat(Collections.frequency(statuses, 200)).isEqualTo(1);

            // Everyone claims "next" twice at once: 5 open unclaimed items, 16 requests, each item won once.
            CountDownLatch go = new CountDownLatch(1);
            List<Future<String>> next = new ArrayList<>();
            for (String key : keys) {
                for (int round = 0; round < 2; round++) {
                    next.add(pool.submit(() -> {
                        go.await();
                        var r = as(key).post("/api/v1/queue/claim").then().extract();
                        return r.statusCode() == 200 ? r.path("id") : null;
                    }));
                }
            }
            go.countDown();
            List<String> won = new ArrayList<>();
            for (Future<String> f : next) {
                String id = f.get();
                if (id != null) {
                    won.add(id);
                }
            }
            assertThat(won).hasSize(5).doesNotHaveDuplicates().doesNotContain(contested);
        } finally {
            pool.shutdownNow();
        }
        as(site.moderator()).get("/api/v1/queue?status=unclaimed").then().body("items", hasSize(0));
    }

    @Test
    void concurrentDecisionsOnOneUnclaimedItemLetExactlyOneThrough() throws Exception {
        Moderation.TestSite site = Moderation.newSite();
        String comment = site.comment("u", "contested {toxicity=0.8}");
        String item = itemOf(site, comment);
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            keys.add(site.site().key("moderator"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(keys.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < keys.size(); i++) {
                String key = keys.get(i);
                String action = i % 2 == 0 ? "approve" : "reject";
                results.add(pool.submit(() -> {
                    start.await();
                    return as(key).body(Map.of("action", action, "reason", "acceptable"))
                            .post("/api/v1/queue/" + item + "/decision")
                            .statusCode();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : results) {
                statuses.add(f.get());
            }
            assertThat(Collections.frequency(statuses, 200)).isEqualTo(1);
            assertThat(statuses).containsOnly(200, 409);
        } finally {
            pool.shutdownNow();
        }
        as(site.moderator())
                .get("/api/v1/audit?commentId=" + comment)
                .then()
                .body(
                        "items.findAll { it.action == 'comment.approved' || it.action == 'comment.rejected' }",
                        hasSize(1));
    }

    @Test
    void decisionsChangeTheCommentAndCanBeUndoneWithinTheWindow() {
        Moderation.TestSite site = Moderation.newSite();
        String comment = site.comment("u", "borderline {toxicity=0.8}");
        String item = itemOf(site, comment);
        as(site.moderator())
                .body(Map.of("action", "approve", "reason", "false_positive", "note", "satire"))
                .post("/api/v1/queue/" + item + "/decision")
                .then()
                .statusCode(200)
                .body("state", equalTo("decided"))
                .body("decision", equalTo("approve"))
                .body("decisionNote", equalTo("satire"))
                .body("comment.status", equalTo("PUBLISHED"));
        as(site.moderator())
                .body(Map.of("action", "reject", "reason", "toxicity"))
                .post("/api/v1/queue/" + item + "/decision")
                .then()
                .statusCode(409)
                .body("code", equalTo("already_decided"));
        String other = site.site().key("moderator");
        as(other)
                .post("/api/v1/queue/" + item + "/undo")
                .then()
                .statusCode(409)
                .body("code", equalTo("not_your_decision"));
        as(site.moderator())
                .post("/api/v1/queue/" + item + "/undo")
                .then()
                .statusCode(200)
                .body("state", equalTo("open"))
                .body("comment.status", equalTo("PENDING"));
        as(site.moderator())
                .body(Map.of("action", "reject", "reason", "toxicity"))
                .post("/api/v1/queue/" + item + "/decision")
                .then()
                .statusCode(200)
                .body("comment.status", equalTo("REJECTED"));
        clock.advance(Duration.ofMinutes(16));
        as(site.moderator())
                .post("/api/v1/queue/" + item + "/undo")
                .then()
                .statusCode(409)
                .body("code", equalTo("undo_window_expired"));
        as(site.ingest())
                .get("/api/v1/comments/" + comment)
                .then()
                .body("status", equalTo("REJECTED"))
                .body("autoStatus", equalTo("PENDING"));
    }

    @Test
    void escalatedItemStaysQueuedWithHigherPriority() {
        Moderation.TestSite site = Moderation.newSite();
        String item = itemOf(site, site.comment("u", "hmm {threat=0.6}"));
        as(site.moderator()).post("/api/v1/queue/" + item + "/claim").then().statusCode(200);
        as(site.moderator())
                .body(Map.of("action", "escalate", "reason", "legal"))
                .post("/api/v1/queue/" + item + "/decision")
                .then()
                .statusCode(200)
                .body("state", equalTo("open"))
                .body("escalated", equalTo(true))
                .body("claimedBy", nullValue());
        as(site.moderator()).get("/api/v1/queue?status=escalated").then().body("items", hasSize(1));
    }

    @Test
    void badDecisionsAreRefusedWithProblems() {
        Moderation.TestSite site = Moderation.newSite();
        String item = itemOf(site, site.comment("u", "x {toxicity=0.8}"));
        String path = "/api/v1/queue/" + item + "/decision";
        as(site.moderator())
                .body(Map.of("action", "delete", "reason", "toxicity"))
                .post(path)
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("action"));
        as(site.moderator())
                .body(Map.of("action", "reject", "reason", "because"))
                .post(path)
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("reason"));
        as(site.moderator())
                .body(Map.of("action", "reject", "reason", "other"))
                .post(path)
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("note"));
        as(site.moderator())
                .body(Map.of("action", "reject", "reason", "toxicity"))
                .post("/api/v1/queue/00000000-0000-0000-0000-000000000000/decision")
                .then()
                .statusCode(404);
        Moderation.TestSite other = Moderation.newSite();
        as(other.moderator())
                .body(Map.of("action", "approve", "reason", "acceptable"))
                .post(path)
                .then()
                .statusCode(404);
        as(other.moderator()).post("/api/v1/queue/" + item + "/claim").then().statusCode(404);
        as(other.moderator()).post("/api/v1/queue/claim").then().statusCode(204);
        as(other.moderator()).get("/api/v1/queue/" + item).then().statusCode(404);
        as(other.moderator()).post("/api/v1/queue/" + item + "/undo").then().statusCode(404);
        as(other.moderator()).post("/api/v1/queue/" + item + "/release").then().statusCode(404);
        as(other.moderator()).get("/api/v1/queue").then().body("items", hasSize(0));
        as(site.ingest())
                .body(Map.of("action", "approve", "reason", "acceptable"))
                .post(path)
                .then()
                .statusCode(403);
        as(site.moderator()).get("/api/v1/queue/" + item).then().body("state", equalTo("open"));
    }

    @Test
    void bulkDecisionsSucceedOrFailItemByItem() {
        Moderation.TestSite site = Moderation.newSite();
        String a = itemOf(site, site.comment("u", "a {toxicity=0.8}"));
        String b = itemOf(site, site.comment("u", "b {toxicity=0.8}"));
        String held = site.site().key("moderator");
        as(held).post("/api/v1/queue/" + b + "/claim").then().statusCode(200);
        as(site.moderator())
                .body(Map.of(
                        "decisions",
                        List.of(
                                Map.of("itemId", a, "action", "reject", "reason", "toxicity"),
                                Map.of("itemId", b, "action", "reject", "reason", "toxicity"))))
                .post("/api/v1/queue/decisions")
                .then()
                .statusCode(200)
                .body("results.status", contains(200, 409))
                .body("results[1].code", equalTo("already_claimed"))
                .body("results[0].item.comment.status", equalTo("REJECTED"));
        as(site.moderator())
                .body(Map.of("decisions", List.of(Map.of("itemId", a, "action", "nope", "reason", "toxicity"))))
                .post("/api/v1/queue/decisions")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("decisions[0].action"));
        as(site.moderator())
                .body(Map.of("decisions", List.of()))
                .post("/api/v1/queue/decisions")
                .then()
                .statusCode(400);
    }

    @Test
    void weightedReaderReportsPutAPublishedCommentBackInTheQueue() {
        Moderation.TestSite site = Moderation.newSite();
        String comment = site.comment("u", "Looks fine {toxicity=0.2}");
        String path = "/api/v1/comments/" + comment + "/reports";
        as(site.ingest())
                .body(Map.of("reporterId", "r1", "reason", "abuse"))
                .post(path)
                .then()
                .statusCode(201)
                .body("weight", equalTo(1.0f))
                .body("queued", equalTo(false));
        as(site.ingest())
                .body(Map.of("reporterId", "r1", "reason", "abuse"))
                .post(path)
                .then()
                .statusCode(200)
                .body("duplicate", equalTo(true))
                .body("totalWeight", equalTo(1.0f));
        as(site.ingest())
                .body(Map.of("reporterId", "r2", "reason", "spam"))
                .post(path)
                .then()
                .statusCode(201)
                .body("queued", equalTo(false));
        as(site.ingest())
                .body(Map.of("reporterId", "r3", "reason", "hate"))
                .post(path)
                .then()
                .statusCode(201)
                .body("totalWeight", equalTo(3.0f))
                .body("queued", equalTo(true));
        String item = as(site.moderator())
                .get("/api/v1/queue")
                .then()
                .body("items", hasSize(1))
                .body("items[0].cause", equalTo("reports"))
                .body("items[0].reports", equalTo(3))
                .body("items[0].comment.status", equalTo("PUBLISHED"))
                .extract()
                .path("items[0].id");
        as(site.moderator())
                .body(Map.of("action", "reject", "reason", "harassment"))
                .post("/api/v1/queue/" + item + "/decision")
                .then()
                .statusCode(200);
        // Upheld reports make r1's next report weigh more than a newcomer's.
        String next = site.comment("u9", "Another one");
        as(site.ingest())
                .body(Map.of("reporterId", "r1", "reason", "abuse"))
                .post("/api/v1/comments/" + next + "/reports")
                .then()
                .statusCode(201)
                .body("weight", equalTo((float) (2.0 * 2 / 3)));
        as(site.ingest())
                .body(Map.of("reporterId", "r1", "reason", "because"))
                .post(path)
                .then()
                .statusCode(400);
        as(site.ingest()).body(Map.of("reason", "spam")).post(path).then().statusCode(400);
        as(site.moderator())
                .body(Map.of("reporterId", "r1", "reason", "spam"))
                .post(path)
                .then()
                .statusCode(403);
        Moderation.TestSite other = Moderation.newSite();
        as(other.ingest())
                .body(Map.of("reporterId", "r1", "reason", "spam"))
                .post(path)
                .then()
                .statusCode(404);
    }

    @Test
    void statsReportReversalsOfAutomaticVerdicts() {
        Moderation.TestSite site = Moderation.newSite();
        String comment = site.comment("u", "Looks fine");
        for (String r : List.of("r1", "r2", "r3")) {
            as(site.ingest())
                    .body(Map.of("reporterId", r, "reason", "abuse"))
                    .post("/api/v1/comments/" + comment + "/reports")
                    .then()
                    .statusCode(201);
        }
        String item = itemOf(site, comment);
        as(site.moderator())
                .body(Map.of("action", "reject", "reason", "harassment"))
                .post("/api/v1/queue/" + item + "/decision")
                .then()
                .statusCode(200);
        as(site.moderator())
                .get("/api/v1/stats")
                .then()
                .statusCode(200)
                .body("decisions", equalTo(1))
                .body("reversals", equalTo(1))
                .body("reversalRate", equalTo(1.0f))
                .body("queueDepth", equalTo(0));
    }
}
