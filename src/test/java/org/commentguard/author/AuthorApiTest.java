package org.commentguard.author;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.commentguard.comment.Moderation;
import org.commentguard.comment.MutableTestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.commentguard.testing.Api.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class AuthorApiTest {

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

    @Test
    void authorHistoryCountsCommentsByStatus() {
        Moderation.TestSite site = Moderation.newSite();
        site.comment("ann", "fine");
        site.comment("ann", "fine too");
        site.comment("ann", "hmm {toxicity=0.8}");
        site.comment("ann", "awful {toxicity=0.99}");
        as(site.moderator())
                .get("/api/v1/authors/ann")
                .then()
                .statusCode(200)
                .body("published", equalTo(2))
                .body("pending", equalTo(1))
                .body("rejected", equalTo(1))
                .body("recentComments", equalTo(4))
                .body("recentRejected", equalTo(1))
                .body("recentRejectionRate", equalTo(0.25f))
                .body("name", equalTo("Reader ann"))
                .body("banned", equalTo(false));
        as(site.moderator()).get("/api/v1/authors/nobody").then().statusCode(404);
        as(Moderation.newSite().moderator()).get("/api/v1/authors/ann").then().statusCode(404);
        as(site.ingest()).get("/api/v1/authors/ann").then().statusCode(403);
    }

    @Test
    void bannedAuthorsNewCommentsAreRejectedWithAClearReason() {
        Moderation.TestSite site = Moderation.newSite();
        site.comment("troll", "first");
        as(site.moderator())
                .body(Map.of("action", "ban", "reason", "repeated harassment"))
                .post("/api/v1/authors/troll")
                .then()
                .statusCode(200)
                .body("banned", equalTo(true))
                .body("sanctionReason", equalTo("repeated harassment"));
        var r = site.post("after-ban", "troll", "A perfectly civil remark");
        assertThat((String) r.path("status")).isEqualTo("REJECTED");
        assertThat((List<String>) r.path("reasons")).containsExactly("author.banned");
        as(site.moderator())
                .body(Map.of("action", "lift", "reason", "appeal granted"))
                .post("/api/v1/authors/troll")
                .then()
                .statusCode(200)
                .body("banned", equalTo(false));
        assertThat((String) site.post("after-lift", "troll", "Thanks").path("status"))
                .isEqualTo("PUBLISHED");
    }

    @Test
    void suspensionEndsByItself() {
        Moderation.TestSite site = Moderation.newSite();
        site.comment("hot", "first");
        as(site.moderator())
                .body(Map.of(
                        "action",
                        "suspend",
                        "reason",
                        "cool off",
                        "until",
                        Instant.now().plus(Duration.ofHours(1)).toString()))
                .post("/api/v1/authors/hot")
                .then()
                .statusCode(200)
                .body("suspended", equalTo(true));
        assertThat((List<String>) site.post("s1", "hot", "again").path("reasons"))
                .containsExactly("author.suspended");
        clock.advance(Duration.ofHours(2));
        assertThat((String) site.post("s2", "hot", "calm now").path("status")).isEqualTo("PUBLISHED");
    }

    @Test
    void alwaysPremoderatedAuthorWaitsForAModerator() {
        Moderation.TestSite site = Moderation.newSite();
        site.comment("watch", "first");
        as(site.moderator())
                .body(Map.of("action", "premoderate", "reason", "new account pattern"))
                .post("/api/v1/authors/watch")
                .then()
                .statusCode(200)
                .body("alwaysPremoderate", equalTo(true));
        var r = site.post("p1", "watch", "hello");
        assertThat((String) r.path("status")).isEqualTo("PENDING");
        assertThat((List<String>) r.path("reasons")).containsExactly("author.premoderated");
    }

    @Test
    void newAuthorsArePremoderatedUntilEnoughAreApproved() {
        Moderation.TestSite site = Moderation.newSite();
        site.setPolicy(Map.of("mode", "PRE_MODERATE_NEW_AUTHORS", "newAuthorApprovals", 1));
        String first = site.comment("newbie", "hello there");
        assertThat((String) as(site.ingest()).get("/api/v1/comments/" + first).path("status"))
                .isEqualTo("PENDING");
        String item = as(site.moderator()).get("/api/v1/queue").then().extract().path("items[0].id");
        as(site.moderator())
                .body(Map.of("action", "approve", "reason", "acceptable"))
                .post("/api/v1/queue/" + item + "/decision")
                .then()
                .statusCode(200);
        assertThat((String) site.post("n2", "newbie", "me again").path("status"))
                .isEqualTo("PUBLISHED");
    }

    @Test
    void sanctionsNeedAValidActionAndReasonAndAreAudited() {
        Moderation.TestSite site = Moderation.newSite();
        site.comment("x", "first");
        as(site.moderator())
                .body(Map.of("action", "ban"))
                .post("/api/v1/authors/x")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("reason"));
        as(site.moderator())
                .body(Map.of("action", "smite", "reason", "r"))
                .post("/api/v1/authors/x")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("action"));
        as(site.moderator())
                .body(Map.of("action", "suspend", "reason", "r"))
                .post("/api/v1/authors/x")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("until"));
        as(site.moderator())
                .body(Map.of("action", "ban", "reason", "spam bot"))
                .post("/api/v1/authors/x")
                .then()
                .statusCode(200);
        as(site.moderator())
                .get("/api/v1/audit?actor=")
                .then()
                .statusCode(200)
                .body("items.findAll { it.action == 'author.ban' }.reason", contains("spam bot"))
                .body("items.find { it.action == 'author.ban' }.before.banned", equalTo(false))
                .body("items.find { it.action == 'author.ban' }.after.banned", equalTo(true));
    }
}
