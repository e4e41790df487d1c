package org.commentguard.review;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.commentguard.audit.Acting;
import org.commentguard.audit.AuditLog;
import org.commentguard.audit.AuditRecord;
import org.commentguard.author.Author;
import org.commentguard.author.AuthorHistory;
import org.commentguard.comment.Comment;
import org.commentguard.comment.CommentEvents;
import org.commentguard.comment.CommentStatus;
import org.commentguard.platform.db.Constraints;
import org.commentguard.platform.failure.Invalid;
import org.commentguard.platform.failure.NotFound;
import org.commentguard.webhook.WebhookEvents;
import org.commentguard.webhook.Webhooks;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reader reports. Each report is weighted by its reporter's track record, so a reader whose reports moderators
 * keep upholding is heard sooner than one whose reports keep being dismissed; enough weight puts a published
 * comment back in the queue.
 */
@ApplicationScoped
public class ReaderReports {

    public static final List<String> REASONS = List.of(
            "spam", "abuse", "harassment", "hate", "threat", "off_topic", "misinformation", "personal_data", "other");

    private final Clock clock;
    private final ReviewConfig config;
    private final ReviewQueue queue;
    private final AuditLog audit;
    private final Webhooks webhooks;
    private final AuthorHistory history;

    public ReaderReports(
            Clock clock,
            ReviewConfig config,
            ReviewQueue queue,
            AuditLog audit,
            Webhooks webhooks,
            AuthorHistory history) {
        this.clock = clock;
        this.config = config;
        this.queue = queue;
        this.audit = audit;
        this.webhooks = webhooks;
        this.history = history;
    }

    /**
     * @param duplicate   the reader had already reported this comment; nothing changed
     * @param totalWeight summed weight of the comment's undecided reports
     * @param queued      the comment is in the review queue after this report
     */
    public record ReportResult(
            UUID reportId, UUID commentId, double weight, double totalWeight, boolean duplicate, boolean queued) {}

    public ReportResult report(UUID siteId, UUID commentId, String reporterId, String reason, Acting acting) {
        if (reporterId == null || reporterId.isBlank() || reporterId.length() > 200) {
            throw new Invalid("reporterId", "must be 1 to 200 characters");
        }
        if (reason == null || !REASONS.contains(reason)) {
            throw new Invalid("reason", "must be one of " + REASONS);
        }
        String reporter = reporterId.strip();
        try {
            return QuarkusTransaction.requiringNew().call(() -> store(siteId, commentId, reporter, reason, acting));
        } catch (RuntimeException e) {
            if (!Constraints.isUniqueViolation(e)) {
                throw e;
            }
            // The same reader reported twice at the same moment: the first report stands.
            return QuarkusTransaction.requiringNew().call(() -> store(siteId, commentId, reporter, reason, acting));
        }
    }

    private ReportResult store(UUID siteId, UUID commentId, String reporter, String reason, Acting acting) {
        Comment comment = Comment.ofSite(siteId, commentId).orElseThrow(() -> new NotFound("Comment " + commentId));
        var existing = ReaderReport.byReporter(commentId, reporter);
        if (existing.isPresent()) {
            return new ReportResult(
                    existing.get().id,
                    commentId,
                    existing.get().weight,
                    total(commentId),
                    true,
                    ReviewItem.openOfComment(commentId).isPresent());
        }
        Instant now = clock.instant();
        ReaderReport report = new ReaderReport(siteId, commentId, reporter, reason, weightOf(siteId, reporter), now);
        report.persistAndFlush();
        double total = total(commentId);
        boolean queued = false;
        var open = ReviewItem.openOfComment(commentId);
        if (open.isPresent()) {
            queue.enqueue(comment, ReviewItem.Cause.REPORTS, total, recentRejections(comment, now));
            queued = true;
        } else if (comment.status == CommentStatus.PUBLISHED && total >= config.requeueReportWeight()) {
            // The comment stays visible while it waits: reports alone do not hide a published comment.
            ReviewItem item = queue.enqueue(comment, ReviewItem.Cause.REPORTS, total, recentRejections(comment, now));
            audit.append(new AuditRecord(
                    siteId,
                    comment.id,
                    comment.authorId,
                    item.id,
                    acting,
                    "comment.requeued",
                    null,
                    Map.of("reportWeight", total),
                    "reports",
                    null,
                    null));
            webhooks.publish(siteId, WebhookEvents.COMMENT_QUEUED, CommentEvents.data(comment));
            queued = true;
        }
        audit.append(new AuditRecord(
                siteId,
                comment.id,
                comment.authorId,
                null,
                acting,
                "comment.reported",
                null,
                Map.of("reporterId", reporter, "weight", report.weight),
                reason,
                null,
                null));
        return new ReportResult(report.id, commentId, report.weight, total, false, queued);
    }

    /**
     * A reporter's weight in (0, 2): twice the Laplace-smoothed share of their decided reports that moderators
     * upheld. A new reporter weighs 1.
     */
    static double weightOf(UUID siteId, String reporter) {
        long upheld = 0;
        long dismissed = 0;
        List<Object[]> rows = ReaderReport.getEntityManager()
                .createNamedQuery("ReaderReport.recordOfReporter", Object[].class)
                .setParameter(1, siteId)
                .setParameter(2, reporter)
                .getResultList();
        for (Object[] row : rows) {
            if (row[0] == ReaderReport.Outcome.UPHELD) {
                upheld = (Long) row[1];
            } else {
                dismissed = (Long) row[1];
            }
        }
        return weight(upheld, dismissed);
    }

    static double weight(long upheld, long dismissed) {
        return 2.0 * (upheld + 1) / (upheld + dismissed + 2);
    }

    private static double total(UUID commentId) {
        return ReaderReport.undecidedOf(commentId).stream()
                .mapToDouble(r -> r.weight)
                .sum();
    }

    private long recentRejections(Comment comment, Instant now) {
        return history.counts(Author.findById(comment.authorId), now).recentRejected();
    }
}
