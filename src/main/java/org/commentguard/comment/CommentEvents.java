package org.commentguard.comment;

import org.commentguard.article.Article;
import org.commentguard.author.Author;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code data} of comment webhook events and the state recorded in audit entries. The comment text is left
 * out on purpose: receivers have it, and webhook logs are a poor place for personal or abusive text.
 */
public final class CommentEvents {

    private CommentEvents() {}

    public static Map<String, Object> data(Comment c) {
        Article article = Article.findById(c.articleId);
        Author author = Author.findById(c.authorId);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("commentId", c.id.toString());
        m.put("externalId", c.externalId);
        m.put("articleId", article.externalId);
        m.put("authorId", author.externalId);
        m.put("status", c.status.name());
        m.put("reasons", c.reasons());
        m.put("scores", c.scores());
        m.put("policyVersion", c.policyVersion);
        return m;
    }

    /** A compact state for audit before/after values. */
    public static Map<String, Object> state(Comment c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", c.status.name());
        m.put("reasons", c.reasons());
        m.put("policyVersion", c.policyVersion);
        return m;
    }
}
