package org.commentguard.article;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.commentguard.article.ArticleRequests.ArticleRequest;
import org.commentguard.article.text.ArticleTextExtractor;
import org.commentguard.article.text.CleanArticle;
import org.commentguard.platform.failure.Invalid;
import org.commentguard.platform.failure.NotFound;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Registers articles (idempotent upsert by the site's own article id) and finds them. */
@ApplicationScoped
public class ArticleRegistry {

    static final int MAX_EXTERNAL_ID = 200;
    private final Clock clock;
    private final ArticleTextExtractor extractor;

    public ArticleRegistry(Clock clock, ArticleTextExtractor extractor) {
        this.clock = clock;
        this.extractor = extractor;
    }

    /** The stored article and whether this call created it. */
    public record Upserted(Article article, boolean created) {}

    /**
     * Creates or replaces the article {@code externalId} of a site. A single INSERT … ON CONFLICT makes concurrent
     * registrations of the same article converge on one row.
     */
    @Transactional
    public Upserted upsert(UUID siteId, String externalId, ArticleRequest request) {
        String id = externalId == null ? "" : externalId.strip();
        if (id.isEmpty() || id.length() > MAX_EXTERNAL_ID) {
            throw new Invalid("externalId", "must be 1 to " + MAX_EXTERNAL_ID + " characters");
        }
        boolean hasBody = request.body() != null && !request.body().isBlank();
        boolean hasHtml = request.html() != null && !request.html().isBlank();
        if (hasBody == hasHtml) {
            throw new Invalid("body", "send exactly one of body (plain text) and html (the page)");
        }
        String raw = hasBody ? request.body() : request.html();
        String clean = cleanText(raw, hasHtml);
        Instant now = clock.instant();
        Object[] row = (Object[]) Article.getEntityManager()
                .createNativeQuery(
                        "INSERT INTO article (id, site_id, external_id, title, url, body, clean_text, created_at, "
                                + "updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8) "
                                + "ON CONFLICT (site_id, external_id) DO UPDATE SET title = excluded.title, "
                                + "url = excluded.url, body = excluded.body, clean_text = excluded.clean_text, "
                                + "updated_at = excluded.updated_at "
                                + "RETURNING id, (xmax = 0) AS inserted")
                .setParameter(1, UUID.randomUUID())
                .setParameter(2, siteId)
                .setParameter(3, id)
                .setParameter(4, request.title().strip())
                .setParameter(5, request.url())
                .setParameter(6, raw)
                .setParameter(7, clean)
                .setParameter(8, now)
                .getSingleResult();
        UUID articleId = (UUID) row[0];
        Article article = Article.<Article>findByIdOptional(articleId).orElseThrow();
        Article.getEntityManager().refresh(article);
        return new Upserted(article, Boolean.TRUE.equals(row[1]));
    }

    /**
     * The external id of the article a comment on {@code url} belongs to: the registered article with that URL,
     * else a placeholder {@code placeholderId} without text (created once, concurrent calls converge on one row),
     * so that comments on a story nobody registered are still stored and scored, just without an article to be
     * off topic against. Registering {@code placeholderId} later with PUT gives the placeholder its text.
     */
    @Transactional
    public String forUrl(UUID siteId, String url, String placeholderId) {
        Optional<Article> registered = Article.byUrl(siteId, url);
        if (registered.isPresent()) {
            return registered.get().externalId;
        }
        Instant now = clock.instant();
        Article.getEntityManager()
                .createNativeQuery(
                        "INSERT INTO article (id, site_id, external_id, title, url, body, clean_text, created_at, "
                                + "updated_at) VALUES (?1, ?2, ?3, '', ?4, '', '', ?5, ?5) "
                                + "ON CONFLICT (site_id, external_id) DO NOTHING")
                .setParameter(1, UUID.randomUUID())
                .setParameter(2, siteId)
                .setParameter(3, placeholderId)
                .setParameter(4, url)
                .setParameter(5, now)
                .executeUpdate();
        return placeholderId;
    }

    @Transactional
    public Article get(UUID siteId, String externalId) {
        return Article.byExternalId(siteId, externalId).orElseThrow(() -> new NotFound("Article " + externalId));
    }

    /**
     * The text off-topic scoring compares comments against: the page with its boilerplate (navigation, newsletter
     * sign-ups, related-story teasers, photo credits, comment threads) removed, whether it came as HTML or as a
     * plain-text dump of the page. The extractor never returns an empty body for a page that shows text; a page that
     * shows none has no article text.
     */
    private String cleanText(String raw, boolean html) {
        CleanArticle clean = html ? extractor.fromHtml(raw) : extractor.fromPlainText(raw);
        String body = clean.body().strip();
        return body.isEmpty() && !html ? raw.strip() : body;
    }
}
