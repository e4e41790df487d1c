package org.commentguard.audit;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.time.Instant;
import java.util.UUID;

/**
 * One line of the append-only audit log. {@link Immutable}: Hibernate never issues an UPDATE for it, and a
 * database trigger refuses UPDATE and DELETE from anyone else.
 */
@Entity
@Immutable
@Table(name = "audit_entry")
public class AuditEntry extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "site_id", nullable = false)
    public UUID siteId;

    @Column(name = "comment_id")
    public UUID commentId;

    @Column(name = "author_id")
    public UUID authorId;

    @Column(name = "review_item_id")
    public UUID reviewItemId;

    @Column(nullable = false)
    public String actor;

    @Column(nullable = false)
    public String action;

    @Column(name = "before_state")
    public String before;

    @Column(name = "after_state")
    public String after;

    public String reason;

    public String note;

    @Column(name = "request_id")
    public String requestId;

    @Column(name = "policy_version")
    public Integer policyVersion;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    protected AuditEntry() {}

    AuditEntry(AuditRecord r, String before, String after, Instant createdAt) {
        this.siteId = r.siteId();
        this.commentId = r.commentId();
        this.authorId = r.authorId();
        this.reviewItemId = r.reviewItemId();
        this.actor = r.acting().actor();
        this.action = r.action();
        this.before = before;
        this.after = after;
        this.reason = r.reason();
        this.note = r.note();
        this.requestId = r.acting().requestId();
        this.policyVersion = r.policyVersion();
        this.createdAt = createdAt;
    }
}
