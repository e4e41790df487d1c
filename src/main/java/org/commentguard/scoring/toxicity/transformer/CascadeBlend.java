package org.commentguard.scoring.toxicity.transformer;

import org.commentguard.scoring.model.ModelArtifact;
import org.commentguard.scoring.toxicity.ToxicityAttribute;
import org.commentguard.scoring.toxicity.ToxicityScores;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * How the cascade combines the two stages inside the grey band: per attribute a logistic regression over the
 * logits of both calibrated probabilities, {@code p = sigmoid(wf·logit(first) + wt·logit(transformer) + c)},
 * fitted on held-out rows that neither stage trained on ({@code CascadeCalibration}), or a fixed linear mix an
 * operator chose ({@link #linear}). The fitted parameters live in
 * {@code models/toxicity-transformer/cascade.properties} and name the two model versions they were fitted for.
 */
public final class CascadeBlend {

    static final String FILE = "models/" + TransformerToxicityModel.MODEL_DIR + "/cascade.properties";
    /** Probabilities are clipped away from 0 and 1 before taking logits. */
    private static final double EPS = 1e-6;

    private final double[] firstWeight;
    private final double[] transformerWeight;
    private final double[] bias;
    private final double linearWeight;
    private final String description;

    private CascadeBlend(
            double[] firstWeight, double[] transformerWeight, double[] bias, double linearWeight, String description) {
        this.firstWeight = firstWeight;
        this.transformerWeight = transformerWeight;
        this.bias = bias;
        this.linearWeight = linearWeight;
        this.description = description;
    }

    /** A fixed mix {@code w·transformer + (1−w)·first}, for operators who override the fitted blend. */
    public static CascadeBlend linear(double weight) {
        if (!(weight >= 0 && weight <= 1)) {
            throw new IllegalArgumentException("blend weight must lie in [0,1]: " + weight);
        }
        return new CascadeBlend(null, null, null, weight, "linear:" + weight);
    }

    /** Logistic blend with the given per-attribute parameters, in {@link ToxicityAttribute} order. */
    public static CascadeBlend logistic(double[] firstWeight, double[] transformerWeight, double[] bias) {
        int n = ToxicityAttribute.values().length;
        if (firstWeight.length != n || transformerWeight.length != n || bias.length != n) {
            throw new IllegalArgumentException("expected " + n + " parameters per term");
        }
        return new CascadeBlend(firstWeight.clone(), transformerWeight.clone(), bias.clone(), Double.NaN, "fitted");
    }

    /**
     * Loads the shipped fitted blend and checks that it was fitted for {@code transformerId}; a blend fitted for
     * another model version would silently mis-combine, so that fails start-up.
     */
    public static CascadeBlend loadShipped(String transformerId) {
        Properties p = new Properties();
        try (InputStream in = CascadeBlend.class.getClassLoader().getResourceAsStream(FILE)) {
            if (in == null) {
                throw new ModelArtifact.ModelIntegrityException(FILE + " is missing from the class path");
            }
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + FILE, e);
        }
        String fittedFor = p.getProperty("transformer");
        if (!transformerId.equals(fittedFor)) {
            throw new ModelArtifact.ModelIntegrityException(FILE + " was fitted for " + fittedFor + ", not for "
                    + transformerId + "; rerun CascadeCalibration");
        }
        int n = ToxicityAttribute.values().length;
        double[] wf = new double[n];
        double[] wt = new double[n];
        double[] c = new double[n];
        for (ToxicityAttribute a : ToxicityAttribute.values()) {
            wf[a.ordinal()] = number(p, "blend." + a.id() + ".first");
            wt[a.ordinal()] = number(p, "blend." + a.id() + ".transformer");
            c[a.ordinal()] = number(p, "blend." + a.id() + ".bias");
        }
        return new CascadeBlend(
                wf, wt, c, Double.NaN, "fitted for " + p.getProperty("first_stage") + " + " + fittedFor);
    }

    private static double number(Properties p, String key) {
        String v = p.getProperty(key);
        if (v == null) {
            throw new ModelArtifact.ModelIntegrityException(FILE + " lacks '" + key + "'");
        }
        return Double.parseDouble(v);
    }

    /** What this blend is, for logs and tools. */
    public String description() {
        return description;
    }

    /** The refined scores of a comment from both stages' calibrated probabilities. */
    public ToxicityScores combine(ToxicityScores first, ToxicityProbabilities transformer) {
        double[] out = new double[ToxicityAttribute.values().length];
        for (ToxicityAttribute a : ToxicityAttribute.values()) {
            out[a.ordinal()] = combine(a, first.get(a), transformer.get(a.id()));
        }
        return ToxicityScores.of(out);
    }

    /** One attribute's refined probability. */
    public double combine(ToxicityAttribute attribute, double first, double transformer) {
        if (firstWeight == null) {
            return clamp(linearWeight * transformer + (1 - linearWeight) * first);
        }
        int i = attribute.ordinal();
        double z = firstWeight[i] * logit(first) + transformerWeight[i] * logit(transformer) + bias[i];
        return clamp(1.0 / (1.0 + Math.exp(-z)));
    }

    public static double logit(double p) {
        double q = Math.min(1 - EPS, Math.max(EPS, p));
        return Math.log(q / (1 - q));
    }

    private static double clamp(double v) {
        return Math.max(0.0, Math.min(1.0, v));
    }
}
