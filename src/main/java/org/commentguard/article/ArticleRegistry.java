package org.commentguard.article;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.commentguard.article.ArticleRequests.ArticleRequest;
import org.commentguard.platform.error.ApiProblem;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Pattern;

/** Registers articles (idempotent upsert by the site's own article id) and finds them. */
@ApplicationScoped
public class ArticleRegistry {

    static final int MAX_EXTERNAL_ID = 200;
    private static final Pattern DROPPED_BLOCKS = Pattern.compile(
            "(?is)<(script|style|noscript|template|svg|head)\\b[^>]*>.*?</\\1\\s*>|<!--.*?-->");
    private static final Pattern BLOCK_TAGS = Pattern.compile(
            "(?i)</?(p|div|br|li|ul|ol|h[1-6]|section|article|header|footer|tr|td|blockquote)\\b[^>]*>");
    private static final Pattern TAGS = Pattern.compile("<[^>]*>");

    private final Clock clock;

    public ArticleRegistry(Clock clock) {
        this.clock = clock;
    }

    /** The stored article and whether this call created it. */
    public record Upserted(Article article, boolean created) {
    }

    /**
     * Creates or replaces the article {@code externalId} of a site. A single INSERT … ON CONFLICT makes concurrent
     * registrations of the same article converge on one row.
     */
    @Transactional
    public Upserted upsert(UUID siteId, String externalId, ArticleRequest request) {
        String id = externalId == null ? "" : externalId.strip();
        if (id.isEmpty() || id.length() > MAX_EXTERNAL_ID) {
            throw ApiProblem.invalid("externalId", "must be 1 to " + MAX_EXTERNAL_ID + " characters");
        }
        boolean hasBody = request.body() != null && !request.body().isBlank();
        boolean hasHtml = request.html() != null && !request.html().isBlank();
        if (hasBody == hasHtml) {
            throw ApiProblem.invalid("body", "send exactly one of body (plain text) and html (the page)");
        }
        String raw = hasBody ? request.body() : request.html();
        String clean = cleanText(raw, hasHtml);
        Instant now = clock.instant();
        Object[] row = (Object[]) Article.getEntityManager().createNativeQuery(
                        "INSERT INTO article (id, site_id, external_id, title, url, body, clean_text, created_at, "
                                + "updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8) "
                                + "ON CONFLICT (site_id, external_id) DO UPDATE SET title = excluded.title, "
                                + "url = excluded.url, body = excluded.body, clean_text = excluded.clean_text, "
                                + "updated_at = excluded.updated_at "
                                + "RETURNING id, (xmax = 0) AS inserted")
                .setParameter(1, UUID.randomUUID()).setParameter(2, siteId).setParameter(3, id)
                .setParameter(4, request.title().strip()).setParameter(5, request.url()).setParameter(6, raw)
                .setParameter(7, clean).setParameter(8, now)
                .getSingleResult();
        UUID articleId = (UUID) row[0];
        Article article = Article.<Article>findByIdOptional(articleId).orElseThrow();
        Article.getEntityManager().refresh(article);
        return new Upserted(article, Boolean.TRUE.equals(row[1]));
    }

    @Transactional
    public Article get(UUID siteId, String externalId) {
        return Article.byExternalId(siteId, externalId)
                .orElseThrow(() -> ApiProblem.notFound("Article " + externalId));
    }

    /**
     * The text off-topic scoring compares comments against. For HTML this is a plain tag strip for now; the
     * boilerplate-removing extractor ({@code org.commentguard.article.text}) replaces this one call.
     */
    private static String cleanText(String raw, boolean html) {
        if (!html) {
            return raw.strip();
        }
        String text = DROPPED_BLOCKS.matcher(raw).replaceAll(" ");
        text = BLOCK_TAGS.matcher(text).replaceAll("\n");
        text = TAGS.matcher(text).replaceAll("");
        text = text.replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&apos;", "'").replace("&amp;", "&");
        return text.replaceAll("[ \\t\\x0B\\f\\r]+", " ").replaceAll("\\s*\\n\\s*", "\n").strip();
    }
}
