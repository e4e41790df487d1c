package org.commentguard.quota;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** A site's stored quota overrides; one row per site, replaced as a whole by the platform administrator. */
@Entity
@Table(name = "site_quota")
public class SiteQuota extends PanacheEntityBase {

    @Id
    @Column(name = "site_id")
    public UUID siteId;

    @Column(name = "site_requests_per_second")
    public Double siteRequestsPerSecond;

    @Column(name = "site_burst")
    public Integer siteBurst;

    @Column(name = "site_max_concurrent")
    public Integer siteMaxConcurrent;

    @Column(name = "key_requests_per_second")
    public Double keyRequestsPerSecond;

    @Column(name = "key_burst")
    public Integer keyBurst;

    @Column(name = "key_max_concurrent")
    public Integer keyMaxConcurrent;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;

    protected SiteQuota() {}

    SiteQuota(UUID siteId) {
        this.siteId = siteId;
    }

    static Optional<SiteQuota> ofSite(UUID siteId) {
        return findByIdOptional(siteId);
    }

    QuotaOverrides overrides() {
        return new QuotaOverrides(
                siteRequestsPerSecond, siteBurst, siteMaxConcurrent, keyRequestsPerSecond, keyBurst, keyMaxConcurrent);
    }

    void replace(QuotaOverrides o, Instant now, String actor) {
        siteRequestsPerSecond = o.siteRequestsPerSecond();
        siteBurst = o.siteBurst();
        siteMaxConcurrent = o.siteMaxConcurrent();
        keyRequestsPerSecond = o.keyRequestsPerSecond();
        keyBurst = o.keyBurst();
        keyMaxConcurrent = o.keyMaxConcurrent();
        updatedAt = now;
        updatedBy = actor;
    }
}
