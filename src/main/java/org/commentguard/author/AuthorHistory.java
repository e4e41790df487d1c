package org.commentguard.author;

import jakarta.enterprise.context.ApplicationScoped;
import org.commentguard.comment.CommentConfig;
import org.commentguard.comment.CommentStatus;
import org.commentguard.policy.AuthorState;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** An author's track record on a site, computed from their stored comments. */
@ApplicationScoped
public class AuthorHistory {

    private final CommentConfig config;

    public AuthorHistory(CommentConfig config) {
        this.config = config;
    }

    /** Comment counts by status, and comments and rejections within the history window. */
    public record Counts(long published, long pending, long rejected, long recent, long recentRejected) {

        /** Share of the author's comments in the history window that were rejected, 0 without any. */
        public double rejectionRate() {
            return recent == 0 ? 0 : (double) recentRejected / recent;
        }
    }

    public Counts counts(Author author, Instant now) {
        Map<CommentStatus, Long> byStatus = new EnumMap<>(CommentStatus.class);
        List<Object[]> rows = Author.getEntityManager()
                .createNamedQuery("Comment.statusCountsOfAuthor", Object[].class)
                .setParameter(1, author.id).getResultList();
        for (Object[] row : rows) {
            byStatus.put((CommentStatus) row[0], (Long) row[1]);
        }
        Object[] recent = Author.getEntityManager().createNamedQuery("Comment.recentOfAuthor", Object[].class)
                .setParameter(1, author.id).setParameter(2, now.minus(config.authorHistoryWindow()))
                .setParameter(3, CommentStatus.REJECTED)
                .getSingleResult();
        return new Counts(byStatus.getOrDefault(CommentStatus.PUBLISHED, 0L),
                byStatus.getOrDefault(CommentStatus.PENDING, 0L),
                byStatus.getOrDefault(CommentStatus.REJECTED, 0L), ((Number) recent[0]).longValue(),
                recent[1] == null ? 0 : ((Number) recent[1]).longValue());
    }

    /** What {@link org.commentguard.policy.VerdictPolicy} needs to know about the author now. */
    public AuthorState stateOf(Author author, Instant now) {
        Counts c = counts(author, now);
        return new AuthorState(c.published(), c.recentRejected(), author.banned, author.isSuspended(now),
                author.alwaysPremoderate, author.trusted);
    }
}
