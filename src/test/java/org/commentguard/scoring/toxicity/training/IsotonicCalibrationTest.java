package org.commentguard.scoring.toxicity.training;

import org.commentguard.scoring.toxicity.Calibration;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class IsotonicCalibrationTest {

    @Test
    void fitsAnIsotonicCalibrationThatMatchesObservedRates() {
        double[] z = new double[1000];
        int[] y = new int[1000];
        for (int i = 0; i < z.length; i++) {
            z[i] = i % 2 == 0 ? 1 : -1;
            // 80% positives at z = 1 and 20% at z = -1
            y[i] = (i % 2 == 0) == (i % 10 < 8) ? 1 : 0;
        }
        Calibration c = IsotonicCalibration.fit(z, y);

        assertThat(c.apply(1)).isCloseTo(0.8, within(2e-3));
        assertThat(c.apply(-1)).isCloseTo(0.2, within(2e-3));
        assertThat(c.apply(0)).isCloseTo(0.5, within(2e-3));
        assertThat(c.apply(5)).isEqualTo(c.apply(1));
    }

    @Test
    void keepsIsotonicCalibrationMonotoneWhenLabelsAreNot() {
        double[] z = new double[200];
        int[] y = new int[200];
        for (int i = 0; i < z.length; i++) {
            z[i] = i;
            y[i] = (i * 7919) % 3 == 0 ? 1 : 0;
        }
        Calibration c = IsotonicCalibration.fit(z, y);

        for (int i = 1; i < c.probabilities().length; i++) {
            assertThat(c.probabilities()[i]).isGreaterThanOrEqualTo(c.probabilities()[i - 1]);
        }
    }
}
