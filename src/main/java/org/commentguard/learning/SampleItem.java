package org.commentguard.learning;

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
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A comment drawn into the blind quality sample, and the moderator's decision on it once made. */
@Entity
@Table(name = "sample_item")
@NamedQueries({
    @NamedQuery(
            name = "SampleItem.open",
            query = "from SampleItem s where s.siteId = ?1 and s.decidedAt is null "
                    + "and (s.createdAt > ?2 or (s.createdAt = ?2 and s.id > ?3)) order by s.createdAt, s.id"),
    @NamedQuery(
            name = "SampleItem.createdSince",
            query = "select count(s) from SampleItem s where s.siteId = ?1 " + "and s.createdAt >= ?2"),
    @NamedQuery(
            name = "SampleItem.decidedBetween",
            query = "from SampleItem s where s.siteId = ?1 "
                    + "and s.decidedAt is not null and s.createdAt >= ?2 and s.createdAt < ?3")
})
public class SampleItem extends PanacheEntityBase {

    public enum Decision {
        APPROVE,
        REJECT
    }

    @Id
    public UUID id;

    @Column(name = "site_id", nullable = false)
    public UUID siteId;

    @Column(name = "comment_id", nullable = false)
    public UUID commentId;

    /** The automatic verdict the sample checks: PUBLISHED or REJECTED. Never shown to the deciding moderator. */
    @Enumerated(EnumType.STRING)
    @Column(name = "auto_status", nullable = false)
    public CommentStatus autoStatus;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Enumerated(EnumType.STRING)
    public Decision decision;

    public String reason;

    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "decided_at")
    public Instant decidedAt;

    /** Whether the decision was also applied to the comment's status (only when the moderator asked). */
    @Column(nullable = false)
    public boolean applied;

    protected SampleItem() {}

    SampleItem(UUID siteId, UUID commentId, CommentStatus autoStatus, Instant now) {
        this.id = UUID.randomUUID();
        this.siteId = siteId;
        this.commentId = commentId;
        this.autoStatus = autoStatus;
        this.createdAt = now;
    }

    void decide(Decision decision, String reason, String actor, boolean applied, Instant now) {
        this.decision = decision;
        this.reason = reason;
        this.decidedBy = actor;
        this.applied = applied;
        this.decidedAt = now;
    }

    /** Whether the moderator disagreed with the automatic verdict. */
    boolean overturned() {
        return decision != null && (decision == Decision.REJECT) != (autoStatus == CommentStatus.REJECTED);
    }

    static Optional<SampleItem> lockedOfSite(UUID siteId, UUID id) {
        return SampleItem.<SampleItem>findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .filter(s -> s.siteId.equals(siteId));
    }

    static List<SampleItem> open(UUID siteId, Instant afterCreated, UUID afterId, int limit) {
        return find("#SampleItem.open", siteId, afterCreated, afterId)
                .page(0, limit)
                .list();
    }

    static long createdSince(UUID siteId, Instant since) {
        return getEntityManager()
                .createNamedQuery("SampleItem.createdSince", Long.class)
                .setParameter(1, siteId)
                .setParameter(2, since)
                .getSingleResult();
    }

    static List<SampleItem> decidedBetween(UUID siteId, Instant from, Instant to) {
        return find("#SampleItem.decidedBetween", siteId, from, to).list();
    }

    static boolean existsFor(UUID commentId) {
        return count("commentId", commentId) > 0;
    }
}
