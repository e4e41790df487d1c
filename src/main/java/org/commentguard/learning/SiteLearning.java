package org.commentguard.learning;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** A site's learning overrides; {@code null} fields take the service default. */
@Entity
@Table(name = "learning_settings")
public class SiteLearning extends PanacheEntityBase {

    @Id
    @Column(name = "site_id")
    public UUID siteId;

    @Column(name = "enabled_model_version")
    public Integer enabledModelVersion;

    @Column(name = "site_reject_review")
    public Double siteRejectReview;

    @Column(name = "site_reject_reject")
    public Double siteRejectReject;

    @Column(name = "sample_share")
    public Double sampleShare;

    @Column(name = "sample_daily_cap")
    public Integer sampleDailyCap;

    @Column(name = "identity_overturn_limit")
    public Double identityOverturnLimit;

    @Column(name = "export_text_days")
    public Integer exportTextDays;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;

    protected SiteLearning() {}

    SiteLearning(UUID siteId) {
        this.siteId = siteId;
    }

    static Optional<SiteLearning> of(UUID siteId) {
        return findByIdOptional(siteId);
    }
}
