package org.commentguard.learning;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A site's re-scoring after a model change; see {@link ModelRescoring}. */
@Entity
@Table(name = "rescore_job")
public class RescoreJob extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "site_id", nullable = false)
    public UUID siteId;

    @Column(name = "models_before", nullable = false)
    public String modelsBefore;

    @Column(name = "models_after", nullable = false)
    public String modelsAfter;

    @Column(nullable = false)
    public Instant since;

    @Column(name = "max_comments", nullable = false)
    public int maxComments;

    /** RUNNING or DONE. */
    @Column(nullable = false)
    public String state;

    @Column(name = "cursor_created_at")
    public Instant cursorCreatedAt;

    @Column(name = "cursor_id")
    public UUID cursorId;

    @Column(nullable = false)
    public int evaluated;

    @Column(nullable = false)
    public int changed;

    @Column(name = "counts_before", nullable = false)
    public String countsBefore;

    @Column(name = "counts_after", nullable = false)
    public String countsAfter;

    /** JSON list of {@link org.commentguard.policy.PolicyDryRun.Change}, at most {@link ModelRescoring#MAX_CHANGES}. */
    @Column(nullable = false)
    public String changes;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    protected RescoreJob() {}

    RescoreJob(UUID siteId, String before, String after, Instant since, int maxComments, Instant now) {
        this.id = UUID.randomUUID();
        this.siteId = siteId;
        this.modelsBefore = before;
        this.modelsAfter = after;
        this.since = since;
        this.maxComments = maxComments;
        this.state = "RUNNING";
        this.countsBefore = "{}";
        this.countsAfter = "{}";
        this.changes = "[]";
        this.createdAt = now;
    }
}
