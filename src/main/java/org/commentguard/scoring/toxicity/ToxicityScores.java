package org.commentguard.scoring.toxicity;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Calibrated probabilities for the six toxicity attributes: the first stage's output and, when a
 * {@link ToxicityRefiner} intervenes, the refined result. Each value is in [0,1].
 */
public record ToxicityScores(
        double toxicity, double severeToxicity, double obscene, double threat, double insult, double identityAttack) {

    public ToxicityScores {
        for (double v : new double[] {toxicity, severeToxicity, obscene, threat, insult, identityAttack}) {
            if (!(v >= 0.0 && v <= 1.0)) {
                throw new IllegalArgumentException("toxicity scores must be probabilities: " + v);
            }
        }
    }

    /** Builds scores from an array in {@link ToxicityAttribute} order. */
    public static ToxicityScores of(double[] values) {
        if (values.length != ToxicityAttribute.values().length) {
            throw new IllegalArgumentException("expected " + ToxicityAttribute.values().length + " scores");
        }
        return new ToxicityScores(values[0], values[1], values[2], values[3], values[4], values[5]);
    }

    public double get(ToxicityAttribute attribute) {
        return switch (attribute) {
            case TOXICITY -> toxicity;
            case SEVERE_TOXICITY -> severeToxicity;
            case OBSCENE -> obscene;
            case THREAT -> threat;
            case INSULT -> insult;
            case IDENTITY_ATTACK -> identityAttack;
        };
    }

    /** Attribute id → score, in {@link ToxicityAttribute} order. */
    public Map<String, Double> asMap() {
        Map<String, Double> m = new LinkedHashMap<>();
        for (ToxicityAttribute a : ToxicityAttribute.values()) {
            m.put(a.id(), get(a));
        }
        return m;
    }
}
