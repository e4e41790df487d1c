package org.commentguard.scoring.toxicity.training;

import opennlp.tools.ml.maxent.quasinewton.QNTrainer;
import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.Context;
import opennlp.tools.ml.model.DataIndexer;
import opennlp.tools.ml.model.Event;
import opennlp.tools.util.ObjectStream;
import opennlp.tools.util.TrainingParameters;
import org.commentguard.scoring.toxicity.Calibration;
import org.commentguard.scoring.toxicity.ToxicityAttribute;
import org.commentguard.scoring.toxicity.ToxicityFeatures;
import org.commentguard.scoring.toxicity.ToxicityFeatures.Counts;
import org.commentguard.scoring.toxicity.ToxicityFeatures.IntFloatMap;
import org.commentguard.scoring.toxicity.ToxicityModel;
import org.commentguard.scoring.toxicity.ToxicityTextNormalizer;
import org.commentguard.scoring.toxicity.training.ToxicityCorpus.Example;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Trains a {@link ToxicityModel}: sublinear tf-idf over hashed word and character n-grams plus dense features,
 * one L2-regularised maximum-entropy (logistic regression) model per attribute fitted by OpenNLP's L-BFGS
 * {@link QNTrainer} on the examples that label that attribute, then isotonic calibration on a separate split.
 */
public final class ToxicityTrainer {

    /**
     * Training knobs.
     *
     * @param hashBits   log2 of the hash buckets
     * @param minDf      buckets seen in fewer training documents are dropped (noise and model size)
     * @param l2         OpenNLP L2 cost; the regulariser is l2·‖w‖² against the summed log loss
     * @param iterations L-BFGS iterations per attribute
     * @param threads    OpenNLP trainer threads
     */
    public record Settings(int hashBits, int minDf, double l2, int iterations, int threads) {
        public static final Settings DEFAULT = new Settings(20, 3, 1.0, 100, 2);
    }

    private static final int A = ToxicityAttribute.values().length;

    private final Settings settings;
    private final ToxicityFeatures features;

    public ToxicityTrainer(Settings settings) {
        this.settings = settings;
        this.features = new ToxicityFeatures(settings.hashBits());
    }

    /** A document's weighted features, in predicate-index space. */
    private record Vector(int[] index, float[] value) {}

    /** Trains on {@code train} and calibrates on {@code calibration}; the result is round-tripped through write/read. */
    public ToxicityModel train(List<Example> train, List<Example> calibration, PrintLog log) {
        long t0 = System.nanoTime();
        List<Counts> counts = new ArrayList<>(train.size());
        for (Example e : train) {
            counts.add(features.extract(e.text(), ToxicityTextNormalizer.normalize(e.text())));
        }
        int buckets = features.buckets();
        int[] df = new int[buckets];
        for (Counts c : counts) {
            countDf(c.words(), df);
            countDf(c.chars(), df);
        }
        float[] idf = new float[buckets];
        int[] predicateOf = new int[buckets];
        Arrays.fill(predicateOf, -1);
        int kept = 0;
        double n = counts.size();
        for (int b = 0; b < buckets; b++) {
            if (df[b] >= settings.minDf()) {
                idf[b] = (float) (Math.log((1 + n) / (1 + df[b])) + 1); // smoothed idf, as in common tf-idf tools
                predicateOf[b] = kept++;
            }
        }
        int[] bucketOf = new int[kept];
        for (int b = 0; b < buckets; b++) {
            if (predicateOf[b] >= 0) {
                bucketOf[predicateOf[b]] = b;
            }
        }
        int predicates = kept + ToxicityFeatures.DENSE;
        String[] predLabels = new String[predicates];
        for (int p = 0; p < kept; p++) {
            predLabels[p] = "h" + bucketOf[p];
        }
        for (int f = 0; f < ToxicityFeatures.DENSE; f++) {
            predLabels[kept + f] = "d:" + f;
        }
        List<Vector> vectors = new ArrayList<>(counts.size());
        for (Counts c : counts) {
            vectors.add(vector(c, idf, predicateOf, kept));
        }
        counts.clear();
        log.line(String.format(
                "features: %d docs, %d of %d buckets kept (df>=%d), %.1fs",
                train.size(), kept, buckets, settings.minDf(), (System.nanoTime() - t0) / 1e9));

        float[] weights = new float[buckets * A];
        float[] dense = new float[ToxicityFeatures.DENSE * A];
        for (ToxicityAttribute attr : ToxicityAttribute.values()) {
            long t1 = System.nanoTime();
            List<int[]> ctx = new ArrayList<>();
            List<float[]> val = new ArrayList<>();
            List<Integer> out = new ArrayList<>();
            for (int i = 0; i < train.size(); i++) {
                int label = train.get(i).label(attr);
                if (label != ToxicityCorpus.UNKNOWN) {
                    ctx.add(vectors.get(i).index());
                    val.add(vectors.get(i).value());
                    out.add(label);
                }
            }
            long positives = out.stream().filter(v -> v == 1).count();
            if (positives == 0 || positives == out.size()) {
                // an attribute without both classes cannot be learned: predict its smoothed base rate instead
                double logOdds = Math.log((positives + 0.5) / (out.size() - positives + 0.5));
                dense[ToxicityFeatures.BIAS * A + attr.ordinal()] = (float) logOdds;
                log.line(attr.id() + ": only one class in the training data; using its base rate");
                continue;
            }
            double[] w = fit(ctx, val, out, predLabels);
            for (int p = 0; p < kept; p++) {
                weights[bucketOf[p] * A + attr.ordinal()] = (float) w[p];
            }
            for (int f = 0; f < ToxicityFeatures.DENSE; f++) {
                dense[f * A + attr.ordinal()] = (float) w[kept + f];
            }
            log.line(String.format(
                    "%-16s %6d examples, %5d positive, %.1fs",
                    attr.id(), out.size(), positives, (System.nanoTime() - t1) / 1e9));
        }
        Calibration[] identity = new Calibration[A];
        Arrays.fill(identity, Calibration.sigmoid());
        ToxicityModel raw = roundTrip(new ToxicityModel(settings.hashBits(), idf, weights, dense, identity));
        return calibrate(raw, calibration, log);
    }

    /** Fits each attribute's isotonic calibration on the calibration examples that label it. */
    public static ToxicityModel calibrate(ToxicityModel raw, List<Example> calibration, PrintLog log) {
        List<double[]> logits = new ArrayList<>(calibration.size());
        for (Example e : calibration) {
            logits.add(raw.logits(e.text()));
        }
        Calibration[] fitted = new Calibration[A];
        for (ToxicityAttribute attr : ToxicityAttribute.values()) {
            List<Double> z = new ArrayList<>();
            List<Integer> y = new ArrayList<>();
            for (int i = 0; i < calibration.size(); i++) {
                int label = calibration.get(i).label(attr);
                if (label != ToxicityCorpus.UNKNOWN) {
                    z.add(logits.get(i)[attr.ordinal()]);
                    y.add(label);
                }
            }
            Calibration c = IsotonicCalibration.fit(
                    z.stream().mapToDouble(Double::doubleValue).toArray(),
                    y.stream().mapToInt(Integer::intValue).toArray());
            fitted[attr.ordinal()] = c;
            log.line(String.format(
                    "calibration %-16s n=%5d, %d knots, p in [%.4f, %.4f]",
                    attr.id(),
                    z.size(),
                    c.logits().length,
                    c.probabilities()[0],
                    c.probabilities()[c.probabilities().length - 1]));
        }
        return raw.withCalibration(fitted);
    }

    /** Serialises and re-reads the model so training-time numbers come from exactly what ships (quantised). */
    static ToxicityModel roundTrip(ToxicityModel model) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            model.write(bytes);
            return ToxicityModel.read(new ByteArrayInputStream(bytes.toByteArray()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private double[] fit(List<int[]> contexts, List<float[]> values, List<Integer> outcomes, String[] predLabels) {
        TrainingParameters params = new TrainingParameters();
        params.put(TrainingParameters.ALGORITHM_PARAM, QNTrainer.MAXENT_QN_VALUE);
        params.put(TrainingParameters.ITERATIONS_PARAM, settings.iterations());
        params.put(QNTrainer.L1COST_PARAM, 0.0);
        params.put(QNTrainer.L2COST_PARAM, settings.l2());
        params.put(QNTrainer.THREADS_PARAM, settings.threads());
        QNTrainer trainer = new QNTrainer(params);
        trainer.init(params, new java.util.HashMap<>());
        AbstractModel model =
                trainer.trainModel(settings.iterations(), new ArrayIndexer(contexts, values, outcomes, predLabels));
        // OpenNLP fits a two-outcome softmax; its log-odds for "1" is w(1) - w(0) per predicate.
        Object[] data = model.getDataStructures();
        @SuppressWarnings("unchecked")
        Map<String, Context> pmap = (Map<String, Context>) data[1];
        String[] outcomeNames = (String[]) data[2];
        int pos = Arrays.asList(outcomeNames).indexOf("1");
        int neg = Arrays.asList(outcomeNames).indexOf("0");
        double[] w = new double[predLabels.length];
        for (int p = 0; p < predLabels.length; p++) {
            Context c = pmap.get(predLabels[p]);
            if (c == null) {
                continue;
            }
            double wp = 0;
            double wn = 0;
            int[] outs = c.getOutcomes();
            double[] ps = c.getParameters();
            for (int k = 0; k < outs.length; k++) {
                if (outs[k] == pos) {
                    wp = ps[k];
                } else if (outs[k] == neg) {
                    wn = ps[k];
                }
            }
            w[p] = wp - wn;
        }
        return w;
    }

    private static void countDf(IntFloatMap m, int[] df) {
        for (int s = 0; s < m.capacity(); s++) {
            int k = m.keyAt(s);
            if (k >= 0) {
                df[k]++;
            }
        }
    }

    /** Same weighting as {@link ToxicityModel}'s scoring path: per-group L2-normalised (1 + ln tf)·idf. */
    private static Vector vector(Counts c, float[] idf, int[] predicateOf, int kept) {
        int size = c.words().size() + c.chars().size() + ToxicityFeatures.DENSE;
        int[] index = new int[size];
        float[] value = new float[size];
        int n = group(c.words(), idf, predicateOf, index, value, 0);
        n = group(c.chars(), idf, predicateOf, index, value, n);
        float[] dense = c.dense();
        for (int f = 0; f < dense.length; f++) {
            if (dense[f] != 0f) {
                index[n] = kept + f;
                value[n++] = dense[f];
            }
        }
        return new Vector(Arrays.copyOf(index, n), Arrays.copyOf(value, n));
    }

    private static int group(IntFloatMap m, float[] idf, int[] predicateOf, int[] index, float[] value, int n) {
        double norm = 0;
        for (int s = 0; s < m.capacity(); s++) {
            int k = m.keyAt(s);
            if (k >= 0 && idf[k] != 0f) {
                double v = (1.0 + Math.log(m.valueAt(s))) * idf[k];
                norm += v * v;
            }
        }
        if (norm == 0) {
            return n;
        }
        double inv = 1.0 / Math.sqrt(norm);
        for (int s = 0; s < m.capacity(); s++) {
            int k = m.keyAt(s);
            if (k >= 0 && idf[k] != 0f) {
                index[n] = predicateOf[k];
                value[n++] = (float) ((1.0 + Math.log(m.valueAt(s))) * idf[k] * inv);
            }
        }
        return n;
    }

    /** Progress output; the trainer main prints it, tests discard it. */
    @FunctionalInterface
    public interface PrintLog {
        PrintLog NONE = line -> {};

        void line(String line);
    }

    /**
     * Hands pre-computed feature vectors to OpenNLP's trainer. OpenNLP's own indexers would need every feature as
     * a string per event; with a million hash buckets that costs far more memory and time than the training.
     */
    private static final class ArrayIndexer implements DataIndexer {
        private final int[][] contexts;
        private final float[][] values;
        private final int[] outcomes;
        private final String[] predLabels;
        private final int[] predCounts;
        private final int[] seen;

        ArrayIndexer(List<int[]> contexts, List<float[]> values, List<Integer> outcomes, String[] predLabels) {
            this.contexts = contexts.toArray(new int[0][]);
            this.values = values.toArray(new float[0][]);
            this.outcomes = outcomes.stream().mapToInt(Integer::intValue).toArray();
            this.predLabels = predLabels;
            this.predCounts = new int[predLabels.length];
            for (int[] c : this.contexts) {
                for (int p : c) {
                    predCounts[p]++;
                }
            }
            this.seen = new int[this.contexts.length];
            Arrays.fill(seen, 1);
        }

        @Override
        public int[][] getContexts() {
            return contexts;
        }

        @Override
        public int[] getNumTimesEventsSeen() {
            return seen;
        }

        @Override
        public int[] getOutcomeList() {
            return outcomes;
        }

        @Override
        public String[] getPredLabels() {
            return predLabels;
        }

        @Override
        public int[] getPredCounts() {
            return predCounts;
        }

        @Override
        public String[] getOutcomeLabels() {
            return new String[] {"0", "1"};
        }

        @Override
        public float[][] getValues() {
            return values;
        }

        @Override
        public int getNumEvents() {
            return contexts.length;
        }

        @Override
        public void init(TrainingParameters trainParams, Map<String, String> reportMap) {
            // vectors are pre-computed; nothing to configure
        }

        @Override
        public void index(ObjectStream<Event> eventStream) {
            throw new UnsupportedOperationException("ArrayIndexer is built from pre-computed vectors");
        }
    }
}
