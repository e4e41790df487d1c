package org.commentguard.learning;

import com.fasterxml.jackson.core.type.TypeReference;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.commentguard.comment.Comment;
import org.commentguard.platform.Json;
import org.commentguard.policy.SitePolicies;
import org.commentguard.policy.SitePolicy;
import org.commentguard.policy.Thresholds;
import org.commentguard.scoring.Attributes;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Threshold advice with evidence: for each thresholded attribute, what the site's recent comments would have met
 * at other thresholds, and how often moderators decided the other way. Each attribute is taken alone (the other
 * attributes' rules, word lists and author standing are left out), so the table shows what that one threshold does.
 * Moderator labels are the site's decision examples: queue and site decisions and blind sample decisions.
 */
@ApplicationScoped
public class PolicyAdvice {

    private static final TypeReference<Map<String, Double>> SCORES = new TypeReference<>() {};
    /** The threshold grid: 0.05 to 1.00 in steps of 0.05, plus the site's current thresholds. */
    static final double STEP = 0.05;
    /** A recommended review threshold must raise F1 by at least this much over the current one. */
    static final double MIN_GAIN = 0.05;

    private final SitePolicies policies;
    private final DecisionExamples examples;
    private final LearningSettings settings;
    private final Clock clock;

    public PolicyAdvice(SitePolicies policies, DecisionExamples examples, LearningSettings settings, Clock clock) {
        this.policies = policies;
        this.examples = examples;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * What one threshold would have done. {@code published}, {@code queued}, {@code rejected}: comments per outcome
     * with this threshold in place of the current one; {@code publishedButRejected}: of the published, how many
     * moderators rejected; {@code rejectedButApproved}: of the rejected, how many they approved; {@code
     * queuedApproved}/{@code queuedRejected}: moderator decisions on the queued ones. {@code precision} and
     * {@code recall} treat "score at or above this threshold" as a prediction that moderators reject (null without
     * labelled comments on that side).
     */
    public record Row(
            double threshold,
            int published,
            int queued,
            int rejected,
            int publishedButRejected,
            int rejectedButApproved,
            int queuedApproved,
            int queuedRejected,
            int labelledFlagged,
            Double precision,
            Double recall) {}

    /**
     * One attribute: its current thresholds, the table over review thresholds (the reject threshold kept) and the
     * table over reject thresholds (the review threshold kept).
     */
    public record AttributeAdvice(
            String attribute, Thresholds current, int scored, int labelled, List<Row> review, List<Row> reject) {}

    /** The one recommended change, with the rows at the current and the proposed threshold as evidence. */
    public record Recommendation(
            String attribute, String step, double from, double to, Row current, Row proposed, String summary) {}

    public record Advice(
            UUID siteId,
            int days,
            Instant from,
            Instant to,
            int comments,
            int labelled,
            boolean truncated,
            List<AttributeAdvice> attributes,
            Recommendation recommendation,
            String noRecommendation) {}

    private record Scored(Map<String, Double> scores, Boolean rejectedByModerators) {}

    @Transactional
    public Advice advise(UUID siteId, int days, String only) {
        if (only != null && (!Attributes.ALL.contains(only) || only.equals(Attributes.OFF_TOPIC))) {
            throw new LearningExceptions.InvalidLearningInput(
                    "attribute",
                    "must be a thresholded attribute, one of "
                            + Attributes.ALL.stream()
                                    .filter(a -> !a.equals(Attributes.OFF_TOPIC))
                                    .toList());
        }
        Instant to = clock.instant();
        Instant from = to.minus(days, ChronoUnit.DAYS);
        int max = settings.config().advice().maxComments();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = Comment.getEntityManager()
                .createNativeQuery("SELECT id, scores FROM comment "
                        + "WHERE site_id = ?1 AND created_at >= ?2 ORDER BY created_at DESC, id DESC LIMIT ?3")
                .setParameter(1, siteId)
                .setParameter(2, from)
                .setParameter(3, max + 1)
                .getResultList();
        boolean truncated = rows.size() > max;
        Map<UUID, Boolean> labels = examples.labelsSince(siteId, from);
        List<Scored> comments = new ArrayList<>();
        int labelled = 0;
        for (Object[] r : rows.subList(0, Math.min(max, rows.size()))) {
            Boolean label = labels.get((UUID) r[0]);
            labelled += label == null ? 0 : 1;
            comments.add(new Scored(Json.read((String) r[1], SCORES), label));
        }
        SitePolicy policy = policies.effective(siteId);
        int minEvidence = settings.config().advice().minEvidence();
        List<AttributeAdvice> out = new ArrayList<>();
        Recommendation best = null;
        double bestGain = MIN_GAIN;
        for (String attribute : Attributes.ALL) {
            Thresholds t = policy.thresholds().get(attribute);
            if (t == null || attribute.equals(Attributes.OFF_TOPIC) || (only != null && !only.equals(attribute))) {
                continue;
            }
            List<Scored> scored = comments.stream()
                    .filter(c -> c.scores().get(attribute) != null)
                    .toList();
            int withLabel = (int) scored.stream()
                    .filter(c -> c.rejectedByModerators() != null)
                    .count();
            List<Row> review = new ArrayList<>();
            List<Row> reject = new ArrayList<>();
            for (double g : grid(t)) {
                if (g <= t.reject()) {
                    review.add(row(scored, attribute, g, g, t.reject()));
                }
                if (g >= t.review()) {
                    reject.add(row(scored, attribute, g, t.review(), g));
                }
            }
            out.add(new AttributeAdvice(attribute, t, scored.size(), withLabel, review, reject));
            Row now = row(scored, attribute, t.review(), t.review(), t.reject());
            for (Row candidate : review) {
                double gain = f1(candidate) - f1(now);
                if (candidate.threshold() != t.review() && withLabel >= minEvidence && gain > bestGain) {
                    bestGain = gain;
                    best = new Recommendation(
                            attribute,
                            "review",
                            t.review(),
                            candidate.threshold(),
                            now,
                            candidate,
                            String.format(
                                    Locale.ROOT,
                                    "Queue %s from %.2f instead of %.2f: over the last %d days "
                                            + "precision %s -> %s and recall %s -> %s on %d moderator decisions; "
                                            + "%d instead of %d comments queued.",
                                    attribute,
                                    candidate.threshold(),
                                    t.review(),
                                    days,
                                    pct(now.precision()),
                                    pct(candidate.precision()),
                                    pct(now.recall()),
                                    pct(candidate.recall()),
                                    withLabel,
                                    candidate.queued(),
                                    now.queued()));
                }
            }
        }
        return new Advice(
                siteId,
                days,
                from,
                to,
                comments.size(),
                labelled,
                truncated,
                out,
                best,
                best == null
                        ? "No review threshold raises F1 by " + MIN_GAIN + " or more with at least " + minEvidence
                                + " moderator decisions as evidence"
                        : null);
    }

    private static TreeSet<Double> grid(Thresholds t) {
        TreeSet<Double> grid = new TreeSet<>();
        for (int i = 1; i <= Math.round(1 / STEP); i++) {
            grid.add(Math.round(i * STEP * 100) / 100.0);
        }
        if (t.review() <= 1) {
            grid.add(t.review());
        }
        if (t.reject() <= 1) {
            grid.add(t.reject());
        }
        return grid;
    }

    /** The outcomes with review and reject thresholds as given; {@code threshold} is the one the row varies. */
    static Row row(List<Scored> comments, String attribute, double threshold, double review, double reject) {
        int published = 0;
        int queued = 0;
        int rejected = 0;
        int publishedButRejected = 0;
        int rejectedButApproved = 0;
        int queuedApproved = 0;
        int queuedRejected = 0;
        int tp = 0;
        int flaggedLabelled = 0;
        int positives = 0;
        for (Scored c : comments) {
            double s = c.scores().get(attribute);
            Boolean bad = c.rejectedByModerators();
            boolean isBad = Boolean.TRUE.equals(bad);
            boolean isGood = Boolean.FALSE.equals(bad);
            if (s >= reject) {
                rejected++;
                rejectedButApproved += isGood ? 1 : 0;
            } else if (s >= review) {
                queued++;
                queuedApproved += isGood ? 1 : 0;
                queuedRejected += isBad ? 1 : 0;
            } else {
                published++;
                publishedButRejected += isBad ? 1 : 0;
            }
            if (bad != null) {
                positives += isBad ? 1 : 0;
                if (s >= threshold) {
                    flaggedLabelled++;
                    tp += isBad ? 1 : 0;
                }
            }
        }
        return new Row(
                threshold,
                published,
                queued,
                rejected,
                publishedButRejected,
                rejectedButApproved,
                queuedApproved,
                queuedRejected,
                flaggedLabelled,
                flaggedLabelled == 0 ? null : (double) tp / flaggedLabelled,
                positives == 0 ? null : (double) tp / positives);
    }

    private static double f1(Row r) {
        if (r.precision() == null || r.recall() == null || r.precision() + r.recall() == 0) {
            return 0;
        }
        return 2 * r.precision() * r.recall() / (r.precision() + r.recall());
    }

    private static String pct(Double v) {
        return v == null ? "n/a" : String.format(Locale.ROOT, "%.0f %%", v * 100);
    }
}
