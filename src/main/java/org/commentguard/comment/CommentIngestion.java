package org.commentguard.comment;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import org.commentguard.article.Article;
import org.commentguard.audit.Acting;
import org.commentguard.audit.AuditLog;
import org.commentguard.audit.AuditRecord;
import org.commentguard.author.Author;
import org.commentguard.author.AuthorHistory;
import org.commentguard.comment.CommentRequests.CommentRequest;
import org.commentguard.comment.CommentRequests.VerdictView;
import org.commentguard.platform.db.Constraints;
import org.commentguard.platform.failure.Invalid;
import org.commentguard.platform.failure.NotFound;
import org.commentguard.platform.failure.Rejected;
import org.commentguard.platform.failure.Violation;
import org.commentguard.policy.AuthorState;
import org.commentguard.policy.PolicySpans;
import org.commentguard.policy.SitePolicies;
import org.commentguard.policy.SitePolicy;
import org.commentguard.policy.Verdict;
import org.commentguard.policy.VerdictPolicy;
import org.commentguard.quota.RequestScoring;
import org.commentguard.score.ScoreLimits;
import org.commentguard.scoring.ScoreResult;
import org.commentguard.scoring.ScoringContext;
import org.commentguard.scoring.Signal;
import org.commentguard.scoring.SiteScoringData;
import org.commentguard.scoring.offtopic.OffTopicScorer;
import org.commentguard.scoring.profanity.ProfanityScorer;
import org.commentguard.webhook.WebhookEvents;
import org.commentguard.webhook.Webhooks;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Takes in comments and edits: score, apply the site policy, store. Scoring runs between two short transactions
 * so that no database connection is held while models work; everything the verdict changes (comment, queue item,
 * audit entry, webhook outbox) is written in one transaction.
 */
@ApplicationScoped
public class CommentIngestion {

    private static final Logger LOG = Logger.getLogger(CommentIngestion.class);
    private static final UUID NO_COMMENT = new UUID(0, 0);

    private final RequestScoring scoring;
    private final SitePolicies policies;
    private final PendingComments queue;
    private final AuditLog audit;
    private final Webhooks webhooks;
    private final AuthorHistory history;
    private final CommentConfig config;
    private final Clock clock;
    private final ProfanityScorer profanity;
    private final LearnedVerdicts learnedVerdicts;
    private final DeferredExplanations explanations;

    public CommentIngestion(
            RequestScoring scoring,
            SitePolicies policies,
            PendingComments queue,
            AuditLog audit,
            Webhooks webhooks,
            AuthorHistory history,
            CommentConfig config,
            Clock clock,
            ProfanityScorer profanity,
            LearnedVerdicts learnedVerdicts,
            DeferredExplanations explanations) {
        this.learnedVerdicts = learnedVerdicts;
        this.explanations = explanations;
        this.scoring = scoring;
        this.policies = policies;
        this.queue = queue;
        this.audit = audit;
        this.webhooks = webhooks;
        this.history = history;
        this.config = config;
        this.clock = clock;
        this.profanity = profanity;
    }

    /** The verdict answer and whether this call stored the comment (false: an earlier post of the same id). */
    public record Ingested(VerdictView view, boolean created) {}

    private record Prepared(UUID articleId, UUID parentId, ScoringContext context, SitePolicy policy) {}

    public Ingested ingest(UUID siteId, CommentRequest r, Acting acting) {
        return ingest(siteId, r, acting, false);
    }

    /**
     * @param explainLater answer without toxicity's spans, which {@link DeferredExplanations} adds
     *     to the stored comment after the answer; for callers with a tight budget whose answer carries no spans
     */
    public Ingested ingest(UUID siteId, CommentRequest r, Acting acting, boolean explainLater) {
        ScoreLimits.checkText("text", r.text());
        String externalId = r.externalId().strip();
        Optional<VerdictView> earlier = replay(siteId, externalId);
        if (earlier.isPresent()) {
            return new Ingested(earlier.get(), false);
        }
        Prepared p = QuarkusTransaction.requiringNew().call(() -> prepare(siteId, r, NO_COMMENT));
        // Shedding refuses here (503 overloaded, 429 quotas), before anything is stored: the client retries.
        ScoreResult result = explainLater
                ? DeferredExplanations.markPending(
                        scoring.ingest(siteId, p.context().withoutSpans()))
                : scoring.ingest(siteId, p.context());
        try {
            VerdictView stored =
                    QuarkusTransaction.requiringNew().call(() -> store(siteId, externalId, r, p, result, acting));
            if (DeferredExplanations.pending(result)) {
                explanations.submit(stored.id());
            }
            return new Ingested(stored, true);
        } catch (RuntimeException e) {
            if (Constraints.isUniqueViolation(e)) {
                // Two posts of the same comment raced; the first stored it and this one answers like a re-post.
                return replay(siteId, externalId)
                        .map(v -> new Ingested(v, false))
                        .orElseThrow(() -> e);
            }
            throw e;
        }
    }

    /** Re-scores and re-moderates edited text. The comment keeps its id, article, parent and author. */
    public VerdictView edit(UUID siteId, UUID commentId, String text, Acting acting) {
        ScoreLimits.checkText("text", text);
        Prepared p = QuarkusTransaction.requiringNew().call(() -> {
            Comment c = Comment.ofSite(siteId, commentId).orElseThrow(() -> new NotFound("Comment " + commentId));
            return prepare(siteId, c.articleId, c.parentId, text, List.of(), c.id);
        });
        ScoreResult result = scoring.ingest(siteId, p.context());
        return QuarkusTransaction.requiringNew().call(() -> {
            Comment c = Comment.<Comment>findByIdOptional(commentId, LockModeType.PESSIMISTIC_WRITE)
                    .filter(x -> x.siteId.equals(siteId))
                    .orElseThrow(() -> new NotFound("Comment " + commentId));
            Instant now = clock.instant();
            Map<String, Object> before = CommentEvents.state(c);
            Author author = Author.findById(c.authorId);
            AuthorState state = history.stateOf(author, now);
            // The site's own verdict model (when enabled) can only make the policy's verdict stricter; model versions
            // in
            // shadow on the site queue it.
            LearnedVerdicts.Applied learned = learnedVerdicts.apply(
                    siteId,
                    result,
                    VerdictPolicy.decide(result, PolicySpans.of(text, p.policy(), profanity), p.policy(), state));
            Verdict verdict = learned.verdict();
            c.moderate(
                    text,
                    mask(text, verdict.censorRanges()),
                    learned.result(),
                    CommentStatus.of(verdict.action()),
                    verdict.reasons(),
                    p.policy().version(),
                    now);
            c.editedAt = now;
            UUID itemId = null;
            if (c.status == CommentStatus.PENDING) {
                itemId = queue.enqueue(c, true, state.recentRejected());
            } else {
                queue.supersede(c, acting);
            }
            audit.append(new AuditRecord(
                    siteId, c.id, c.authorId, null, acting, "comment.edited", before, null, null, null, null));
            recordVerdict(c, itemId, learned.result(), verdict, p.policy(), acting.requestId());
            learnedVerdicts.offerToSample(c);
            return VerdictView.of(c);
        });
    }

    private Optional<VerdictView> replay(UUID siteId, String externalId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> Comment.byExternalId(siteId, externalId).map(VerdictView::of));
    }

    private Prepared prepare(UUID siteId, CommentRequest r, UUID self) {
        Article article = Article.byExternalId(siteId, r.articleId().strip())
                .orElseThrow(() -> new Rejected(
                        "unknown_article",
                        "Unknown article",
                        "Article " + r.articleId() + " is not registered; PUT " + "/api/v1/articles/{id} first",
                        List.of(new Violation("articleId", "is not registered"))));
        UUID parentId = null;
        if (r.parentId() != null && !r.parentId().isBlank()) {
            Comment parent = Comment.byExternalId(siteId, r.parentId().strip())
                    .orElseThrow(() -> new Rejected(
                            "unknown_parent",
                            "Unknown parent",
                            "Comment " + r.parentId() + " does not exist",
                            List.of(new Violation("parentId", "is not a stored comment"))));
            if (!parent.articleId.equals(article.id)) {
                throw new Invalid("parentId", "belongs to another article");
            }
            parentId = parent.id;
        }
        return prepare(siteId, article.id, parentId, r.text(), r.languages(), self);
    }

    private Prepared prepare(
            UUID siteId, UUID articleId, UUID parentId, String text, List<String> languages, UUID self) {
        Article article = Article.findById(articleId);
        Optional<String> parentText =
                parentId == null ? Optional.empty() : Optional.of(Comment.<Comment>findById(parentId).text);
        SitePolicy policy = policies.effective(siteId);
        List<String> recent =
                Comment.recentTexts(siteId, clock.instant().minus(config.recentWindow()), config.recentLimit(), self);
        List<String> thread = Comment.threadTexts(articleId, OffTopicScorer.MAX_THREAD, self);
        ScoringContext context = new ScoringContext(
                text,
                Optional.of(new ScoringContext.ArticleText(article.title, article.cleanText)),
                parentText,
                languages,
                new SiteScoringData(policy.scorerBlockTerms(), policy.allowTerms(), recent, policy.languages()),
                thread);
        return new Prepared(articleId, parentId, context, policy);
    }

    private VerdictView store(
            UUID siteId, String externalId, CommentRequest r, Prepared p, ScoreResult result, Acting acting) {
        Instant now = clock.instant();
        Author author =
                Author.findOrCreate(siteId, r.author().id().strip(), r.author().name(), now);
        AuthorState state = history.stateOf(author, now);
        // The site's own verdict model (when enabled) can only make the policy's verdict stricter; model versions in
        // shadow on the site queue it.
        LearnedVerdicts.Applied learned = learnedVerdicts.apply(
                siteId,
                result,
                VerdictPolicy.decide(result, PolicySpans.of(r.text(), p.policy(), profanity), p.policy(), state));
        Verdict verdict = learned.verdict();
        Comment c = new Comment(siteId, externalId, p.articleId(), p.parentId(), author.id, now);
        c.moderate(
                r.text(),
                mask(r.text(), verdict.censorRanges()),
                learned.result(),
                CommentStatus.of(verdict.action()),
                verdict.reasons(),
                p.policy().version(),
                now);
        c.persistAndFlush();
        UUID itemId = c.status == CommentStatus.PENDING ? queue.enqueue(c, false, state.recentRejected()) : null;
        recordVerdict(c, itemId, learned.result(), verdict, p.policy(), acting.requestId());
        learnedVerdicts.offerToSample(c);
        LOG.debugf("Comment %s of site %s: %s %s", c.id, siteId, c.status, verdict.reasons());
        return VerdictView.of(c);
    }

    /** Audit entry and webhook event of an automatic verdict, in the verdict's transaction. */
    private void recordVerdict(
            Comment c, UUID itemId, ScoreResult result, Verdict verdict, SitePolicy policy, String requestId) {
        Map<String, Object> after = new LinkedHashMap<>(CommentEvents.state(c));
        after.put("scores", c.scores());
        after.put("models", result.models());
        audit.append(new AuditRecord(
                c.siteId,
                c.id,
                c.authorId,
                itemId,
                new Acting(systemActor(result, verdict, policy), requestId),
                "comment.verdict",
                null,
                after,
                verdict.reasons().isEmpty() ? null : verdict.reasons().get(0),
                null,
                policy.version()));
        String event = switch (c.status) {
            case PUBLISHED -> WebhookEvents.COMMENT_PUBLISHED;
            case PENDING -> WebhookEvents.COMMENT_QUEUED;
            case REJECTED -> WebhookEvents.COMMENT_REJECTED;
        };
        webhooks.publish(c.siteId, event, CommentEvents.data(c));
    }

    /**
     * {@code system:<scorer>@<model>} when a score decided the verdict, else {@code system:policy@v<version>}
     * (word lists, sanctions, moderation mode, or nothing to object to).
     */
    static String systemActor(ScoreResult result, Verdict verdict, SitePolicy policy) {
        if (verdict.decisiveScore() != null) {
            for (Signal s : result.signals()) {
                if (s.scores().get(verdict.decisiveScore()) != null) {
                    return "system:" + s.scorer() + "@" + s.model();
                }
            }
        }
        return "system:policy@v" + policy.version();
    }

    /** The display text: every censored range masked but its first character, so readers see a word was there. */
    static String mask(String text, List<int[]> ranges) {
        if (ranges.isEmpty()) {
            return text;
        }
        char[] chars = text.toCharArray();
        for (int[] r : ranges) {
            for (int i = Math.max(0, r[0] + 1); i < Math.min(chars.length, r[1]); i++) {
                if (!Character.isWhitespace(chars[i])) {
                    chars[i] = '*';
                }
            }
        }
        return new String(chars);
    }
}
