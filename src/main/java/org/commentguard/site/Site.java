package org.commentguard.site;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** A tenant: one publication whose comments, keys and settings are isolated from every other site. */
@Entity
@Table(name = "site")
public class Site extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false, length = 200)
    public String name;

    @Column(length = 2000)
    public String url;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Version
    public long version;

    protected Site() {}

    public Site(String name, String url, Instant createdAt) {
        this.id = UUID.randomUUID();
        this.name = name;
        this.url = url;
        this.createdAt = createdAt;
    }

    public static Optional<Site> byId(UUID id) {
        return findByIdOptional(id);
    }
}
