package org.commentguard.scoring.toxicity;

import java.util.Arrays;

/**
 * A monotone map from a model logit to a calibrated probability: linear interpolation between knots fitted by
 * isotonic regression on a held-out calibration split, constant beyond the outer knots.
 *
 * @param logits        knot positions, strictly increasing
 * @param probabilities knot values, non-decreasing, in (0,1)
 */
public record Calibration(double[] logits, double[] probabilities) {

    public Calibration {
        if (logits.length == 0 || logits.length != probabilities.length) {
            throw new IllegalArgumentException("calibration needs matching, non-empty knots");
        }
        for (int i = 0; i < logits.length; i++) {
            if (!(probabilities[i] >= 0 && probabilities[i] <= 1)
                    || i > 0 && (logits[i] <= logits[i - 1] || probabilities[i] < probabilities[i - 1])) {
                throw new IllegalArgumentException("calibration knots must be increasing probabilities");
            }
        }
        logits = logits.clone();
        probabilities = probabilities.clone();
    }

    /** The logistic function itself (σ(z)), for uncalibrated models and tests. */
    public static Calibration sigmoid() {
        double[] x = new double[81];
        double[] y = new double[81];
        for (int i = 0; i < x.length; i++) {
            x[i] = -20 + i * 0.5;
            y[i] = 1 / (1 + Math.exp(-x[i]));
        }
        return new Calibration(x, y);
    }

    public double apply(double logit) {
        if (logit <= logits[0]) {
            return probabilities[0];
        }
        int last = logits.length - 1;
        if (logit >= logits[last]) {
            return probabilities[last];
        }
        int i = Arrays.binarySearch(logits, logit);
        if (i >= 0) {
            return probabilities[i];
        }
        int hi = -i - 1;
        int lo = hi - 1;
        double t = (logit - logits[lo]) / (logits[hi] - logits[lo]);
        return probabilities[lo] + t * (probabilities[hi] - probabilities[lo]);
    }
}
