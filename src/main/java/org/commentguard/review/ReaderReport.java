package org.commentguard.review;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A reader's report of a comment. Its outcome, set when a moderator decides, builds the reporter's record. */
@Entity
@Table(name = "reader_report")
@NamedQueries({
    @NamedQuery(
            name = "ReaderReport.byReporter",
            query = "from ReaderReport r where r.commentId = ?1 " + "and r.reporterId = ?2"),
    @NamedQuery(
            name = "ReaderReport.undecidedOfComment",
            query = "from ReaderReport r where r.commentId = ?1 " + "and r.outcome is null"),
    @NamedQuery(
            name = "ReaderReport.countOfComment",
            query = "select count(r) from ReaderReport r " + "where r.commentId = ?1"),
    @NamedQuery(
            name = "ReaderReport.recordOfReporter",
            query = "select r.outcome, count(r) from ReaderReport r "
                    + "where r.siteId = ?1 and r.reporterId = ?2 and r.outcome is not null group by r.outcome")
})
public class ReaderReport extends PanacheEntityBase {

    public enum Outcome {
        UPHELD,
        DISMISSED
    }

    @Id
    public UUID id;

    @Column(name = "site_id", nullable = false)
    public UUID siteId;

    @Column(name = "comment_id", nullable = false)
    public UUID commentId;

    @Column(name = "reporter_id", nullable = false)
    public String reporterId;

    @Column(nullable = false)
    public String reason;

    @Column(nullable = false)
    public double weight;

    @Enumerated(EnumType.STRING)
    public Outcome outcome;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    protected ReaderReport() {}

    ReaderReport(UUID siteId, UUID commentId, String reporterId, String reason, double weight, Instant now) {
        this.id = UUID.randomUUID();
        this.siteId = siteId;
        this.commentId = commentId;
        this.reporterId = reporterId;
        this.reason = reason;
        this.weight = weight;
        this.createdAt = now;
    }

    static Optional<ReaderReport> byReporter(UUID commentId, String reporterId) {
        return find("#ReaderReport.byReporter", commentId, reporterId).firstResultOptional();
    }

    static List<ReaderReport> undecidedOf(UUID commentId) {
        return find("#ReaderReport.undecidedOfComment", commentId).list();
    }

    static long countOf(UUID commentId) {
        return getEntityManager()
                .createNamedQuery("ReaderReport.countOfComment", Long.class)
                .setParameter(1, commentId)
                .getSingleResult();
    }

    /** Settles every undecided report of a comment with the moderator's outcome. */
    static void settle(UUID commentId, Outcome outcome) {
        undecidedOf(commentId).forEach(r -> r.outcome = outcome);
    }
}
