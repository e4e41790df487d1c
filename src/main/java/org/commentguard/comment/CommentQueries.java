package org.commentguard.comment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.commentguard.article.Article;
import org.commentguard.author.Author;
import org.commentguard.comment.CommentRequests.CommentPage;
import org.commentguard.comment.CommentRequests.CommentView;
import org.commentguard.platform.Cursor;
import org.commentguard.platform.failure.NotFound;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Reads comments of a site: one by id, or pages filtered by article and status, newest first. */
@ApplicationScoped
public class CommentQueries {

    static final int MAX_PAGE = 200;

    @Transactional
    public CommentView get(UUID siteId, UUID id) {
        return view(Comment.ofSite(siteId, id).orElseThrow(() -> new NotFound("Comment " + id)));
    }

    @Transactional
    public CommentPage list(
            UUID siteId, String articleExternalId, CommentStatus status, String cursorValue, int limit) {
        // Both filters are optional; the query is assembled from fixed fragments with bound parameters.
        StringBuilder q = new StringBuilder("siteId = :site");
        Map<String, Object> p = new HashMap<>();
        p.put("site", siteId);
        if (articleExternalId != null && !articleExternalId.isBlank()) {
            Article article = Article.byExternalId(siteId, articleExternalId.strip())
                    .orElseThrow(() -> new NotFound("Article " + articleExternalId));
            q.append(" and articleId = :article");
            p.put("article", article.id);
        }
        if (status != null) {
            q.append(" and status = :status");
            p.put("status", status);
        }
        Cursor cursor = Cursor.decode(cursorValue);
        if (cursor != null) {
            long micros = cursor.sortLong();
            q.append(" and (createdAt < :ct or (createdAt = :ct and id < :cid))");
            p.put(
                    "ct",
                    Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000));
            p.put("cid", cursor.id());
        }
        q.append(" order by createdAt desc, id desc");
        List<Comment> comments =
                Comment.<Comment>find(q.toString(), p).page(0, limit).list();
        String next = null;
        if (comments.size() == limit) {
            Comment last = comments.get(comments.size() - 1);
            next = new Cursor(
                            Long.toString(
                                    last.createdAt.getEpochSecond() * 1_000_000L + last.createdAt.getNano() / 1000),
                            last.id)
                    .encode();
        }
        return new CommentPage(comments.stream().map(CommentQueries::view).toList(), next);
    }

    static CommentView view(Comment c) {
        Article article = Article.findById(c.articleId);
        Author author = Author.findById(c.authorId);
        String parent = c.parentId == null ? null : Comment.<Comment>findById(c.parentId).externalId;
        return new CommentView(
                c.id,
                c.externalId,
                article.externalId,
                parent,
                author.externalId,
                author.name,
                c.text,
                c.displayText,
                c.status.name(),
                c.autoStatus.name(),
                c.reasons(),
                CommentRequests.rounded(c.scores()),
                c.spans(),
                c.models(),
                c.language,
                c.policyVersion,
                c.createdAt,
                c.updatedAt,
                c.editedAt);
    }
}
