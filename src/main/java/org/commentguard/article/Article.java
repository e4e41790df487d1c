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

    protected Article() {}

    public static Optional<Article> byExternalId(UUID siteId, String externalId) {
        return find("#Article.byExternalId", siteId, externalId).firstResultOptional();
    }

    /**
     * The site's article at {@code url}, exactly as registered. When several carry it (a placeholder made for an
     * integration, then the real registration), the one with text wins, then the most recently updated.
     */
    public static Optional<Article> byUrl(UUID siteId, String url) {
        // Native: the index is on md5(url) (article_site_url_idx), which HQL cannot name.
        @SuppressWarnings("unchecked")
        java.util.List<Article> found = getEntityManager()
                .createNativeQuery(
                        "SELECT * FROM article WHERE site_id = ?1 AND md5(url) = md5(?2) AND url = ?2 "
                                + "ORDER BY (clean_text = '') ASC, updated_at DESC, id LIMIT 1",
                        Article.class)
                .setParameter(1, siteId)
                .setParameter(2, url)
                .getResultList();
        return found.stream().findFirst();
    }

    public static Optional<Article> ofSite(UUID siteId, UUID id) {
        return Article.<Article>findByIdOptional(id).filter(a -> a.siteId.equals(siteId));
    }
}
