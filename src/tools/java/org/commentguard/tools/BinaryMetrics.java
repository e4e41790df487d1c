package org.commentguard.tools;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The tools' one set of quality measures for a binary label: ROC-AUC (with ties averaged), PR-AUC as average
 * precision, the confusion counts and precision/recall/F1 at a threshold, Brier score and equal-width reliability
 * bins. Every trainer and evaluation (spam, toxicity, the cascade, off-topic) uses these, so a card's ROC-AUC means
 * the same everywhere.
 */
public final class BinaryMetrics {

    private BinaryMetrics() {}

    /**
     * Counts at a threshold (scores at or above it are called positive), plus ROC-AUC.
     *
     * @param n         examples
     * @param positives positive examples
     * @param tp        true positives at the threshold
     * @param fp        false positives
     * @param fn        false negatives
     * @param auc       area under the ROC curve (ties counted half), NaN when one class is absent
     */
    public record Confusion(int n, int positives, int tp, int fp, int fn, double auc) {

        public static Confusion of(double[] scores, int[] labels, double threshold) {
            return counted(scores, labels, threshold, rocAuc(scores, labels));
        }

        private static Confusion counted(double[] scores, int[] labels, double threshold, double auc) {
            int tp = 0, fp = 0, fn = 0, pos = 0;
            for (int i = 0; i < scores.length; i++) {
                boolean predicted = scores[i] >= threshold;
                if (labels[i] == 1) {
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
            return new Confusion(scores.length, pos, tp, fp, fn, auc);
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

        /** Share of negative examples scored at or above the threshold. */
        public double falsePositiveRate() {
            int negatives = n - positives;
            return negatives == 0 ? 0 : (double) fp / negatives;
        }

        @Override
        public String toString() {
            return String.format(
                    Locale.ROOT,
                    "n=%d positives=%d tp=%d fp=%d fn=%d precision=%.4f recall=%.4f " + "f1=%.4f fpr=%.4f roc_auc=%.4f",
                    n,
                    positives,
                    tp,
                    fp,
                    fn,
                    precision(),
                    recall(),
                    f1(),
                    falsePositiveRate(),
                    auc);
        }
    }

    /** One reliability bin: how many scores fell in it, their mean, and the observed positive rate. */
    public record Bin(double low, double high, int count, double meanScore, double positiveRate) {}

    /** ROC-AUC by the Mann–Whitney statistic; tied scores share their average rank. NaN without both classes. */
    public static double rocAuc(double[] scores, int[] labels) {
        int n = scores.length;
        Integer[] order = sortedIndices(scores);
        double rankSumPos = 0;
        long pos = 0;
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && scores[order[j + 1]] == scores[order[i]]) {
                j++;
            }
            double avgRank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                if (labels[order[k]] == 1) {
                    rankSumPos += avgRank;
                    pos++;
                }
            }
            i = j + 1;
        }
        long neg = n - pos;
        if (pos == 0 || neg == 0) {
            return Double.NaN;
        }
        return (rankSumPos - pos * (pos + 1) / 2.0) / ((double) pos * neg);
    }

    /** Average precision (area under the precision–recall curve, step-wise). NaN without positives. */
    public static double prAuc(double[] scores, int[] labels) {
        Integer[] order = sortedIndices(scores);
        int n = scores.length;
        long totalPos = Arrays.stream(labels).filter(l -> l == 1).count();
        if (totalPos == 0) {
            return Double.NaN;
        }
        double ap = 0;
        long tp = 0;
        int i = n - 1;
        long seen = 0;
        while (i >= 0) {
            int j = i;
            while (j - 1 >= 0 && scores[order[j - 1]] == scores[order[i]]) {
                j--;
            }
            long tpGroup = 0;
            for (int k = j; k <= i; k++) {
                tpGroup += labels[order[k]] == 1 ? 1 : 0;
            }
            seen += i - j + 1;
            tp += tpGroup;
            ap += (tpGroup / (double) totalPos) * (tp / (double) seen);
            i = j - 1;
        }
        return ap;
    }

    /** {precision, recall, f1} when scores ≥ threshold are called positive. */
    public static double[] prf(double[] scores, int[] labels, double threshold) {
        Confusion c = Confusion.counted(scores, labels, threshold, Double.NaN);
        return new double[] {c.precision(), c.recall(), c.f1()};
    }

    public static double brier(double[] scores, int[] labels) {
        double s = 0;
        for (int i = 0; i < scores.length; i++) {
            double d = scores[i] - labels[i];
            s += d * d;
        }
        return s / scores.length;
    }

    /** Equal-width reliability bins over [0,1]; empty bins are omitted. */
    public static List<Bin> reliability(double[] scores, int[] labels, int bins) {
        int[] count = new int[bins];
        double[] sum = new double[bins];
        int[] pos = new int[bins];
        for (int i = 0; i < scores.length; i++) {
            int b = Math.min(bins - 1, (int) (scores[i] * bins));
            count[b]++;
            sum[b] += scores[i];
            pos[b] += labels[i];
        }
        java.util.ArrayList<Bin> out = new java.util.ArrayList<>();
        for (int b = 0; b < bins; b++) {
            if (count[b] > 0) {
                out.add(new Bin(
                        b / (double) bins,
                        (b + 1) / (double) bins,
                        count[b],
                        sum[b] / count[b],
                        pos[b] / (double) count[b]));
            }
        }
        return out;
    }

    /** Expected calibration error: bin-count-weighted mean |mean score − positive rate|. */
    public static double ece(double[] scores, int[] labels, int bins) {
        double e = 0;
        for (Bin b : reliability(scores, labels, bins)) {
            e += b.count() * Math.abs(b.meanScore() - b.positiveRate());
        }
        return e / scores.length;
    }

    public static String format(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.4f", v);
    }

    private static Integer[] sortedIndices(double[] scores) {
        Integer[] order = new Integer[scores.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> scores[i]));
        return order;
    }
}
