package org.commentguard.article;

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

/** An article comments are attached to, known to the site by its own id ({@code externalId}). */
@Entity
@Table(name = "article")
@NamedQueries({
        @NamedQuery(name = "Article.byExternalId", query = "from Article a where a.siteId = ?1 and a.externalId = ?2")
})
public class Article extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "site_id", nullable = false)
    public UUID siteId;

    @Column(name = "external_id", nullable = false)
    public String externalId;

    @Column(nullable = false)
    public String title;

    public String url;

    /** What the site sent: plain text or the page's HTML. */
    @Column(nullable = false)
    public String body;

    /** The article text without markup and page boilerplate: what comments are compared against. */
    @Column(name = "clean_text", nullable = false)
    public String cleanText;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    protected Article() {
    }

    public static Optional<Article> byExternalId(UUID siteId, String externalId) {
        return find("#Article.byExternalId", siteId, externalId).firstResultOptional();
    }

    public static Optional<Article> ofSite(UUID siteId, UUID id) {
        return Article.<Article>findByIdOptional(id).filter(a -> a.siteId.equals(siteId));
    }
}
