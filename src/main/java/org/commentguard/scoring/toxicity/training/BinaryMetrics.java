package org.commentguard.scoring.toxicity.training;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Threshold-free and thresholded quality measures of one binary attribute: ROC-AUC (with ties averaged), PR-AUC
 * as average precision, precision/recall/F1 at a threshold, Brier score and equal-width reliability bins.
 */
public final class BinaryMetrics {

    private BinaryMetrics() {
    }

    /** One reliability bin: how many scores fell in it, their mean, and the observed positive rate. */
    public record Bin(double low, double high, int count, double meanScore, double positiveRate) {
    }

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
        long tp = 0;
        long fp = 0;
        long fn = 0;
        for (int i = 0; i < scores.length; i++) {
            boolean p = scores[i] >= threshold;
            if (p && labels[i] == 1) {
                tp++;
            } else if (p) {
                fp++;
            } else if (labels[i] == 1) {
                fn++;
            }
        }
        double precision = tp + fp == 0 ? 0 : tp / (double) (tp + fp);
        double recall = tp + fn == 0 ? 0 : tp / (double) (tp + fn);
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new double[] {precision, recall, f1};
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
                out.add(new Bin(b / (double) bins, (b + 1) / (double) bins, count[b], sum[b] / count[b],
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

    static String format(double v) {
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
