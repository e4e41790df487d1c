package org.commentguard.policy;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** One stored version of a site's policy overrides. Versions are only ever added, never changed. */
@Entity
@Table(name = "site_policy")
@NamedQueries({
    @NamedQuery(
            name = "SitePolicyVersion.latest",
            query = "from SitePolicyVersion p where p.siteId = ?1 order by p.version desc")
})
public class SitePolicyVersion extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "site_id", nullable = false)
    public UUID siteId;

    @Column(nullable = false)
    public int version;

    /** The overrides as JSON ({@link PolicyOverrides}). */
    @Column(nullable = false)
    public String overrides;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    protected SitePolicyVersion() {}

    SitePolicyVersion(UUID siteId, int version, String overrides, Instant createdAt, String createdBy) {
        this.id = UUID.randomUUID();
        this.siteId = siteId;
        this.version = version;
        this.overrides = overrides;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
    }

    static Optional<SitePolicyVersion> latest(UUID siteId) {
        return find("#SitePolicyVersion.latest", siteId).firstResultOptional();
    }
}
