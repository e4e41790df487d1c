package org.commentguard.learning;

import com.fasterxml.jackson.core.type.TypeReference;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.commentguard.comment.Comment;
import org.commentguard.platform.Json;
import org.commentguard.review.DecisionLabels;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Every human decision on a comment as a labelled example: the latest decision wins (a later queue item, a decision
 * on the site or a blind sample decision replaces the label), and an undone decision removes it. Written in the
 * decision's own transaction, so the label and the comment's status never disagree.
 */
@ApplicationScoped
public class DecisionExamples implements DecisionLabels {

    private static final TypeReference<Map<String, Double>> SCORES = new TypeReference<>() {};
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};
    private static final TypeReference<Map<String, String>> MODELS = new TypeReference<>() {};

    /** Where the decision was made. */
    /** One exported example; {@code text} is null when the site's retention setting withholds it. */
    public record Exported(
            long seq,
            UUID commentId,
            String externalId,
            Instant createdAt,
            String text,
            boolean textWithheld,
            String autoStatus,
            Map<String, Double> scores,
            List<String> reasons,
            Map<String, String> models,
            String label,
            String reason,
            String moderator,
            String source,
            Instant decidedAt) {}

    /** The site's label counts. */
    public record Counts(int approved, int rejected) {
        public int total() {
            return approved + rejected;
        }
    }

    @Override
    public void record(
            Comment comment,
            UUID reviewItemId,
            Source source,
            boolean reject,
            String reason,
            String moderator,
            Instant at) {
        em().createNativeQuery("INSERT INTO decision_example (comment_id, site_id, review_item_id, source, label, "
                        + "reason, moderator, auto_status, scores, reasons, models, decided_at) "
                        + "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12) "
                        + "ON CONFLICT (comment_id) DO UPDATE SET review_item_id = EXCLUDED.review_item_id, "
                        + "source = EXCLUDED.source, label = EXCLUDED.label, reason = EXCLUDED.reason, "
                        + "moderator = EXCLUDED.moderator, auto_status = EXCLUDED.auto_status, "
                        + "scores = EXCLUDED.scores, reasons = EXCLUDED.reasons, models = EXCLUDED.models, "
                        + "decided_at = EXCLUDED.decided_at, "
                        + "seq = nextval(pg_get_serial_sequence('decision_example', 'seq'))")
                .setParameter(1, comment.id)
                .setParameter(2, comment.siteId)
                .setParameter(3, reviewItemId)
                .setParameter(4, source.name())
                .setParameter(5, reject ? "REJECT" : "APPROVE")
                .setParameter(6, reason)
                .setParameter(7, moderator)
                .setParameter(8, comment.autoStatus.name())
                .setParameter(9, Json.write(comment.scores()))
                .setParameter(10, Json.write(comment.reasons()))
                .setParameter(11, Json.write(comment.models()))
                .setParameter(12, at)
                .executeUpdate();
    }

    @Override
    public void withdraw(UUID siteId, UUID reviewItemId) {
        em().createNativeQuery("DELETE FROM decision_example WHERE site_id = ?1 AND review_item_id = ?2")
                .setParameter(1, siteId)
                .setParameter(2, reviewItemId)
                .executeUpdate();
    }

    @Transactional
    public Counts counts(UUID siteId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em().createNativeQuery(
                        "SELECT label, count(*) FROM decision_example WHERE site_id = ?1 " + "GROUP BY label")
                .setParameter(1, siteId)
                .getResultList();
        int approved = 0;
        int rejected = 0;
        for (Object[] r : rows) {
            int n = ((Number) r[1]).intValue();
            if ("REJECT".equals(r[0])) {
                rejected = n;
            } else {
                approved = n;
            }
        }
        return new Counts(approved, rejected);
    }

    /**
     * A page of the site's examples in write order after {@code afterSeq}. Text is withheld for comments created
     * before {@code textSince} ({@code null}: never withheld).
     */
    @Transactional
    public List<Exported> export(UUID siteId, long afterSeq, int limit, Instant textSince) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em().createNativeQuery("SELECT d.seq, d.comment_id, c.external_id, c.created_at, c.text, "
                        + "d.auto_status, d.scores, d.reasons, d.models, d.label, d.reason, d.moderator, d.source, "
                        + "d.decided_at FROM decision_example d JOIN comment c ON c.id = d.comment_id "
                        + "WHERE d.site_id = ?1 AND d.seq > ?2 ORDER BY d.seq LIMIT ?3")
                .setParameter(1, siteId)
                .setParameter(2, afterSeq)
                .setParameter(3, limit)
                .getResultList();
        List<Exported> out = new ArrayList<>();
        for (Object[] r : rows) {
            Instant created = instant(r[3]);
            boolean withheld = textSince != null && created.isBefore(textSince);
            out.add(new Exported(
                    ((Number) r[0]).longValue(),
                    (UUID) r[1],
                    (String) r[2],
                    created,
                    withheld ? null : (String) r[4],
                    withheld,
                    (String) r[5],
                    Json.read((String) r[6], SCORES),
                    Json.read((String) r[7], STRINGS),
                    Json.read((String) r[8], MODELS),
                    ((String) r[9]).toLowerCase(),
                    (String) r[10],
                    (String) r[11],
                    ((String) r[12]).toLowerCase(),
                    instant(r[13])));
        }
        return out;
    }

    /** The site's newest {@code max} examples, for a fit. Reads only {@code siteId}'s rows. */
    @Transactional
    public List<SiteVerdictTraining.Example> forFit(UUID siteId, int max) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em().createNativeQuery("SELECT comment_id, scores, reasons, label, auto_status "
                        + "FROM decision_example WHERE site_id = ?1 ORDER BY decided_at DESC, comment_id LIMIT ?2")
                .setParameter(1, siteId)
                .setParameter(2, max)
                .getResultList();
        List<SiteVerdictTraining.Example> out = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            out.add(new SiteVerdictTraining.Example(
                    (UUID) r[0],
                    Json.read((String) r[1], SCORES),
                    Json.read((String) r[2], STRINGS),
                    "REJECT".equals(r[3]),
                    !"PUBLISHED".equals(r[4])));
        }
        return out;
    }

    /** Labels of the site's comments created since {@code since}: comment id to "reject is true". */
    @Transactional
    public Map<UUID, Boolean> labelsSince(UUID siteId, Instant since) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em().createNativeQuery("SELECT d.comment_id, d.label FROM decision_example d "
                        + "JOIN comment c ON c.id = d.comment_id WHERE d.site_id = ?1 AND c.created_at >= ?2")
                .setParameter(1, siteId)
                .setParameter(2, since)
                .getResultList();
        Map<UUID, Boolean> out = new LinkedHashMap<>();
        rows.forEach(r -> out.put((UUID) r[0], "REJECT".equals(r[1])));
        return out;
    }

    static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        throw new IllegalStateException("not a timestamp: " + value);
    }

    private static EntityManager em() {
        return Comment.getEntityManager();
    }
}
