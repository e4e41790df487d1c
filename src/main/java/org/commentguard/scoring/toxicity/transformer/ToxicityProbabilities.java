package org.commentguard.scoring.toxicity.transformer;

import java.util.List;

/**
 * Calibrated probabilities (0..1) from the transformer stage, one per label. Each is calibrated on its own
 * (Platt scaling on a held-out split), so {@code toxicity} can be read as "chance a rater calls this toxic";
 * the sub-labels are independent and do not sum to anything.
 */
public record ToxicityProbabilities(
        double toxicity, double severeToxicity, double obscene, double threat, double insult, double identityAttack) {

    /** Label names in model output order, as used in {@code model.properties} and the model card. */
    public static final List<String> LABELS =
            List.of("toxicity", "severe_toxicity", "obscene", "threat", "insult", "identity_attack");

    static ToxicityProbabilities of(double[] p) {
        return new ToxicityProbabilities(p[0], p[1], p[2], p[3], p[4], p[5]);
    }

    /** The probability for a label name from {@link #LABELS}. */
    public double get(String label) {
        return switch (label) {
            case "toxicity" -> toxicity;
            case "severe_toxicity" -> severeToxicity;
            case "obscene" -> obscene;
            case "threat" -> threat;
            case "insult" -> insult;
            case "identity_attack" -> identityAttack;
            default -> throw new IllegalArgumentException("unknown label " + label);
        };
    }

    /** The highest of the six probabilities. */
    public double max() {
        return Math.max(
                Math.max(Math.max(toxicity, severeToxicity), Math.max(obscene, threat)),
                Math.max(insult, identityAttack));
    }
}
