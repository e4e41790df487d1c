package org.commentguard.learning;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.commentguard.article.Article;
import org.commentguard.audit.Acting;
import org.commentguard.audit.AuditLog;
import org.commentguard.audit.AuditRecord;
import org.commentguard.comment.Comment;
import org.commentguard.comment.CommentEvents;
import org.commentguard.comment.CommentStatus;
import org.commentguard.review.ModeratorActions;
import org.commentguard.review.ReviewItem;
import org.commentguard.webhook.WebhookEvents;
import org.commentguard.webhook.Webhooks;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The blind quality sample. Queues only show what the scorers flagged, so a share of the automatic verdicts
 * (published and rejected comments) is drawn into a separate queue that moderators decide without seeing scores,
 * reasons or status; their decisions estimate the precision and recall of the automatic verdicts.
 */
@ApplicationScoped
public class QualitySamples {

    static final int MAX_PAGE = 100;

    private final LearningSettings settings;
    private final DecisionExamples examples;
    private final AuditLog audit;
    private final Webhooks webhooks;
    private final Clock clock;

    public QualitySamples(
            LearningSettings settings, DecisionExamples examples, AuditLog audit, Webhooks webhooks, Clock clock) {
        this.settings = settings;
        this.examples = examples;
        this.audit = audit;
        this.webhooks = webhooks;
        this.clock = clock;
    }

    /** What a moderator sees of a sample item: the comment and its context, nothing the service concluded. */
    public record SampleView(
            UUID id,
            UUID commentId,
            String externalId,
            String text,
            String articleTitle,
            String parentText,
            Instant createdAt,
            String decision,
            String reason,
            boolean applied) {}

    public record Page(List<SampleView> items, String nextCursor) {}

    /**
     * @param action         approve or reject
     * @param reason         optional reason code (the queue's codes)
     * @param applyToComment when true, the comment's status follows the decision; otherwise it is untouched
     */
    public record SampleDecision(String action, String reason, Boolean applyToComment) {}

    /** Draws a just-stored automatic verdict into the sample; call in the verdict's transaction. */
    public void consider(Comment c) {
        if (c.status != c.autoStatus
                || (c.autoStatus != CommentStatus.PUBLISHED && c.autoStatus != CommentStatus.REJECTED)) {
            return;
        }
        LearningSettings.Effective s = settings.effective(c.siteId);
        if (s.sampleShare() <= 0
                || s.sampleDailyCap() <= 0
                || ThreadLocalRandom.current().nextDouble() >= s.sampleShare()) {
            return;
        }
        // One drawer per site at a time, so concurrent comments cannot both take the last place under the cap.
        Comment.getEntityManager()
                .createNativeQuery("SELECT pg_advisory_xact_lock(hashtext(?1))")
                .setParameter(1, "sample:" + c.siteId)
                .getSingleResult();
        Instant now = clock.instant();
        if (SampleItem.createdSince(c.siteId, now.truncatedTo(ChronoUnit.DAYS)) >= s.sampleDailyCap()
                || SampleItem.existsFor(c.id)) {
            return;
        }
        new SampleItem(c.siteId, c.id, c.autoStatus, now).persist();
    }

    /** Open sample items, oldest first. */
    @Transactional
    public Page open(UUID siteId, Instant afterCreated, UUID afterId, int limit) {
        List<SampleItem> items = SampleItem.open(
                siteId,
                afterCreated == null ? Instant.EPOCH : afterCreated,
                afterId == null ? new UUID(0, 0) : afterId,
                limit + 1);
        List<SampleView> views = items.stream().limit(limit).map(this::view).toList();
        String next = items.size() > limit
                ? new org.commentguard.platform.Cursor(
                                views.get(limit - 1).createdAt().toString(),
                                views.get(limit - 1).id())
                        .encode()
                : null;
        return new Page(views, next);
    }

    @Transactional
    public SampleView get(UUID siteId, UUID id) {
        return SampleItem.<SampleItem>findByIdOptional(id)
                .filter(s -> s.siteId.equals(siteId))
                .map(this::view)
                .orElseThrow(() -> new LearningExceptions.SampleItemNotFound(id));
    }

    private SampleView view(SampleItem s) {
        Comment c = Comment.findById(s.commentId);
        Article a = Article.findById(c.articleId);
        String parent = c.parentId == null ? null : Comment.<Comment>findById(c.parentId).text;
        return new SampleView(
                s.id,
                c.id,
                c.externalId,
                c.text,
                a.title,
                parent,
                c.createdAt,
                s.decision == null ? null : s.decision.name().toLowerCase(Locale.ROOT),
                s.reason,
                s.applied);
    }

    /**
     * Records a moderator's blind decision. The comment's status changes only when {@code applyToComment} is true
     * and the decision differs from it; the decision always becomes the comment's label.
     */
    @Transactional
    public SampleView decide(UUID siteId, UUID id, SampleDecision request, Acting acting) {
        if (request == null || request.action() == null) {
            throw new LearningExceptions.InvalidLearningInput("action", "must be one of approve, reject");
        }
        SampleItem.Decision decision = switch (request.action().strip().toLowerCase(Locale.ROOT)) {
            case "approve" -> SampleItem.Decision.APPROVE;
            case "reject" -> SampleItem.Decision.REJECT;
            default -> throw new LearningExceptions.InvalidLearningInput("action", "must be one of approve, reject");
        };
        if (request.reason() != null && !ModeratorActions.REASON_CODES.contains(request.reason())) {
            throw new LearningExceptions.InvalidLearningInput(
                    "reason", "must be one of " + ModeratorActions.REASON_CODES);
        }
        SampleItem item =
                SampleItem.lockedOfSite(siteId, id).orElseThrow(() -> new LearningExceptions.SampleItemNotFound(id));
        if (item.decidedAt != null) {
            throw new LearningExceptions.SampleAlreadyDecided(id);
        }
        Comment comment = Comment.findById(item.commentId);
        boolean apply = Boolean.TRUE.equals(request.applyToComment());
        CommentStatus target =
                decision == SampleItem.Decision.APPROVE ? CommentStatus.PUBLISHED : CommentStatus.REJECTED;
        if (apply
                && comment.status != target
                && ReviewItem.openOfComment(comment.id).isPresent()) {
            throw new LearningExceptions.InvalidLearningInput(
                    "applyToComment", "the comment is in the review queue; decide it there");
        }
        Instant now = clock.instant();
        boolean changed = apply && comment.status != target;
        if (changed) {
            Map<String, Object> before = CommentEvents.state(comment);
            comment.changeStatus(target, now);
            audit.append(AuditRecord.ofComment(
                    siteId,
                    comment.id,
                    acting,
                    target == CommentStatus.PUBLISHED ? "comment.approved" : "comment.rejected",
                    before,
                    CommentEvents.state(comment),
                    request.reason(),
                    "blind sample decision"));
            Map<String, Object> data = new LinkedHashMap<>(CommentEvents.data(comment));
            data.put("action", decision.name().toLowerCase(Locale.ROOT));
            data.put("reason", request.reason());
            data.put("actor", acting.actor());
            webhooks.publish(siteId, WebhookEvents.COMMENT_DECIDED, data);
            webhooks.publish(
                    siteId,
                    target == CommentStatus.PUBLISHED
                            ? WebhookEvents.COMMENT_PUBLISHED
                            : WebhookEvents.COMMENT_REJECTED,
                    CommentEvents.data(comment));
        }
        item.decide(decision, request.reason(), acting.actor(), changed, now);
        examples.record(
                comment,
                null,
                DecisionExamples.Source.SAMPLE,
                decision == SampleItem.Decision.REJECT,
                request.reason(),
                acting.actor(),
                now);
        return view(item);
    }

    /**
     * One week of blind-sample estimates. {@code publishAgreement}: share of sampled auto-published comments that
     * moderators approved; {@code rejectPrecision}: share of sampled auto-rejected comments they rejected;
     * {@code rejectRecall}: estimated share of the comments moderators would reject that were auto-rejected,
     * weighting each stratum by its week's automatic verdicts (interval from the strata's Wilson bounds, so it is
     * conservative).
     */
    public record Week(
            LocalDate week,
            long autoPublished,
            long autoRejected,
            Wilson.Interval publishAgreement,
            Wilson.Interval rejectPrecision,
            Interval rejectRecall) {}

    public record Interval(Double estimate, double low, double high) {}

    public record Quality(List<Week> weeks, long openItems) {}

    @Transactional
    public Quality quality(UUID siteId, int weekCount) {
        LocalDate thisWeek = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC)
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        List<Week> weeks = new ArrayList<>();
        for (int i = weekCount - 1; i >= 0; i--) {
            LocalDate monday = thisWeek.minusWeeks(i);
            Instant from = monday.atStartOfDay(ZoneOffset.UTC).toInstant();
            Instant to = monday.plusWeeks(1).atStartOfDay(ZoneOffset.UTC).toInstant();
            long[] auto = automaticVerdicts(siteId, from, to);
            long pubN = 0;
            long pubOk = 0;
            long rejN = 0;
            long rejOk = 0;
            for (SampleItem s : SampleItem.decidedBetween(siteId, from, to)) {
                if (s.autoStatus == CommentStatus.PUBLISHED) {
                    pubN++;
                    pubOk += s.overturned() ? 0 : 1;
                } else {
                    rejN++;
                    rejOk += s.overturned() ? 0 : 1;
                }
            }
            Wilson.Interval publish = Wilson.of(pubOk, pubN);
            Wilson.Interval reject = Wilson.of(rejOk, rejN);
            weeks.add(new Week(monday, auto[0], auto[1], publish, reject, recall(auto[0], auto[1], publish, reject)));
        }
        long open = SampleItem.count("siteId = ?1 and decidedAt is null", siteId);
        return new Quality(weeks, open);
    }

    /** Recall of automatic rejection: rejected-and-bad over all bad, each stratum scaled to its volume. */
    static Interval recall(long published, long rejected, Wilson.Interval publish, Wilson.Interval reject) {
        if (publish.estimate() == null || reject.estimate() == null) {
            return new Interval(null, 0.0, 1.0);
        }
        return new Interval(
                share(rejected * reject.estimate(), published * (1 - publish.estimate())),
                share(rejected * reject.low(), published * (1 - publish.low())),
                share(rejected * reject.high(), published * (1 - publish.high())));
    }

    private static double share(double caught, double missed) {
        return caught + missed == 0 ? 1.0 : caught / (caught + missed);
    }

    private static long[] automaticVerdicts(UUID siteId, Instant from, Instant to) {
        Object[] r = (Object[]) Comment.getEntityManager()
                .createNativeQuery("SELECT "
                        + "count(*) FILTER (WHERE auto_status = 'PUBLISHED'), "
                        + "count(*) FILTER (WHERE auto_status = 'REJECTED') "
                        + "FROM comment WHERE site_id = ?1 AND created_at >= ?2 AND created_at < ?3")
                .setParameter(1, siteId)
                .setParameter(2, from)
                .setParameter(3, to)
                .getSingleResult();
        return new long[] {((Number) r[0]).longValue(), ((Number) r[1]).longValue()};
    }
}
