package org.commentguard.site;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A site's API key. Only the SHA-256 of the secret is stored; the secret itself is shown once, at issue. */
@Entity
@Table(name = "api_key")
@NamedQueries({
    @NamedQuery(name = "ApiKey.byHash", query = "from ApiKey k where k.secretHash = ?1"),
    @NamedQuery(name = "ApiKey.bySite", query = "from ApiKey k where k.siteId = ?1 order by k.createdAt, k.id"),
    @NamedQuery(
            name = "ApiKey.touch",
            query = "update ApiKey k set k.lastUsedAt = ?2 where k.id = ?1 "
                    + "and (k.lastUsedAt is null or k.lastUsedAt < ?3)")
})
public class ApiKey extends PanacheEntityBase {

    /** Recording every use would turn each read into a write; a minute's precision is enough for "last used". */
    static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);

    @Id
    public UUID id;

    @Column(name = "site_id", nullable = false)
    public UUID siteId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public Role role;

    @Column(nullable = false, length = 200)
    public String label;

    @Column(name = "display_prefix", nullable = false, length = 32)
    public String displayPrefix;

    @Column(name = "secret_hash", nullable = false, length = 64, columnDefinition = "bpchar(64)")
    public String secretHash;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "last_used_at")
    public Instant lastUsedAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    protected ApiKey() {}

    ApiKey(UUID siteId, Role role, String label, String displayPrefix, String secretHash, Instant createdAt) {
        this.id = UUID.randomUUID();
        this.siteId = siteId;
        this.role = role;
        this.label = label;
        this.displayPrefix = displayPrefix;
        this.secretHash = secretHash;
        this.createdAt = createdAt;
    }

    public static Optional<ApiKey> byHash(String hash) {
        return find("#ApiKey.byHash", hash).firstResultOptional();
    }

    public static List<ApiKey> ofSite(UUID siteId) {
        return find("#ApiKey.bySite", siteId).list();
    }

    public static Optional<ApiKey> ofSite(UUID siteId, UUID keyId) {
        return ApiKey.<ApiKey>findByIdOptional(keyId).filter(k -> k.siteId.equals(siteId));
    }

    public boolean isActive() {
        return revokedAt == null;
    }

    /** Revokes the key; revoking twice keeps the first revocation time. */
    public void revoke(Instant now) {
        if (revokedAt == null) {
            revokedAt = now;
        }
    }

    /** Records use without loading the entity; a no-op within {@link #LAST_USED_PRECISION} of the last record. */
    static void touch(UUID id, Instant now) {
        update("#ApiKey.touch", id, now, now.minus(LAST_USED_PRECISION));
    }
}
