package org.commentguard.review;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import org.commentguard.comment.CommentStatus;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** A comment waiting for (or decided by) a moderator. Claims are leases: an expired claim is no claim. */
@Entity
@Table(name = "review_item")
@NamedQueries({
    // The conditional update that makes claiming one item atomic: 1 row updated = won, 0 = lost.
    @NamedQuery(
            name = "ReviewItem.claim",
            query = "update ReviewItem r set r.claimedBy = :who, "
                    + "r.claimExpiresAt = :until where r.id = :id and r.siteId = :site and r.state = :open "
                    + "and (r.claimedBy is null or r.claimExpiresAt <= :now or r.claimedBy = :who)"),
    @NamedQuery(
            name = "ReviewItem.release",
            query = "update ReviewItem r set r.claimedBy = null, "
                    + "r.claimExpiresAt = null where r.id = :id and r.siteId = :site and r.claimedBy = :who "
                    + "and r.state = :open"),
    @NamedQuery(
            name = "ReviewItem.openOfComment",
            query = "from ReviewItem r where r.commentId = ?1 " + "and r.state = ?2"),
    @NamedQuery(
            name = "ReviewItem.latestDecidedOfComment",
            query = "from ReviewItem r where r.commentId = ?1 " + "and r.state = ?2 order by r.decidedAt desc")
})
public class ReviewItem extends PanacheEntityBase {

    public enum State {
        OPEN,
        DECIDED
    }

    /** Why the comment is in the queue. */
    public enum Cause {
        VERDICT,
        REPORTS,
        EDIT
    }

    public enum Decision {
        APPROVE,
        REJECT,
        SUPERSEDED
    }

    @Id
    public UUID id;

    @Column(name = "site_id", nullable = false)
    public UUID siteId;

    @Column(name = "comment_id", nullable = false)
    public UUID commentId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public State state;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Cause cause;

    @Column(nullable = false)
    public boolean escalated;

    /** Priority without the age bonus. */
    @Column(nullable = false)
    public double priority;

    @Column(nullable = false)
    public double rank;

    @Column(name = "report_weight", nullable = false)
    public double reportWeight;

    @Column(name = "claimed_by")
    public String claimedBy;

    @Column(name = "claim_expires_at")
    public Instant claimExpiresAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @Column(name = "decided_by")
    public String decidedBy;

    @Enumerated(EnumType.STRING)
    public Decision decision;

    @Column(name = "decision_reason")
    public String decisionReason;

    @Column(name = "decision_note")
    public String decisionNote;

    @Enumerated(EnumType.STRING)
    @Column(name = "status_before")
    public CommentStatus statusBefore;

    protected ReviewItem() {}

    ReviewItem(UUID siteId, UUID commentId, Cause cause, double priority, double ageWeight, Instant now) {
        this.id = UUID.randomUUID();
        this.siteId = siteId;
        this.commentId = commentId;
        this.state = State.OPEN;
        this.cause = cause;
        this.createdAt = now;
        reprioritise(priority, ageWeight);
    }

    void reprioritise(double priority, double ageWeight) {
        this.priority = priority;
        this.rank = ReviewPriority.rank(priority, createdAt, ageWeight);
    }

    /** Whether someone other than {@code actor} holds an unexpired claim. */
    public boolean claimedByOther(String actor, Instant now) {
        return claimedBy != null && !claimedBy.equals(actor) && claimExpiresAt != null && claimExpiresAt.isAfter(now);
    }

    public boolean isClaimed(Instant now) {
        return claimedBy != null && claimExpiresAt != null && claimExpiresAt.isAfter(now);
    }

    void decide(Decision decision, String actor, String reason, String note, CommentStatus before, Instant now) {
        this.state = State.DECIDED;
        this.decision = decision;
        this.decidedBy = actor;
        this.decisionReason = reason;
        this.decisionNote = note;
        this.statusBefore = before;
        this.decidedAt = now;
        this.claimedBy = null;
        this.claimExpiresAt = null;
    }

    /** Reopens a decided item (undo); the undoing moderator holds it. */
    void reopen(String actor, Instant claimUntil) {
        this.state = State.OPEN;
        this.decision = null;
        this.decidedBy = null;
        this.decisionReason = null;
        this.decisionNote = null;
        this.decidedAt = null;
        this.claimedBy = actor;
        this.claimExpiresAt = claimUntil;
    }

    public static Optional<ReviewItem> ofSite(UUID siteId, UUID id) {
        return ReviewItem.<ReviewItem>findByIdOptional(id).filter(r -> r.siteId.equals(siteId));
    }

    /** Loads the item with a row lock: decisions on one item are serialised. */
    static Optional<ReviewItem> lockedOfSite(UUID siteId, UUID id) {
        return ReviewItem.<ReviewItem>findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .filter(r -> r.siteId.equals(siteId));
    }

    public static Optional<ReviewItem> latestDecidedOfComment(UUID commentId) {
        return find("#ReviewItem.latestDecidedOfComment", commentId, State.DECIDED)
                .firstResultOptional();
    }

    public static Optional<ReviewItem> openOfComment(UUID commentId) {
        return find("#ReviewItem.openOfComment", commentId, State.OPEN).firstResultOptional();
    }
}
