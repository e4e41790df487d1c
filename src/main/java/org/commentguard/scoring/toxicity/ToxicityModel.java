package org.commentguard.scoring.toxicity;

import org.commentguard.scoring.toxicity.ToxicityFeatures.Counts;
import org.commentguard.scoring.toxicity.ToxicityFeatures.IntFloatMap;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Objects;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The first-stage toxicity model: one logistic regression per {@link ToxicityAttribute} over shared hashed
 * tf-idf features (trained with OpenNLP's L-BFGS maximum-entropy trainer), each followed by an isotonic
 * {@link Calibration} fitted on a held-out calibration split. All six models live in ONE file so a single sha256 covers them.
 *
 * <p>Immutable and thread-safe once built.
 */
public final class ToxicityModel {

    private static final int MAGIC = 0x43475458; // "CGTX"
    private static final int FORMAT = 1;
    private static final int A = ToxicityAttribute.values().length;

    private final ToxicityFeatures features;
    private final float[] idf;
    /** Hashed weights, interleaved: bucket * A + attribute, so one bucket's six weights share a cache line. */
    private final float[] weights;
    /** Dense weights: dense feature * A + attribute. */
    private final float[] denseWeights;

    private final Calibration[] calibration;

    /**
     * @param idf          inverse document frequency per hash bucket, 0 for buckets the model ignores
     * @param weights      {@code buckets × 6} weights, bucket-major
     * @param denseWeights {@code DENSE × 6} weights, feature-major; the BIAS row is the intercept
     * @param calibration  logit → probability map per attribute
     */
    public ToxicityModel(int bits, float[] idf, float[] weights, float[] denseWeights, Calibration[] calibration) {
        this.features = new ToxicityFeatures(bits);
        int buckets = features.buckets();
        if (idf.length != buckets
                || weights.length != buckets * A
                || denseWeights.length != ToxicityFeatures.DENSE * A
                || calibration.length != A) {
            throw new IllegalArgumentException("inconsistent toxicity model dimensions");
        }
        this.idf = idf;
        this.weights = weights;
        this.denseWeights = denseWeights;
        this.calibration = calibration.clone();
    }

    public ToxicityFeatures features() {
        return features;
    }

    /** Returns a copy of this model with new calibration parameters. */
    public ToxicityModel withCalibration(Calibration[] calibration) {
        return new ToxicityModel(features.bits(), idf, weights, denseWeights, calibration);
    }

    /** Calibrated probabilities of the six attributes for a comment. */
    public ToxicityScores score(String text) {
        return ToxicityScores.of(calibrate(logits(text)));
    }

    /** Uncalibrated logits (the linear models' outputs) in attribute order. */
    public double[] logits(String text) {
        Objects.requireNonNull(text, "text");
        return logits(features.extract(text, ToxicityTextNormalizer.normalize(text)));
    }

    double[] logits(Counts counts) {
        double[] z = new double[A];
        addGroup(counts.words(), z);
        addGroup(counts.chars(), z);
        float[] dense = counts.dense();
        for (int f = 0; f < dense.length; f++) {
            float v = dense[f];
            if (v != 0f) {
                int base = f * A;
                for (int a = 0; a < A; a++) {
                    z[a] += v * denseWeights[base + a];
                }
            }
        }
        return z;
    }

    /** Adds one L2-normalised sublinear tf-idf group (words or characters), as the trainer built it. */
    private void addGroup(IntFloatMap counts, double[] z) {
        double norm = 0;
        int cap = counts.capacity();
        for (int s = 0; s < cap; s++) {
            int k = counts.keyAt(s);
            if (k >= 0) {
                float w = idf[k];
                if (w != 0f) {
                    double v = (1.0 + Math.log(counts.valueAt(s))) * w;
                    norm += v * v;
                }
            }
        }
        if (norm == 0) {
            return;
        }
        double inv = 1.0 / Math.sqrt(norm);
        double z0 = 0, z1 = 0, z2 = 0, z3 = 0, z4 = 0, z5 = 0;
        for (int s = 0; s < cap; s++) {
            int k = counts.keyAt(s);
            if (k >= 0) {
                float w = idf[k];
                if (w != 0f) {
                    double v = (1.0 + Math.log(counts.valueAt(s))) * w * inv;
                    int base = k * A;
                    z0 += v * weights[base];
                    z1 += v * weights[base + 1];
                    z2 += v * weights[base + 2];
                    z3 += v * weights[base + 3];
                    z4 += v * weights[base + 4];
                    z5 += v * weights[base + 5];
                }
            }
        }
        z[0] += z0;
        z[1] += z1;
        z[2] += z2;
        z[3] += z3;
        z[4] += z4;
        z[5] += z5;
    }

    /** Applies each attribute's calibration to its logit. */
    public double[] calibrate(double[] logits) {
        double[] p = new double[A];
        for (int a = 0; a < A; a++) {
            p[a] = calibration[a].apply(logits[a]);
        }
        return p;
    }

    /**
     * Writes the model. The format is gzip of: magic, format, normaliser and feature versions, hash bits, attribute
     * ids, dense weights, calibration knots, then the non-zero buckets as (delta-coded id, idf, six weights) with the
     * bucket values quantised to 16 bits. Output is deterministic, so identical training yields an identical
     * sha256.
     */
    public void write(OutputStream out) throws IOException {
        GZIPOutputStream gz = new GZIPOutputStream(out, 1 << 16);
        DataOutputStream d = new DataOutputStream(new BufferedOutputStream(gz, 1 << 16));
        d.writeInt(MAGIC);
        d.writeInt(FORMAT);
        d.writeInt(ToxicityTextNormalizer.VERSION);
        d.writeInt(ToxicityFeatures.VERSION);
        d.writeInt(features.bits());
        d.writeInt(A);
        for (ToxicityAttribute a : ToxicityAttribute.values()) {
            d.writeUTF(a.id());
        }
        d.writeInt(ToxicityFeatures.DENSE);
        for (float w : denseWeights) {
            d.writeFloat(w);
        }
        for (Calibration c : calibration) {
            d.writeInt(c.logits().length);
            for (int i = 0; i < c.logits().length; i++) {
                d.writeDouble(c.logits()[i]);
                d.writeDouble(c.probabilities()[i]);
            }
        }
        float idfMax = 0f;
        float[] wMax = new float[A];
        int nonZero = 0;
        for (int k = 0; k < idf.length; k++) {
            if (idf[k] != 0f) {
                nonZero++;
                idfMax = Math.max(idfMax, idf[k]);
                for (int a = 0; a < A; a++) {
                    wMax[a] = Math.max(wMax[a], Math.abs(weights[k * A + a]));
                }
            }
        }
        float idfScale = idfMax == 0f ? 1f : idfMax / 65535f;
        d.writeFloat(idfScale);
        float[] wScale = new float[A];
        for (int a = 0; a < A; a++) {
            wScale[a] = wMax[a] == 0f ? 1f : wMax[a] / 32767f;
            d.writeFloat(wScale[a]);
        }
        d.writeInt(nonZero);
        int prev = -1;
        for (int k = 0; k < idf.length; k++) {
            if (idf[k] != 0f) {
                writeVarInt(d, k - prev);
                prev = k;
                // never round a kept bucket's idf down to 0, which would silently drop the feature
                d.writeShort(Math.max(1, Math.round(idf[k] / idfScale)));
                for (int a = 0; a < A; a++) {
                    d.writeShort(Math.round(weights[k * A + a] / wScale[a]));
                }
            }
        }
        d.flush();
        gz.finish();
    }

    /** Reads a model written by {@link #write}; rejects files made for other normaliser or feature versions. */
    public static ToxicityModel read(InputStream in) throws IOException {
        DataInputStream d = new DataInputStream(new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16));
        if (d.readInt() != MAGIC) {
            throw new IOException("not a toxicity model file");
        }
        int format = d.readInt();
        int normalizer = d.readInt();
        int featureVersion = d.readInt();
        if (format != FORMAT
                || normalizer != ToxicityTextNormalizer.VERSION
                || featureVersion != ToxicityFeatures.VERSION) {
            throw new IOException("toxicity model was built for format/normaliser/features " + format + "/"
                    + normalizer + "/" + featureVersion + ", this code reads " + FORMAT + "/"
                    + ToxicityTextNormalizer.VERSION + "/" + ToxicityFeatures.VERSION + "; retrain it");
        }
        int bits = d.readInt();
        if (d.readInt() != A) {
            throw new IOException("toxicity model has an unexpected number of attributes");
        }
        for (ToxicityAttribute a : ToxicityAttribute.values()) {
            String id = d.readUTF();
            if (!id.equals(a.id())) {
                throw new IOException("toxicity model attribute " + id + " where " + a.id() + " was expected");
            }
        }
        if (d.readInt() != ToxicityFeatures.DENSE) {
            throw new IOException("toxicity model has an unexpected number of dense features");
        }
        float[] dense = new float[ToxicityFeatures.DENSE * A];
        for (int i = 0; i < dense.length; i++) {
            dense[i] = d.readFloat();
        }
        Calibration[] calibration = new Calibration[A];
        for (int a = 0; a < A; a++) {
            int knots = d.readInt();
            if (knots <= 0 || knots > 1_000_000) {
                throw new IOException("corrupt toxicity model calibration");
            }
            double[] x = new double[knots];
            double[] y = new double[knots];
            for (int i = 0; i < knots; i++) {
                x[i] = d.readDouble();
                y[i] = d.readDouble();
            }
            calibration[a] = new Calibration(x, y);
        }
        float idfScale = d.readFloat();
        float[] wScale = new float[A];
        for (int a = 0; a < A; a++) {
            wScale[a] = d.readFloat();
        }
        int buckets = 1 << bits;
        float[] idf = new float[buckets];
        float[] weights = new float[buckets * A];
        int nonZero = d.readInt();
        int k = -1;
        for (int i = 0; i < nonZero; i++) {
            k += readVarInt(d);
            if (k >= buckets) {
                throw new IOException("toxicity model bucket out of range");
            }
            idf[k] = (d.readShort() & 0xffff) * idfScale;
            for (int a = 0; a < A; a++) {
                weights[k * A + a] = d.readShort() * wScale[a];
            }
        }
        return new ToxicityModel(bits, idf, weights, dense, calibration);
    }

    private static void writeVarInt(DataOutputStream d, int v) throws IOException {
        while ((v & ~0x7f) != 0) {
            d.writeByte((v & 0x7f) | 0x80);
            v >>>= 7;
        }
        d.writeByte(v);
    }

    private static int readVarInt(DataInputStream d) throws IOException {
        int v = 0;
        int shift = 0;
        while (true) {
            int b = d.readUnsignedByte();
            v |= (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                return v;
            }
            shift += 7;
            if (shift > 28) {
                throw new IOException("corrupt toxicity model");
            }
        }
    }
}
