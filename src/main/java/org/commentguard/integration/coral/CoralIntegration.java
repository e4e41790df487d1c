package org.commentguard.integration.coral;

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

/** A site's Coral External Moderation Phase: the Coral tenant (and site) it answers for and the sealed secrets. */
@Entity
@Table(name = "coral_integration")
@NamedQueries({
    // The row for the request's Coral site wins over the tenant-wide one.
    @NamedQuery(
            name = "CoralIntegration.forRequest",
            query = "from CoralIntegration c where c.tenantId = ?1 "
                    + "and (c.coralSiteId = ?2 or c.coralSiteId is null) order by c.coralSiteId nulls last"),
    @NamedQuery(
            name = "CoralIntegration.sameTarget",
            query = "from CoralIntegration c where c.tenantId = ?1 "
                    + "and coalesce(c.coralSiteId, '') = ?2 and c.siteId <> ?3")
})
public class CoralIntegration extends PanacheEntityBase {

    @Id
    @Column(name = "site_id")
    public UUID siteId;

    @Column(name = "tenant_id", nullable = false)
    public String tenantId;

    @Column(name = "coral_site_id")
    public String coralSiteId;

    @Column(name = "body_format", nullable = false)
    public String bodyFormat;

    /** Sealed JSON list of {@link CoralIntegrations.StoredSecret}. */
    @Column(nullable = false)
    public String secrets;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;

    protected CoralIntegration() {}

    CoralIntegration(UUID siteId, Instant now) {
        this.siteId = siteId;
        this.createdAt = now;
    }

    static Optional<CoralIntegration> forRequest(String tenantId, String coralSiteId) {
        return find("#CoralIntegration.forRequest", tenantId, coralSiteId == null ? "" : coralSiteId)
                .firstResultOptional();
    }

    /** Another site already answering for the same tenant and Coral site. */
    static boolean takenByAnother(String tenantId, String coralSiteId, UUID siteId) {
        return find("#CoralIntegration.sameTarget", tenantId, coralSiteId == null ? "" : coralSiteId, siteId)
                .firstResultOptional()
                .isPresent();
    }
}
