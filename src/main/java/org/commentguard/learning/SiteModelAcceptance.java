package org.commentguard.learning;

import com.fasterxml.jackson.core.type.TypeReference;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.commentguard.platform.Json;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/** The model versions a site has accepted; see {@link ModelAcceptance}. */
@Entity
@Table(name = "site_model_acceptance")
public class SiteModelAcceptance extends PanacheEntityBase {

    private static final TypeReference<Map<String, String>> MODELS = new TypeReference<>() {};

    @Id
    @Column(name = "site_id")
    public UUID siteId;

    /** JSON object of model by scorer (and stage), keys sorted so that equal maps are equal strings. */
    @Column(nullable = false)
    public String models;

    @Column(name = "accepted_at", nullable = false)
    public Instant acceptedAt;

    @Column(name = "accepted_by", nullable = false)
    public String acceptedBy;

    protected SiteModelAcceptance() {}

    SiteModelAcceptance(UUID siteId, Map<String, String> models, Instant at, String by) {
        this.siteId = siteId;
        accept(models, at, by);
    }

    void accept(Map<String, String> versions, Instant at, String by) {
        this.models = json(versions);
        this.acceptedAt = at;
        this.acceptedBy = by;
    }

    Map<String, String> versions() {
        return read(models);
    }

    static String json(Map<String, String> versions) {
        return Json.write(new TreeMap<>(versions));
    }

    static Map<String, String> read(String json) {
        return Json.read(json, MODELS);
    }
}
