package org.commentguard.comment;

import jakarta.enterprise.context.ApplicationScoped;
import org.commentguard.author.Author;
import org.commentguard.author.AuthorHistory;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** An author's track record on a site, computed from their stored comments. */
@ApplicationScoped
public class StoredAuthorHistory implements AuthorHistory {

    private final CommentConfig config;

    public StoredAuthorHistory(CommentConfig config) {
        this.config = config;
    }

    @Override
    public Counts counts(Author author, Instant now) {
        Map<CommentStatus, Long> byStatus = new EnumMap<>(CommentStatus.class);
        List<Object[]> rows = Author.getEntityManager()
                .createNamedQuery("Comment.statusCountsOfAuthor", Object[].class)
                .setParameter(1, author.id)
                .getResultList();
        for (Object[] row : rows) {
            byStatus.put((CommentStatus) row[0], (Long) row[1]);
        }
        Object[] recent = Author.getEntityManager()
                .createNamedQuery("Comment.recentOfAuthor", Object[].class)
                .setParameter(1, author.id)
                .setParameter(2, now.minus(config.authorHistoryWindow()))
                .setParameter(3, CommentStatus.REJECTED)
                .getSingleResult();
        return new Counts(
                byStatus.getOrDefault(CommentStatus.PUBLISHED, 0L),
                byStatus.getOrDefault(CommentStatus.PENDING, 0L),
                byStatus.getOrDefault(CommentStatus.REJECTED, 0L),
                ((Number) recent[0]).longValue(),
                recent[1] == null ? 0 : ((Number) recent[1]).longValue());
    }
}
