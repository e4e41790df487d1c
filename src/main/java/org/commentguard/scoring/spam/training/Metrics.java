package org.commentguard.scoring.spam.training;

import java.util.Arrays;
import java.util.Locale;

/**
 * Binary classification metrics at a threshold, plus ROC-AUC.
 *
 * @param n         examples
 * @param positives spam examples
 * @param tp        true positives at the threshold
 * @param fp        false positives
 * @param fn        false negatives
 * @param auc       area under the ROC curve (ties counted half), NaN when one class is absent
 */
public record Metrics(int n, int positives, int tp, int fp, int fn, double auc) {

    public static Metrics of(double[] scores, boolean[] labels, double threshold) {
        int tp = 0, fp = 0, fn = 0, pos = 0;
        for (int i = 0; i < scores.length; i++) {
            boolean predicted = scores[i] >= threshold;
            if (labels[i]) {
                pos++;
                if (predicted) {
                    tp++;
                } else {
                    fn++;
                }
            } else if (predicted) {
                fp++;
            }
        }
        return new Metrics(scores.length, pos, tp, fp, fn, auc(scores, labels));
    }

    public double precision() {
        return tp + fp == 0 ? 0 : (double) tp / (tp + fp);
    }

    public double recall() {
        return tp + fn == 0 ? 0 : (double) tp / (tp + fn);
    }

    public double f1() {
        double p = precision(), r = recall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    /** Share of non-spam examples scored at or above the threshold. */
    public double falsePositiveRate() {
        int negatives = n - positives;
        return negatives == 0 ? 0 : (double) fp / negatives;
    }

    static double auc(double[] scores, boolean[] labels) {
        Integer[] idx = new Integer[scores.length];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, (a, b) -> Double.compare(scores[a], scores[b]));
        double rankSumPos = 0;
        long pos = 0;
        int i = 0;
        while (i < idx.length) {
            int j = i;
            while (j + 1 < idx.length && scores[idx[j + 1]] == scores[idx[i]]) {
                j++;
            }
            double rank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                if (labels[idx[k]]) {
                    rankSumPos += rank;
                    pos++;
                }
            }
            i = j + 1;
        }
        long neg = scores.length - pos;
        if (pos == 0 || neg == 0) {
            return Double.NaN;
        }
        return (rankSumPos - pos * (pos + 1) / 2.0) / (pos * neg);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "n=%d spam=%d tp=%d fp=%d fn=%d precision=%.4f recall=%.4f f1=%.4f "
                + "fpr=%.4f roc_auc=%.4f", n, positives, tp, fp, fn, precision(), recall(), f1(),
                falsePositiveRate(), auc);
    }
}
