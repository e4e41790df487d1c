package org.commentguard.review;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.commentguard.audit.Acting;
import org.commentguard.audit.AuditLog;
import org.commentguard.audit.AuditRecord;
import org.commentguard.comment.Comment;
import org.commentguard.comment.CommentEvents;
import org.commentguard.comment.CommentStatus;
import org.commentguard.platform.failure.Conflict;
import org.commentguard.platform.failure.Failure;
import org.commentguard.platform.failure.Invalid;
import org.commentguard.platform.failure.NotFound;
import org.commentguard.webhook.WebhookEvents;
import org.commentguard.webhook.Webhooks;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Moderator decisions on queue items: approve, reject, escalate, and undo. Each decision changes the comment,
 * the item, the reports, the audit log and the webhook outbox in one transaction.
 */
@ApplicationScoped
public class ModeratorActions {

    /** The documented reason codes a decision may carry. */
    public static final List<String> REASON_CODES = List.of(
            "acceptable",
            "false_positive",
            "context_ok",
            "toxicity",
            "insult",
            "threat",
            "identity_attack",
            "profanity",
            "obscene",
            "spam",
            "off_topic",
            "harassment",
            "misinformation",
            "personal_data",
            "illegal",
            "duplicate",
            "needs_senior",
            "legal",
            "other");
    /** The reason codes that say a comment is fine after all: what an approval carries. */
    public static final List<String> APPROVAL_REASON_CODES = List.of("acceptable", "false_positive", "context_ok");
    /** The reason code of an escalation: the item needs a more senior moderator. */
    public static final String ESCALATION_REASON_CODE = "needs_senior";

    static final int MAX_BULK = 100;
    static final int MAX_NOTE = 2000;
    /** A site's user name as the site's backend reports it: printable, no line breaks. */
    private static final Pattern MODERATOR = Pattern.compile("[^\\p{Cntrl}]{1,200}");

    public enum Action {
        APPROVE,
        REJECT,
        ESCALATE
    }

    private final Clock clock;
    private final ReviewConfig config;
    private final AuditLog audit;
    private final Webhooks webhooks;
    private final ReviewViews views;
    private final DecisionLabels examples;

    public ModeratorActions(
            Clock clock,
            ReviewConfig config,
            AuditLog audit,
            Webhooks webhooks,
            ReviewViews views,
            DecisionLabels examples) {
        this.clock = clock;
        this.config = config;
        this.audit = audit;
        this.webhooks = webhooks;
        this.views = views;
        this.examples = examples;
    }

    public record DecisionRequest(UUID itemId, String action, String reason, String note) {}

    /** One decision of a bulk request: the decided item's view, or the failure that stopped that item. */
    public record BulkOutcome(UUID itemId, ReviewViews.ItemView item, Failure failure) {}

    @Transactional
    public ReviewViews.ItemView decide(UUID siteId, UUID itemId, DecisionRequest request, Acting acting) {
        Action action = validate(request);
        Instant now = clock.instant();
        ReviewItem item =
                ReviewItem.lockedOfSite(siteId, itemId).orElseThrow(() -> new NotFound("Review item " + itemId));
        if (item.state != ReviewItem.State.OPEN) {
            throw new ReviewItemAlreadyDecidedException(itemId);
        }
        if (item.claimedByOther(acting.actor(), now)) {
            throw new ReviewItemAlreadyClaimedException("Review item " + itemId + " is claimed by " + item.claimedBy
                    + "; only they can decide it until " + item.claimExpiresAt);
        }
        Comment comment = Comment.findById(item.commentId);
        Map<String, Object> before = CommentEvents.state(comment);
        String note = blankToNull(request.note());
        switch (action) {
            case APPROVE, REJECT -> {
                CommentStatus status = action == Action.APPROVE ? CommentStatus.PUBLISHED : CommentStatus.REJECTED;
                item.decide(
                        action == Action.APPROVE ? ReviewItem.Decision.APPROVE : ReviewItem.Decision.REJECT,
                        acting.actor(),
                        request.reason(),
                        note,
                        comment.status,
                        now);
                comment.changeStatus(status, now);
                ReaderReport.settle(
                        comment.id,
                        action == Action.APPROVE ? ReaderReport.Outcome.DISMISSED : ReaderReport.Outcome.UPHELD);
                examples.record(
                        comment,
                        item.id,
                        DecisionLabels.Source.QUEUE,
                        action == Action.REJECT,
                        request.reason(),
                        acting.actor(),
                        now);
            }
            case ESCALATE -> {
                item.escalated = true;
                item.claimedBy = null;
                item.claimExpiresAt = null;
                item.reprioritise(item.priority + 50, config.ageWeightPerHour());
            }
        }
        String verb = switch (action) {
            case APPROVE -> "comment.approved";
            case REJECT -> "comment.rejected";
            case ESCALATE -> "comment.escalated";
        };
        audit.append(new AuditRecord(
                siteId,
                comment.id,
                comment.authorId,
                item.id,
                acting,
                verb,
                before,
                CommentEvents.state(comment),
                request.reason(),
                note,
                null));
        publishDecision(comment, action.name().toLowerCase(), request.reason(), acting);
        return views.item(item, now);
    }

    /**
     * A decision a moderator made in the site's own system (a CMS's comment screen), reported by the site's
     * backend. Only approve and reject exist there; {@code moderator} is the site's user who decided.
     */
    public record SiteDecision(String action, String reason, String note, String moderator) {}

    /**
     * The comment after a site decision; {@code changed} is false when it already had that status (a repeated
     * report changes and records nothing), {@code reviewItemId} names the queue item the decision closed.
     */
    public record SiteDecisionResult(
            UUID commentId, String externalId, String status, boolean changed, UUID reviewItemId) {}

    /**
     * Applies a decision made on the site, queued or not: a comment in the queue has its item decided (whoever
     * holds a claim on it, because the site has already acted), a comment outside it simply changes status, so a
     * published comment that the site marks as spam becomes rejected. The audit entry's actor is the site's user
     * acting through the key ({@code site:<moderator> via key:<label>#<id>}).
     */
    @Transactional
    public SiteDecisionResult decideOnSite(UUID siteId, UUID commentId, SiteDecision request, Acting acting) {
        if (request == null) {
            throw new Invalid("body", "must not be null");
        }
        Action action = validate(new DecisionRequest(null, request.action(), request.reason(), request.note()));
        if (action == Action.ESCALATE) {
            throw new Invalid("action", "must be one of approve, reject");
        }
        if (request.moderator() == null
                || request.moderator().isBlank()
                || !MODERATOR.matcher(request.moderator().strip()).matches()) {
            throw new Invalid("moderator", "must be 1 to 200 printable characters");
        }
        Comment comment = Comment.ofSite(siteId, commentId).orElseThrow(() -> new NotFound("Comment " + commentId));
        // Lock order as in decide(): the open item first, then the comment (its row is locked by the update at
        // flush), so a queue decision and a site decision on the same comment serialise instead of deadlocking.
        Optional<ReviewItem> open = ReviewItem.openOfComment(commentId)
                .flatMap(i -> ReviewItem.lockedOfSite(siteId, i.id))
                .filter(i -> i.state == ReviewItem.State.OPEN);
        Comment.getEntityManager().refresh(comment, LockModeType.PESSIMISTIC_WRITE);
        CommentStatus target = action == Action.APPROVE ? CommentStatus.PUBLISHED : CommentStatus.REJECTED;
        if (open.isEmpty() && comment.status == target) {
            return new SiteDecisionResult(comment.id, comment.externalId, comment.status.name(), false, null);
        }
        Instant now = clock.instant();
        Acting onBehalf =
                new Acting("site:" + request.moderator().strip() + " via " + acting.actor(), acting.requestId());
        String note = blankToNull(request.note());
        Map<String, Object> before = CommentEvents.state(comment);
        open.ifPresent(item -> item.decide(
                action == Action.APPROVE ? ReviewItem.Decision.APPROVE : ReviewItem.Decision.REJECT,
                onBehalf.actor(),
                request.reason(),
                note,
                comment.status,
                now));
        comment.changeStatus(target, now);
        ReaderReport.settle(
                comment.id, action == Action.APPROVE ? ReaderReport.Outcome.DISMISSED : ReaderReport.Outcome.UPHELD);
        UUID itemId = open.map(i -> i.id).orElse(null);
        examples.record(
                comment,
                itemId,
                DecisionLabels.Source.SITE,
                action == Action.REJECT,
                request.reason(),
                onBehalf.actor(),
                now);
        audit.append(new AuditRecord(
                siteId,
                comment.id,
                comment.authorId,
                itemId,
                onBehalf,
                action == Action.APPROVE ? "comment.approved" : "comment.rejected",
                before,
                CommentEvents.state(comment),
                request.reason(),
                note,
                null));
        publishDecision(comment, action.name().toLowerCase(), request.reason(), onBehalf);
        return new SiteDecisionResult(comment.id, comment.externalId, comment.status.name(), true, itemId);
    }

    /** Decides each item in its own transaction, so one conflict does not undo the others' decisions. */
    public List<BulkOutcome> decideAll(UUID siteId, List<DecisionRequest> requests, Acting acting) {
        if (requests == null || requests.isEmpty()) {
            throw new Invalid("decisions", "must contain at least one decision");
        }
        if (requests.size() > MAX_BULK) {
            throw new Invalid("decisions", "must contain at most " + MAX_BULK + " decisions");
        }
        for (int i = 0; i < requests.size(); i++) {
            DecisionRequest r = requests.get(i);
            if (r == null || r.itemId() == null) {
                throw new Invalid("decisions[" + i + "].itemId", "must not be null");
            }
            try {
                validate(r);
            } catch (Failure f) {
                throw f.within("decisions[" + i + "]");
            }
        }
        List<BulkOutcome> results = new ArrayList<>();
        for (DecisionRequest r : requests) {
            try {
                ReviewViews.ItemView view =
                        QuarkusTransaction.requiringNew().call(() -> decide(siteId, r.itemId(), r, acting));
                results.add(new BulkOutcome(r.itemId(), view, null));
            } catch (Failure f) {
                results.add(new BulkOutcome(r.itemId(), null, f));
            }
        }
        return results;
    }

    /**
     * Reverses a decision within the undo window. Only the moderator who decided may undo; the item reopens,
     * claimed by them, and the comment returns to its status before the decision.
     */
    @Transactional
    public ReviewViews.ItemView undo(UUID siteId, UUID itemId, Acting acting) {
        Instant now = clock.instant();
        ReviewItem item =
                ReviewItem.lockedOfSite(siteId, itemId).orElseThrow(() -> new NotFound("Review item " + itemId));
        if (item.state != ReviewItem.State.DECIDED || item.decision == ReviewItem.Decision.SUPERSEDED) {
            throw new Conflict("nothing_to_undo", "Review item " + itemId + " has no decision to undo");
        }
        if (!acting.actor().equals(item.decidedBy)) {
            throw new Conflict("not_your_decision", "Only " + item.decidedBy + " can undo this decision");
        }
        if (item.decidedAt.plus(config.undoWindow()).isBefore(now)) {
            throw new Conflict(
                    "undo_window_expired",
                    "Decisions can be undone for " + config.undoWindow().toMinutes() + " minutes");
        }
        if (ReviewItem.openOfComment(item.commentId).isPresent()) {
            throw new Conflict("comment_requeued", "The comment is in the queue again; decide that item");
        }
        Comment comment = Comment.findById(item.commentId);
        Map<String, Object> before = CommentEvents.state(comment);
        String undone = item.decision.name().toLowerCase();
        comment.changeStatus(item.statusBefore, now);
        ReaderReport.find("commentId = ?1", comment.id).<ReaderReport>stream().forEach(r -> r.outcome = null);
        item.reopen(acting.actor(), now.plus(config.claimLease()));
        examples.withdraw(siteId, item.id);
        audit.append(new AuditRecord(
                siteId,
                comment.id,
                comment.authorId,
                item.id,
                acting,
                "decision.undone",
                before,
                CommentEvents.state(comment),
                undone,
                null,
                null));
        publishDecision(comment, "undo", undone, acting);
        return views.item(item, now);
    }

    private void publishDecision(Comment comment, String action, String reason, Acting acting) {
        Map<String, Object> data = new LinkedHashMap<>(CommentEvents.data(comment));
        data.put("action", action);
        data.put("reason", reason);
        data.put("actor", acting.actor());
        webhooks.publish(comment.siteId, WebhookEvents.COMMENT_DECIDED, data);
        if (action.equals("approve")) {
            webhooks.publish(comment.siteId, WebhookEvents.COMMENT_PUBLISHED, CommentEvents.data(comment));
        } else if (action.equals("reject")) {
            webhooks.publish(comment.siteId, WebhookEvents.COMMENT_REJECTED, CommentEvents.data(comment));
        }
    }

    private static Action validate(DecisionRequest r) {
        if (r.action() == null || r.action().isBlank()) {
            throw new Invalid("action", "must be one of approve, reject, escalate");
        }
        Action action;
        try {
            action = Action.valueOf(r.action().trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new Invalid("action", "must be one of approve, reject, escalate");
        }
        if (r.reason() == null || !REASON_CODES.contains(r.reason())) {
            throw new Invalid("reason", "must be one of " + REASON_CODES);
        }
        if (r.reason().equals("other") && (r.note() == null || r.note().isBlank())) {
            throw new Invalid("note", "is required when the reason is other");
        }
        if (r.note() != null && r.note().length() > MAX_NOTE) {
            throw new Invalid("note", "must be at most " + MAX_NOTE + " characters");
        }
        return action;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
