package org.commentguard.author;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** A comment author as the site knows them (its own user id), with the sanctions moderators imposed. */
@Entity
@Table(name = "author")
@NamedQueries({
    @NamedQuery(name = "Author.byExternalId", query = "from Author a where a.siteId = ?1 and a.externalId = ?2")
})
public class Author extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "site_id", nullable = false)
    public UUID siteId;

    @Column(name = "external_id", nullable = false)
    public String externalId;

    public String name;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(nullable = false)
    public boolean banned;

    @Column(name = "suspended_until")
    public Instant suspendedUntil;

    @Column(name = "always_premoderate", nullable = false)
    public boolean alwaysPremoderate;

    @Column(nullable = false)
    public boolean trusted;

    @Column(name = "sanction_reason")
    public String sanctionReason;

    @Column(name = "sanctioned_by")
    public String sanctionedBy;

    @Column(name = "sanctioned_at")
    public Instant sanctionedAt;

    protected Author() {}

    public static Optional<Author> byExternalId(UUID siteId, String externalId) {
        return find("#Author.byExternalId", siteId, externalId).firstResultOptional();
    }

    /**
     * The author {@code externalId} of a site, created on first sight. INSERT … ON CONFLICT DO NOTHING lets two
     * concurrent first comments of a new author share one row instead of failing.
     */
    public static Author findOrCreate(UUID siteId, String externalId, String name, Instant now) {
        Optional<Author> existing = byExternalId(siteId, externalId);
        if (existing.isEmpty()) {
            getEntityManager()
                    .createNativeQuery("INSERT INTO author (id, site_id, external_id, name, created_at) "
                            + "VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (site_id, external_id) DO NOTHING")
                    .setParameter(1, UUID.randomUUID())
                    .setParameter(2, siteId)
                    .setParameter(3, externalId)
                    .setParameter(4, name)
                    .setParameter(5, now)
                    .executeUpdate();
            existing = byExternalId(siteId, externalId);
        }
        Author author = existing.orElseThrow();
        if (name != null && !name.isBlank() && !name.equals(author.name)) {
            author.name = name;
        }
        return author;
    }

    public boolean isSuspended(Instant now) {
        return suspendedUntil != null && suspendedUntil.isAfter(now);
    }

    /** Applies a sanction (or lifts them all) and records who did it and why. */
    void sanction(SanctionAction action, Instant until, String reason, String actor, Instant now) {
        switch (action) {
            case BAN -> banned = true;
            case UNBAN -> banned = false;
            case SUSPEND -> suspendedUntil = until;
            case UNSUSPEND -> suspendedUntil = null;
            case PREMODERATE -> alwaysPremoderate = true;
            case UNPREMODERATE -> alwaysPremoderate = false;
            case TRUST -> trusted = true;
            case UNTRUST -> trusted = false;
            case LIFT -> {
                banned = false;
                suspendedUntil = null;
                alwaysPremoderate = false;
            }
        }
        sanctionReason = reason;
        sanctionedBy = actor;
        sanctionedAt = now;
    }

    /** The sanction fields as a small map, for audit before/after states and webhooks. */
    public Map<String, Object> sanctions() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("banned", banned);
        m.put("suspendedUntil", suspendedUntil);
        m.put("alwaysPremoderate", alwaysPremoderate);
        m.put("trusted", trusted);
        return m;
    }
}
