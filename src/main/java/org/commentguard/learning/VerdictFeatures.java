package org.commentguard.learning;

import org.commentguard.scoring.Attributes;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The inputs of a site verdict model: each attribute's calibrated score and its logit, and one flag per policy
 * reason that does not come from a score (word lists, author standing, moderation mode). Score-derived reasons
 * such as {@code toxicity.review} are left out: they are step functions of the scores already present.
 */
public final class VerdictFeatures {

    /** Verdict reasons that carry information the scores do not. */
    static final List<String> REASON_FLAGS = List.of(
            "term.blocked",
            "term.review",
            "term.censored",
            "off_topic",
            "scorer.failed",
            "language.unsupported",
            "author.banned",
            "author.suspended",
            "author.new",
            "author.premoderated",
            "author.trusted",
            "policy.link",
            "policy.premoderate_all");

    /** Logits are cut at this probability distance from 0 and 1 so that one saturated score cannot dominate. */
    private static final double EPSILON = 1e-4;

    public static final List<String> NAMES = names();

    private VerdictFeatures() {}

    private static List<String> names() {
        List<String> n = new ArrayList<>();
        for (String a : Attributes.ALL) {
            n.add("score:" + a);
            n.add("logit:" + a);
        }
        REASON_FLAGS.forEach(r -> n.add("reason:" + r));
        return List.copyOf(n);
    }

    /** The feature vector, in {@link #NAMES} order; a missing score counts as 0. */
    public static double[] of(Map<String, Double> scores, Collection<String> reasons) {
        double[] x = new double[NAMES.size()];
        int i = 0;
        for (String a : Attributes.ALL) {
            Double s = scores.get(a);
            double p = s == null || s.isNaN() ? 0.0 : Math.max(0.0, Math.min(1.0, s));
            double q = Math.max(EPSILON, Math.min(1 - EPSILON, p));
            x[i++] = p;
            x[i++] = Math.log(q / (1 - q));
        }
        for (String r : REASON_FLAGS) {
            x[i++] = reasons.contains(r) ? 1.0 : 0.0;
        }
        return x;
    }
}
