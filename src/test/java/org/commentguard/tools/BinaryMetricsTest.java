package org.commentguard.tools;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class BinaryMetricsTest {

    @Test
    void computesRocAucWithTiesSharingTheirRank() {
        double[] s = {0.1, 0.4, 0.35, 0.8};
        int[] y = {0, 0, 1, 1};
        assertThat(BinaryMetrics.rocAuc(s, y)).isCloseTo(0.75, within(1e-12));
        assertThat(BinaryMetrics.rocAuc(new double[] {0.5, 0.5}, new int[] {0, 1}))
                .isCloseTo(0.5, within(1e-12));
    }

    @Test
    void computesAveragePrecision() {
        double[] s = {0.1, 0.4, 0.35, 0.8};
        int[] y = {0, 0, 1, 1};
        // ranked: 0.8(+) 0.4(-) 0.35(+) 0.1(-): AP = (1/1 + 2/3) / 2
        assertThat(BinaryMetrics.prAuc(s, y)).isCloseTo((1 + 2.0 / 3) / 2, within(1e-12));
    }

    @Test
    void computesPrecisionRecallAndF1AtAThreshold() {
        double[] prf = BinaryMetrics.prf(new double[] {0.9, 0.6, 0.4, 0.2}, new int[] {1, 0, 1, 0}, 0.5);
        assertThat(prf[0]).isCloseTo(0.5, within(1e-12));
        assertThat(prf[1]).isCloseTo(0.5, within(1e-12));
        assertThat(prf[2]).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void countsConfusionAtAThresholdWithTheFalsePositiveRateOverNegatives() {
        BinaryMetrics.Confusion c =
                BinaryMetrics.Confusion.of(new double[] {0.9, 0.6, 0.5, 0.4, 0.2}, new int[] {1, 0, 1, 1, 0}, 0.5);
        assertThat(c.n()).isEqualTo(5);
        assertThat(c.positives()).isEqualTo(3);
        assertThat(c.tp()).isEqualTo(2);
        assertThat(c.fp()).isEqualTo(1);
        assertThat(c.fn()).isEqualTo(1);
        assertThat(c.precision()).isCloseTo(2 / 3.0, within(1e-12));
        assertThat(c.recall()).isCloseTo(2 / 3.0, within(1e-12));
        assertThat(c.falsePositiveRate()).isCloseTo(0.5, within(1e-12));
        // positives 0.9, 0.5, 0.4 against negatives 0.6, 0.2: 4 of 6 pairs ranked right
        assertThat(c.auc()).isCloseTo(4 / 6.0, within(1e-12));
    }

    @Test
    void leavesRocAucUndefinedWithoutBothClasses() {
        assertThat(BinaryMetrics.rocAuc(new double[] {0.2, 0.7}, new int[] {1, 1}))
                .isNaN();
        assertThat(BinaryMetrics.Confusion.of(new double[] {0.2, 0.7}, new int[] {0, 0}, 0.5)
                        .auc())
                .isNaN();
    }
}
