package org.commentguard.review;

import org.commentguard.scoring.Attributes;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * How urgent a queued comment is. Pure arithmetic so the weights are visible in one place:
 * the worst harmful score (0–100 points), reader reports (15 points per unit of reporter-weighted report),
 * the author's recent rejections (10 points each, at most 5) and escalation (50 points). Age is added at read time
 * through {@link #rank}.
 */
public final class ReviewPriority {

    static final List<String> HARM = List.of(
            Attributes.SEVERE_TOXICITY,
            Attributes.THREAT,
            Attributes.IDENTITY_ATTACK,
            Attributes.TOXICITY,
            Attributes.INSULT,
            Attributes.OBSCENE,
            Attributes.PROFANITY,
            Attributes.SPAM);

    private ReviewPriority() {}

    public static double base(
            Map<String, Double> scores, double reportWeight, long authorRecentRejections, boolean escalated) {
        double worst = 0;
        for (String attribute : HARM) {
            Double s = scores.get(attribute);
            if (s != null) {
                worst = Math.max(worst, s);
            }
        }
        return 100 * worst + 15 * reportWeight + 10 * Math.min(authorRecentRejections, 5) + (escalated ? 50 : 0);
    }

    /**
     * The stored sort key: {@code base - ageWeight × hours(createdAt)}. Ordering by it equals ordering by
     * {@code base + ageWeight × age} at any instant, so rows never need rewriting as they age.
     */
    public static double rank(double base, Instant createdAt, double ageWeightPerHour) {
        return base - ageWeightPerHour * hours(createdAt);
    }

    /** The priority shown at {@code now}: base plus the age bonus. */
    public static double at(double rank, Instant now, double ageWeightPerHour) {
        return rank + ageWeightPerHour * hours(now);
    }

    private static double hours(Instant t) {
        return t.toEpochMilli() / 3_600_000.0;
    }
}
