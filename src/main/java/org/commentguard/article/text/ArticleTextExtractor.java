package org.commentguard.article.text;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Reduces an article page to what a reader came for: the headline and the story's paragraphs, without navigation,
 * comment threads, newsletter and subscription promotions, related-story teasers, share rows, ads and photo credits.
 * Only general signals are used (markup roles, link and text density, position in the page, schema.org markers);
 * {@code models/article-text/MODEL_CARD.md} gives its precision and recall on pages it was not written against.
 * Stateless and thread-safe; usable with {@code new} or injected.
 */
@ApplicationScoped
public class ArticleTextExtractor {

    /** Article text from raw HTML. Never empty while the page shows any paragraph of text. */
    public CleanArticle fromHtml(String html) {
        return HtmlExtraction.extract(html);
    }

    /** Article text from a page's plain-text dump, one block per line, using line-level heuristics. */
    public CleanArticle fromPlainText(String text) {
        return PlainTextExtraction.extract(text);
    }
}
