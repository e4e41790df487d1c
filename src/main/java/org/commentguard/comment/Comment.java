package org.commentguard.comment;

import com.fasterxml.jackson.core.type.TypeReference;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import org.commentguard.platform.Json;
import org.commentguard.scoring.ScoreResult;
import org.commentguard.scoring.Span;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A reader comment with everything needed to explain its status: scores, spans, scorer reasons, model versions,
 * the verdict's reasons and the policy version that produced it.
 */
@Entity
@Table(name = "comment")
@NamedQueries({
    @NamedQuery(name = "Comment.byExternalId", query = "from Comment c where c.siteId = ?1 and c.externalId = ?2"),
    @NamedQuery(
            name = "Comment.recentTexts",
            query = "select c.text from Comment c where c.siteId = ?1 "
                    + "and c.createdAt >= ?2 and c.id <> ?3 order by c.createdAt desc, c.id desc"),
    @NamedQuery(
            name = "Comment.threadTexts",
            query = "select c.text from Comment c where c.articleId = ?1 "
                    + "and c.status = ?2 and c.id <> ?3 order by c.createdAt desc, c.id desc"),
    @NamedQuery(
            name = "Comment.latest",
            query = "from Comment c where c.siteId = ?1 " + "order by c.createdAt desc, c.id desc"),
    @NamedQuery(
            name = "Comment.statusCountsOfAuthor",
            query = "select c.status, count(c) from Comment c " + "where c.authorId = ?1 group by c.status"),
    @NamedQuery(
            name = "Comment.recentOfAuthor",
            query = "select count(c), "
                    + "sum(case when c.status = ?3 then 1 else 0 end) from Comment c "
                    + "where c.authorId = ?1 and c.createdAt >= ?2")
})
public class Comment extends PanacheEntityBase {

    private static final TypeReference<Map<String, Double>> SCORES = new TypeReference<>() {};
    private static final TypeReference<List<Span>> SPANS = new TypeReference<>() {};
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};
    private static final TypeReference<Map<String, Map<String, Object>>> DETAILS = new TypeReference<>() {};
    private static final TypeReference<Map<String, String>> MODELS = new TypeReference<>() {};

    @Id
    public UUID id;

    @Column(name = "site_id", nullable = false)
    public UUID siteId;

    @Column(name = "external_id", nullable = false)
    public String externalId;

    @Column(name = "article_id", nullable = false)
    public UUID articleId;

    @Column(name = "parent_id")
    public UUID parentId;

    @Column(name = "author_id", nullable = false)
    public UUID authorId;

    @Column(nullable = false)
    public String text;

    /** The text readers see: censored terms masked. */
    @Column(name = "display_text", nullable = false)
    public String displayText;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CommentStatus status;

    @Enumerated(EnumType.STRING)
    @Column(name = "auto_status", nullable = false)
    public CommentStatus autoStatus;

    @Column(nullable = false)
    String reasons;

    @Column(nullable = false)
    String scores;

    @Column(nullable = false)
    String spans;

    @Column(name = "scorer_reasons", nullable = false)
    String scorerReasons;

    @Column(nullable = false)
    String models;

    @Column(name = "scorer_details", nullable = false)
    String scorerDetails;

    public String language;

    /** Toxicity spans still to come: the verdict was answered first ({@link DeferredExplanations}). */
    @Column(name = "explanation_pending", nullable = false)
    boolean explanationPending;

    @Column(name = "policy_version", nullable = false)
    public int policyVersion;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "edited_at")
    public Instant editedAt;

    protected Comment() {}

    Comment(UUID siteId, String externalId, UUID articleId, UUID parentId, UUID authorId, Instant now) {
        this.id = UUID.randomUUID();
        this.siteId = siteId;
        this.externalId = externalId;
        this.articleId = articleId;
        this.parentId = parentId;
        this.authorId = authorId;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** Records a new automatic verdict on (new or edited) text. */
    void moderate(
            String text,
            String displayText,
            ScoreResult result,
            CommentStatus status,
            List<String> reasons,
            int policyVersion,
            Instant now) {
        this.text = text;
        this.displayText = displayText;
        this.status = status;
        this.autoStatus = status;
        this.reasons = Json.write(reasons);
        this.scores = Json.write(new LinkedHashMap<>(result.scores()));
        this.spans = Json.write(result.spans());
        this.scorerReasons = Json.write(result.reasons());
        this.models = Json.write(result.models());
        this.scorerDetails = Json.write(result.details());
        this.explanationPending = DeferredExplanations.pending(result);
        this.language = result.language();
        this.policyVersion = policyVersion;
        this.updatedAt = now;
    }

    /**
     * Adds the spans of a deferred explanation and records where they came from in {@code scorer}'s details. The
     * verdict and {@code updatedAt} stay as they are: an explanation changes nothing a reader sees.
     */
    void explained(String scorer, List<Span> more, String source) {
        List<Span> all = new ArrayList<>(spans());
        all.addAll(more);
        all.sort(Span.ORDER);
        this.spans = Json.write(all);
        Map<String, Map<String, Object>> details = new LinkedHashMap<>(scorerDetails());
        Map<String, Object> own = new LinkedHashMap<>(details.getOrDefault(scorer, Map.of()));
        own.put("spans", source);
        details.put(scorer, own);
        this.scorerDetails = Json.write(details);
        this.explanationPending = false;
    }

    /** A moderator's (or a reversal's) status change; the automatic verdict stays on record. */
    public void changeStatus(CommentStatus status, Instant now) {
        this.status = status;
        this.updatedAt = now;
    }

    public Map<String, Double> scores() {
        return Json.read(scores, SCORES);
    }

    public List<Span> spans() {
        return Json.read(spans, SPANS);
    }

    public List<String> reasons() {
        return Json.read(reasons, STRINGS);
    }

    public List<String> scorerReasons() {
        return Json.read(scorerReasons, STRINGS);
    }

    public Map<String, String> models() {
        return Json.read(models, MODELS);
    }

    /** Each scorer's explanation, e.g. {@code off_topic → closestSentences}; empty for comments scored before V3. */
    public Map<String, Map<String, Object>> scorerDetails() {
        return scorerDetails == null ? Map.of() : Json.read(scorerDetails, DETAILS);
    }

    /** The stored scoring result, rebuilt for re-evaluation under another policy (no per-scorer details). */
    public ScoreResult storedResult() {
        return new ScoreResult(language, scores(), spans(), scorerReasons(), models(), Map.of(), List.of());
    }

    public static Optional<Comment> ofSite(UUID siteId, UUID id) {
        return Comment.<Comment>findByIdOptional(id).filter(c -> c.siteId.equals(siteId));
    }

    public static Optional<Comment> byExternalId(UUID siteId, String externalId) {
        return find("#Comment.byExternalId", siteId, externalId).firstResultOptional();
    }

    /** Texts of the site's comments since {@code since}, newest first, at most {@code limit}. */
    public static List<String> recentTexts(UUID siteId, Instant since, int limit, UUID except) {
        if (limit == 0) {
            return List.of();
        }
        return getEntityManager()
                .createNamedQuery("Comment.recentTexts", String.class)
                .setParameter(1, siteId)
                .setParameter(2, since)
                .setParameter(3, except)
                .setMaxResults(limit)
                .getResultList();
    }

    /**
     * Texts of the newest published comments under an article, newest first, without {@code except}: the thread a
     * new comment joins, for off-topic scoring.
     */
    public static List<String> threadTexts(UUID articleId, int limit, UUID except) {
        if (limit == 0) {
            return List.of();
        }
        return getEntityManager()
                .createNamedQuery("Comment.threadTexts", String.class)
                .setParameter(1, articleId)
                .setParameter(2, CommentStatus.PUBLISHED)
                .setParameter(3, except)
                .setMaxResults(limit)
                .getResultList();
    }

    public static List<Comment> latest(UUID siteId, int limit) {
        return find("#Comment.latest", siteId).page(0, limit).list();
    }
}
