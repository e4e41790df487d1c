package org.commentguard.learning;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** One fitted version of a site's verdict model. Rows are never updated: a refit is a new version. */
@Entity
@Table(name = "site_verdict_model")
@NamedQueries({
    @NamedQuery(
            name = "SiteVerdictModel.ofVersion",
            query = "from SiteVerdictModel m where m.siteId = ?1 " + "and m.version = ?2"),
    @NamedQuery(
            name = "SiteVerdictModel.ofSite",
            query = "from SiteVerdictModel m where m.siteId = ?1 " + "order by m.version desc")
})
public class SiteVerdictModel extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "site_id", nullable = false)
    public UUID siteId;

    @Column(nullable = false)
    public int version;

    /** JSON list of feature names, in weight order. */
    @Column(nullable = false)
    public String features;

    /** JSON list of weights, the intercept last. */
    @Column(nullable = false)
    public String weights;

    /** JSON of {@link SiteVerdictTraining.Metrics}. */
    @Column(nullable = false)
    public String metrics;

    @Column(nullable = false)
    public int examples;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    protected SiteVerdictModel() {}

    SiteVerdictModel(
            UUID siteId,
            int version,
            String features,
            String weights,
            String metrics,
            int examples,
            Instant createdAt,
            String createdBy) {
        this.id = UUID.randomUUID();
        this.siteId = siteId;
        this.version = version;
        this.features = features;
        this.weights = weights;
        this.metrics = metrics;
        this.examples = examples;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
    }

    /** The version name every score it touches carries: {@code site-verdict@<site>-<n>}. */
    public static String name(UUID siteId, int version) {
        return "site-verdict@" + siteId + "-" + version;
    }

    static Optional<SiteVerdictModel> of(UUID siteId, int version) {
        return find("#SiteVerdictModel.ofVersion", siteId, version).firstResultOptional();
    }

    static List<SiteVerdictModel> ofSite(UUID siteId, int limit) {
        return find("#SiteVerdictModel.ofSite", siteId).page(0, limit).list();
    }
}
