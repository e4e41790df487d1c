package org.commentguard.scoring.spam;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * The spam model: a logistic regression over {@link SpamFeatures} (dense weights for the hand features, hashed
 * weights for word n-grams) followed by Platt scaling, so that {@link #probability} is a calibrated probability.
 * Immutable and thread-safe.
 */
public final class SpamModel {

    /** First field of the binary file; bump when the layout or the feature extraction changes meaning. */
    public static final String FORMAT = "commentguard-spam-lr/1";

    private final double bias;
    private final double[] dense;
    private final float[] hashed;
    private final double plattA;
    private final double plattB;

    /**
     * @param bias   intercept of the raw logit
     * @param dense  one weight per dense feature ({@link SpamFeatures#DENSE})
     * @param hashed one weight per hashed bucket ({@link SpamFeatures#HASH_DIM})
     * @param plattA slope applied to the raw logit before the sigmoid
     * @param plattB offset applied to the raw logit before the sigmoid
     */
    public SpamModel(double bias, double[] dense, float[] hashed, double plattA, double plattB) {
        if (dense.length != SpamFeatures.DENSE || hashed.length != SpamFeatures.HASH_DIM) {
            throw new IllegalArgumentException("weight vector sizes do not match the feature layout");
        }
        this.bias = bias;
        this.dense = dense.clone();
        this.hashed = hashed.clone();
        this.plattA = plattA;
        this.plattB = plattB;
    }

    /** The uncalibrated score. */
    public double logit(SpamFeatures.Extraction x) {
        double z = bias;
        double[] d = x.dense();
        for (int f = 0; f < d.length; f++) {
            z += dense[f] * d[f];
        }
        double sum = 0;
        for (int idx : x.hashed()) {
            sum += hashed[idx];
        }
        return z + sum * x.hashedValue();
    }

    /** Calibrated probability that the comment is spam. */
    public double probability(SpamFeatures.Extraction x) {
        return calibrate(logit(x));
    }

    /** Maps a raw logit to a calibrated probability. */
    public double calibrate(double logit) {
        return 1 / (1 + Math.exp(-(plattA * logit + plattB)));
    }

    /**
     * What one piece of evidence alone says: the calibrated probability of a comment whose only active feature
     * are {@code features}, each at value 1. Used as the score of a span.
     */
    public double evidenceScore(int... features) {
        double z = bias;
        for (int f : features) {
            z += dense[f];
        }
        return calibrate(z);
    }

    /** The same weights with another Platt calibration. */
    public SpamModel withCalibration(double a, double b) {
        return new SpamModel(bias, dense, hashed, a, b);
    }

    public double bias() {
        return bias;
    }

    public double denseWeight(int feature) {
        return dense[feature];
    }

    public double plattA() {
        return plattA;
    }

    public double plattB() {
        return plattB;
    }

    /** Writes the model; the output is a pure function of the weights, so retraining reproduces the sha256. */
    public void write(OutputStream out) throws IOException {
        DataOutputStream data = new DataOutputStream(out);
        data.writeUTF(FORMAT);
        data.writeInt(SpamFeatures.HASH_BITS);
        data.writeInt(SpamFeatures.DENSE);
        data.writeDouble(bias);
        for (double w : dense) {
            data.writeDouble(w);
        }
        data.writeDouble(plattA);
        data.writeDouble(plattB);
        int nonZero = 0;
        for (float w : hashed) {
            if (w != 0f) {
                nonZero++;
            }
        }
        data.writeInt(nonZero);
        for (int i = 0; i < hashed.length; i++) {
            if (hashed[i] != 0f) {
                data.writeInt(i);
                data.writeFloat(hashed[i]);
            }
        }
        data.flush();
    }

    public static SpamModel read(InputStream in) throws IOException {
        DataInputStream data = new DataInputStream(in);
        String format = data.readUTF();
        if (!FORMAT.equals(format)) {
            throw new IOException("unsupported spam model format '" + format + "', expected " + FORMAT);
        }
        int bits = data.readInt();
        int denseCount = data.readInt();
        if (bits != SpamFeatures.HASH_BITS || denseCount != SpamFeatures.DENSE) {
            throw new IOException("spam model has " + bits + " hash bits and " + denseCount
                    + " dense features; this code expects " + SpamFeatures.HASH_BITS + " and " + SpamFeatures.DENSE);
        }
        double bias = data.readDouble();
        double[] dense = new double[denseCount];
        for (int f = 0; f < denseCount; f++) {
            dense[f] = data.readDouble();
        }
        double a = data.readDouble();
        double b = data.readDouble();
        float[] hashed = new float[SpamFeatures.HASH_DIM];
        int nonZero = data.readInt();
        for (int k = 0; k < nonZero; k++) {
            int idx = data.readInt();
            if (idx < 0 || idx >= hashed.length) {
                throw new IOException("hashed weight index out of range: " + idx);
            }
            hashed[idx] = data.readFloat();
        }
        return new SpamModel(bias, dense, hashed, a, b);
    }

    @Override
    public String toString() {
        return "SpamModel[bias=" + bias + ", dense=" + Arrays.toString(dense) + ", platt=" + plattA + "," + plattB
                + "]";
    }
}
