package org.commentguard.scoring.spam.training;

import org.commentguard.scoring.spam.SpamFeatures;
import org.commentguard.scoring.spam.SpamModel;

import java.util.List;
import java.util.Random;

/**
 * Deterministic trainer for {@link SpamModel}: logistic regression by AdaGrad over shuffled examples (fixed seed),
 * L2-regularised, with Platt scaling fitted on out-of-fold scores.
 *
 * <p>The dense hand features are regularised towards {@link #PRIOR}, not towards zero. The YouTube data has almost
 * no e-mail addresses, phone numbers or crypto pitches, so a zero-centred penalty would switch those features off;
 * the prior keeps the designers' judgement where the data is silent and lets the data move it where it is not.
 */
public final class LogisticRegression {

    /** Prior means of the dense weights, in logit units, indexed like {@link SpamFeatures#NAMES}. */
    public static final double[] PRIOR = {
        1.5, // link
        0.0, // reference_link: a citation is neither evidence for nor against spam
        1.0, // shortener (on top of link)
        2.0, // spelled_domain: people only spell out domains to dodge filters
        2.0, // email
        2.0, // phone
        1.5, // promo
        1.5, // contact
        2.0, // money
        1.0, // crypto: bullion and bitcoin are legitimate news topics; a pitch also needs contact or money
        0.5, // shouting
        0.3, // flooding
        0.0, // length
        1.0, // link_in_short_text
        2.0, // duplicate
    };

    /** Settings of one training run. */
    public record Settings(int epochs, double learningRate, double l2Hashed, double l2Dense, long seed) {
        public static final Settings DEFAULT = new Settings(30, 0.3, 1e-4, 1e-3, 7L);
    }

    private LogisticRegression() {}

    /** Raw (uncalibrated) weights: returns {bias, dense..., hashed...} packed into a model with identity Platt. */
    public static SpamModel fit(List<SpamFeatures.Extraction> xs, boolean[] ys, Settings s) {
        int n = xs.size();
        double[] dense = PRIOR.clone();
        double[] hashed = new double[SpamFeatures.HASH_DIM];
        double bias = 0;
        double[] gDense = new double[SpamFeatures.DENSE];
        double[] gHashed = new double[SpamFeatures.HASH_DIM];
        double gBias = 0;
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Random random = new Random(s.seed());
        for (int epoch = 0; epoch < s.epochs(); epoch++) {
            for (int i = n - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            for (int k = 0; k < n; k++) {
                SpamFeatures.Extraction x = xs.get(order[k]);
                double z = bias;
                for (int f = 0; f < SpamFeatures.DENSE; f++) {
                    z += dense[f] * x.dense()[f];
                }
                double v = x.hashedValue();
                for (int idx : x.hashed()) {
                    z += hashed[idx] * v;
                }
                double p = 1 / (1 + Math.exp(-z));
                double err = p - (ys[order[k]] ? 1 : 0);
                gBias += err * err;
                bias -= s.learningRate() * err / Math.sqrt(gBias + 1e-8);
                for (int f = 0; f < SpamFeatures.DENSE; f++) {
                    double g = err * x.dense()[f] + s.l2Dense() * (dense[f] - PRIOR[f]);
                    if (g != 0) {
                        gDense[f] += g * g;
                        dense[f] -= s.learningRate() * g / Math.sqrt(gDense[f] + 1e-8);
                    }
                }
                for (int idx : x.hashed()) {
                    double g = err * v + s.l2Hashed() * hashed[idx];
                    gHashed[idx] += g * g;
                    hashed[idx] -= s.learningRate() * g / Math.sqrt(gHashed[idx] + 1e-8);
                }
            }
        }
        float[] weights = new float[SpamFeatures.HASH_DIM];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = (float) hashed[i];
        }
        return new SpamModel(bias, dense, weights, 1.0, 0.0);
    }

    /**
     * Platt scaling: the (a, b) that minimise log loss of sigmoid(a·logit + b) on held-apart scores, with Platt's
     * smoothed targets so that a perfectly separated fold does not drive the slope to infinity.
     */
    public static double[] platt(double[] logits, boolean[] ys) {
        int pos = 0;
        for (boolean y : ys) {
            if (y) {
                pos++;
            }
        }
        int neg = ys.length - pos;
        double hi = (pos + 1.0) / (pos + 2.0);
        double lo = 1.0 / (neg + 2.0);
        double a = 1;
        double b = 0;
        for (int iter = 0; iter < 100; iter++) {
            double ga = 0, gb = 0, haa = 1e-9, hab = 0, hbb = 1e-9;
            for (int i = 0; i < logits.length; i++) {
                double t = ys[i] ? hi : lo;
                double p = 1 / (1 + Math.exp(-(a * logits[i] + b)));
                double d = p - t;
                double w = p * (1 - p);
                ga += d * logits[i];
                gb += d;
                haa += w * logits[i] * logits[i];
                hab += w * logits[i];
                hbb += w;
            }
            double det = haa * hbb - hab * hab;
            double da = (hbb * ga - hab * gb) / det;
            double db = (haa * gb - hab * ga) / det;
            a -= da;
            b -= db;
            if (Math.abs(da) < 1e-9 && Math.abs(db) < 1e-9) {
                break;
            }
        }
        return new double[] {a, b};
    }
}
