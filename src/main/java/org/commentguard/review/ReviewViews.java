package org.commentguard.review;

import jakarta.enterprise.context.ApplicationScoped;
import org.commentguard.article.Article;
import org.commentguard.author.Author;
import org.commentguard.author.AuthorHistory;
import org.commentguard.comment.Comment;
import org.commentguard.scoring.Span;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Builds what a moderator sees for a queue item: the comment with its evidence and all of its context. */
@ApplicationScoped
public class ReviewViews {

    private final AuthorHistory history;
    private final ReviewConfig config;

    public ReviewViews(AuthorHistory history, ReviewConfig config) {
        this.history = history;
        this.config = config;
    }

    public record ItemView(
            UUID id,
            String state,
            String cause,
            boolean escalated,
            double priority,
            double reportWeight,
            long reports,
            String claimedBy,
            Instant claimExpiresAt,
            Instant createdAt,
            Instant decidedAt,
            String decidedBy,
            String decision,
            String decisionReason,
            String decisionNote,
            CommentInfo comment,
            ArticleInfo article,
            ParentInfo parent,
            AuthorInfo author) {}

    public record CommentInfo(
            UUID id,
            String externalId,
            String text,
            String displayText,
            String status,
            List<String> reasons,
            Map<String, Double> scores,
            List<Span> spans,
            Map<String, String> models,
            Map<String, Map<String, Object>> details,
            String language,
            int policyVersion,
            Instant createdAt,
            Instant editedAt) {}

    public record ArticleInfo(String externalId, String title, String url) {}

    public record ParentInfo(UUID id, String externalId, String text, String status) {}

    public record AuthorInfo(
            String id,
            String name,
            long published,
            long pending,
            long rejected,
            long recentComments,
            long recentRejected,
            double recentRejectionRate,
            boolean banned,
            Instant suspendedUntil,
            boolean alwaysPremoderate,
            boolean trusted) {}

    ItemView item(ReviewItem item, Instant now) {
        Comment c = Comment.findById(item.commentId);
        Article a = Article.findById(c.articleId);
        Comment parent = c.parentId == null ? null : Comment.findById(c.parentId);
        Author author = Author.findById(c.authorId);
        AuthorHistory.Counts counts = history.counts(author, now);
        boolean claimed = item.isClaimed(now);
        return new ItemView(
                item.id,
                item.state.name().toLowerCase(),
                item.cause.name().toLowerCase(),
                item.escalated,
                round(
                        item.state == ReviewItem.State.OPEN
                                ? ReviewPriority.at(item.rank, now, config.ageWeightPerHour())
                                : item.priority),
                item.reportWeight,
                ReaderReport.countOf(c.id),
                claimed ? item.claimedBy : null,
                claimed ? item.claimExpiresAt : null,
                item.createdAt,
                item.decidedAt,
                item.decidedBy,
                item.decision == null ? null : item.decision.name().toLowerCase(),
                item.decisionReason,
                item.decisionNote,
                new CommentInfo(
                        c.id,
                        c.externalId,
                        c.text,
                        c.displayText,
                        c.status.name(),
                        c.reasons(),
                        c.scores(),
                        c.spans(),
                        c.models(),
                        c.scorerDetails(),
                        c.language,
                        c.policyVersion,
                        c.createdAt,
                        c.editedAt),
                new ArticleInfo(a.externalId, a.title, a.url),
                parent == null
                        ? null
                        : new ParentInfo(parent.id, parent.externalId, parent.displayText, parent.status.name()),
                new AuthorInfo(
                        author.externalId,
                        author.name,
                        counts.published(),
                        counts.pending(),
                        counts.rejected(),
                        counts.recent(),
                        counts.recentRejected(),
                        round(counts.rejectionRate()),
                        author.banned,
                        author.suspendedUntil,
                        author.alwaysPremoderate,
                        author.trusted));
    }

    private static double round(double v) {
        return Math.round(v * 1000.0) / 1000.0;
    }
}
