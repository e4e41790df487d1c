package org.commentguard.policy;

/**
 * Score limits of one attribute: at or above {@code review} a comment is queued, at or above {@code reject} it is
 * rejected. A limit above 1 switches that step off.
 */
public record Thresholds(double review, double reject) {

    /** Validation message, or {@code null} when the pair is usable. */
    public String problem() {
        if (Double.isNaN(review)
                || Double.isNaN(reject)
                || review < 0
                || reject < 0
                || review > 1.01
                || reject > 1.01) {
            return "review and reject must be between 0 and 1.01 (above 1 switches the step off)";
        }
        if (review > reject) {
            return "review must not be above reject";
        }
        return null;
    }
}
