package org.commentguard.scoring.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How closely one run's numbers reproduce a pinned reference: mean, p99 and max of |actual - reference|, and how
 * often both sides fall on the same side of a decision threshold.
 */
public record Agreement(int n, double mean, double p99, double max, int sameDecision, int decisions) {

    /**
     * @param actual values of this run
     * @param reference the pinned values, same order and length
     * @param decisionEvery only every {@code decisionEvery}-th value (from index 0) is a decided score, e.g. 6 to
     *        count the toxicity column of six labels per row; 0 for none
     * @param threshold the decision threshold for those values
     */
    public static Agreement of(double[] actual, double[] reference, int decisionEvery, double threshold) {
        if (actual.length != reference.length || actual.length == 0) {
            throw new IllegalArgumentException("need equally long, non-empty series");
        }
        double[] diffs = new double[actual.length];
        int same = 0;
        int decisions = 0;
        for (int i = 0; i < actual.length; i++) {
            diffs[i] = Math.abs(actual[i] - reference[i]);
            if (decisionEvery > 0 && i % decisionEvery == 0) {
                decisions++;
                if ((actual[i] >= threshold) == (reference[i] >= threshold)) {
                    same++;
                }
            }
        }
        double mean = Arrays.stream(diffs).average().orElseThrow();
        Arrays.sort(diffs);
        return new Agreement(
                diffs.length, mean, diffs[(int) (diffs.length * 0.99)], diffs[diffs.length - 1], same, decisions);
    }

    /**
     * Indices where {@code actual} falls on the other side of {@code threshold} than {@code reference}, counting only
     * reference values farther than {@code band} from the threshold (inside the band a flip is within tolerance).
     */
    public static List<Integer> decidedOtherwise(double[] actual, double[] reference, double threshold, double band) {
        List<Integer> flipped = new ArrayList<>();
        for (int i = 0; i < actual.length; i++) {
            if (Math.abs(reference[i] - threshold) > band && (actual[i] >= threshold) != (reference[i] >= threshold)) {
                flipped.add(i);
            }
        }
        return flipped;
    }

    @Override
    public String toString() {
        String decided = decisions == 0 ? "" : String.format(" same decision %d/%d", sameDecision, decisions);
        return String.format("mean %.2e p99 %.2e max %.2e over %d values%s", mean, p99, max, n, decided);
    }
}
