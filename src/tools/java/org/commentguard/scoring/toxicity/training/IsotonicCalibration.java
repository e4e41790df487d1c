package org.commentguard.scoring.toxicity.training;

import org.commentguard.scoring.toxicity.Calibration;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Isotonic regression (pool-adjacent-violators) of held-out labels on model logits, turned into the knots of a
 * piecewise-linear {@link Calibration}. Unlike a single sigmoid it can follow a score distribution that mixes
 * sources with different base rates, which the toxicity corpus does.
 */
final class IsotonicCalibration {

    /**
     * Blocks smaller than this are pooled with a neighbour: a calibrated 0.97 resting on three comments would be
     * noise, and pooling neighbours of a monotone sequence keeps it monotone.
     */
    static final int MIN_BLOCK = 25;

    private IsotonicCalibration() {}

    static Calibration fit(double[] z, int[] y) {
        if (z.length == 0) {
            return Calibration.sigmoid();
        }
        Integer[] order = new Integer[z.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> z[i]));
        // blocks: [sumZ, sumY, n]; equal logits always start in one block so knots stay strictly increasing
        List<double[]> blocks = new ArrayList<>();
        for (int k = 0; k < order.length; k++) {
            int i = order[k];
            if (k > 0 && z[i] == z[order[k - 1]]) {
                double[] b = blocks.get(blocks.size() - 1);
                b[0] += z[i];
                b[1] += y[i];
                b[2]++;
            } else {
                blocks.add(new double[] {z[i], y[i], 1});
            }
            while (blocks.size() > 1 && rate(blocks.get(blocks.size() - 2)) >= rate(blocks.get(blocks.size() - 1))) {
                merge(blocks, blocks.size() - 2);
            }
        }
        int i = 0;
        while (blocks.size() > 1 && i < blocks.size()) {
            if (blocks.get(i)[2] < MIN_BLOCK) {
                merge(blocks, i == blocks.size() - 1 ? i - 1 : i);
                i = Math.max(0, i - 1);
            } else {
                i++;
            }
        }
        double[] knotsZ = new double[blocks.size()];
        double[] knotsP = new double[blocks.size()];
        double running = 0;
        for (int k = 0; k < blocks.size(); k++) {
            double[] b = blocks.get(k);
            knotsZ[k] = b[0] / b[2];
            // a half-count prior keeps the outer knots off exactly 0 and 1
            running = Math.max(running, (b[1] + 0.5) / (b[2] + 1));
            knotsP[k] = running;
        }
        return new Calibration(knotsZ, knotsP);
    }

    private static double rate(double[] b) {
        return b[1] / b[2];
    }

    private static void merge(List<double[]> blocks, int i) {
        double[] a = blocks.get(i);
        double[] b = blocks.remove(i + 1);
        a[0] += b[0];
        a[1] += b[1];
        a[2] += b[2];
    }
}
