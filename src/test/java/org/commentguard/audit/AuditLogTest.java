package org.commentguard.audit;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.commentguard.comment.Moderation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.commentguard.testing.Api.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
class AuditLogTest {

    @Inject
    AgroalDataSource db;

    @BeforeEach
    void scorer() {
        Moderation.useMarkerScorer();
    }

    @Test
    void automaticVerdictsAndModeratorActionsAreAuditedWithActorStatesAndRequestId() {
        Moderation.TestSite site = Moderation.newSite();
        String comment = site.comment("u", "rude {toxicity=0.8}");
        String item = as(site.moderator()).get("/api/v1/queue").then().extract().path("items[0].id");
        as(site.moderator())
                .header("X-Request-Id", "req-audit-12345")
                .body(Map.of("action", "reject", "reason", "toxicity", "note", "clear insult"))
                .post("/api/v1/queue/" + item + "/decision")
                .then()
                .statusCode(200);
        as(site.moderator())
                .get("/api/v1/audit?commentId=" + comment)
                .then()
                .statusCode(200)
                .body("items.action", contains("comment.verdict", "comment.rejected"))
                .body("items[0].actor", equalTo("system:toxicity@marker@test"))
                .body("items[0].policyVersion", equalTo(0))
                .body("items[0].after.status", equalTo("PENDING"))
                .body("items[0].after.models.toxicity", equalTo("marker@test"))
                .body("items[1].actor", startsWith("key:moderator-"))
                .body("items[1].before.status", equalTo("PENDING"))
                .body("items[1].after.status", equalTo("REJECTED"))
                .body("items[1].reason", equalTo("toxicity"))
                .body("items[1].note", equalTo("clear insult"))
                .body("items[1].requestId", equalTo("req-audit-12345"));
        String actor = as(site.moderator())
                .get("/api/v1/audit?commentId=" + comment)
                .then()
                .extract()
                .path("items[1].actor");
        as(site.moderator()).get("/api/v1/audit?actor=" + actor).then().body("items", hasSize(1));
        as(site.moderator())
                .get("/api/v1/audit?from=" + Instant.now().plusSeconds(3600))
                .then()
                .body("items", hasSize(0));
        as(site.moderator()).get("/api/v1/audit?from=yesterday").then().statusCode(400);
        // A valid Instant that PostgreSQL's timestamp cannot hold (found by the fuzz test: it was a 500).
        as(site.moderator())
                .get("/api/v1/audit?from=-999999999-01-01T00:00:00Z")
                .then()
                .statusCode(400)
                .body("code", org.hamcrest.Matchers.equalTo("validation_failed"));
        as(site.moderator()).get("/api/v1/audit?commentId=42").then().statusCode(400);
        as(site.ingest()).get("/api/v1/audit").then().statusCode(403);
        as(Moderation.newSite().moderator())
                .get("/api/v1/audit?commentId=" + comment)
                .then()
                .body("items", hasSize(0));
    }

    @Test
    void verdictsDecidedByWordListsNameThePolicyVersionAsActor() {
        Moderation.TestSite site = Moderation.newSite();
        site.setPolicy(Map.of("blockTerms", java.util.List.of("grifter")));
        String comment = site.comment("u", "grifter");
        as(site.moderator())
                .get("/api/v1/audit?commentId=" + comment)
                .then()
                .body("items[0].actor", equalTo("system:policy@v1"))
                .body("items[0].reason", equalTo("term.blocked"));
    }

    @Test
    void theDatabaseRefusesToChangeOrDeleteAuditEntries() throws SQLException {
        Moderation.TestSite site = Moderation.newSite();
        site.comment("u", "anything");
        try (Connection c = db.getConnection();
                Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeUpdate("UPDATE audit_entry SET actor = 'mallory'"))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> s.executeUpdate("DELETE FROM audit_entry")).hasMessageContaining("append-only");
            var rs = s.executeQuery("SELECT count(*) FROM audit_entry WHERE actor = 'mallory'");
            rs.next();
            assertThat(rs.getLong(1)).isZero();
        }
    }
}
