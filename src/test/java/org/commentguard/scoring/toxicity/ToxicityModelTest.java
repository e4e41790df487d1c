package org.commentguard.scoring.toxicity;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ToxicityModelTest {

    @Test
    void survivesAWriteReadRoundTripWithTheSameScores() throws IOException {
        ToxicityModel model = TinyToxicityModels.train();
        ByteArrayOutputStream a = new ByteArrayOutputStream();
        model.write(a);
        ToxicityModel read = ToxicityModel.read(new ByteArrayInputStream(a.toByteArray()));
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        read.write(b);

        // the trainer already round-trips, so a second round trip must be exact and byte-identical
        assertThat(b.toByteArray()).isEqualTo(a.toByteArray());
        for (String text : new String[] {"You are an idiot.", "Lovely weather today.", ""}) {
            assertThat(read.score(text).toxicity()).isCloseTo(model.score(text).toxicity(), within(1e-9));
        }
    }

    @Test
    void refusesAFileThatIsNotAToxicityModel() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (var gz = new java.util.zip.GZIPOutputStream(bytes)) {
            gz.write(new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
        }

        assertThatThrownBy(() -> ToxicityModel.read(new ByteArrayInputStream(bytes.toByteArray())))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("not a toxicity model");
    }

    @Test
    void mapsLogitsThroughTheCalibrationKnots() {
        Calibration knots = new Calibration(new double[] {-2, 0, 2}, new double[] {0.1, 0.3, 0.9});
        Calibration[] all = {knots, knots, knots, knots, knots, knots};
        ToxicityModel model = TinyToxicityModels.train().withCalibration(all);

        double[] p = model.calibrate(new double[] {-5, -1, 0, 1, 2, 9});

        assertThat(p).containsExactly(new double[] {0.1, 0.2, 0.3, 0.6, 0.9, 0.9}, within(1e-12));
    }

    @Test
    void rejectsCalibrationKnotsThatAreNotMonotone() {
        assertThatThrownBy(() -> new Calibration(new double[] {0, 1}, new double[] {0.6, 0.4}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
