package org.commentguard.article.text;

import java.util.List;

/**
 * An article page reduced to what a reader came for.
 *
 * @param title   the headline, empty when the page did not show one
 * @param body    article paragraphs separated by blank lines, boilerplate removed
 * @param removed the lines that were dropped as boilerplate, in page order (for debugging and review)
 */
public record CleanArticle(String title, String body, List<String> removed) {
    public CleanArticle {
        title = title == null ? "" : title;
        body = body == null ? "" : body;
        removed = removed == null ? List.of() : List.copyOf(removed);
    }
}
