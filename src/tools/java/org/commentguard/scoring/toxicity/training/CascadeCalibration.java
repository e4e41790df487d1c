package org.commentguard.scoring.toxicity.training;

import org.commentguard.scoring.toxicity.ToxicityAttribute;
import org.commentguard.scoring.toxicity.ToxicityScorer;
import org.commentguard.scoring.toxicity.ToxicityScores;
import org.commentguard.scoring.toxicity.transformer.CascadeBlend;
import org.commentguard.scoring.toxicity.transformer.ToxicityProbabilities;
import org.commentguard.scoring.toxicity.transformer.TransformerToxicityModel;
import org.commentguard.tools.BinaryMetrics;
import org.commentguard.tools.Csv;

import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Fits the cascade's blend ({@link CascadeBlend}) on rows that neither stage trained on and reports what the
 * grey band costs in ranking quality, so the shipped {@code cascade.properties} is reproducible from the
 * repository.
 *
 * <ul>
 *   <li>Fit rows: the transformer table's {@code val} split (used there only for early stopping and Platt
 *   scaling) that are in the first stage's {@code calibration} split or not in its corpus at all.</li>
 *   <li>Evaluation rows: the transformer's {@code test} split that are in the first stage's {@code test} split or
 *   not in its corpus. Texts are matched after lower-casing and collapsing white space, as both data tools
 *   de-duplicate.</li>
 *   <li>Per attribute, a logistic regression over {@code logit(first)}, {@code logit(transformer)} and a bias
 *   (Newton's method, small L2). An attribute with fewer than 20 positive or negative fit rows keeps the
 *   transformer's probability unchanged (weights 0, 1, 0).</li>
 * </ul>
 *
 * <p>Usage: {@code CascadeCalibration [transformer-table] [first-stage-corpus] [cascade.properties]}; defaults are
 * the files under {@code models/}. Needs the shipped models on the class path.
 */
public final class CascadeCalibration {

    static final int MIN_CLASS = 20;
    /**
     * The toxicity blend is fitted on the news-register sources only (Civil Comments posts and their clean
     * passages, CAT). Fitted on all held-out rows, Jigsaw and Davidson (where the first stage is in its own domain,
     * ROC-AUC 0.97) taught it to trust the first stage, which then cost ranking quality on news comments from other
     * sites. The sub-attributes are labelled only by Jigsaw (and Davidson for identity attacks), so their blends
     * are fitted on every source's held-out rows that carry the label.
     */
    static final java.util.Set<String> FIT_SOURCES =
            java.util.Set.of(System.getProperty("cascade.fit-sources", "civil_spans,civil_clean,cat")
                    .split(","));

    private static final double L2 = 1e-3;

    private CascadeCalibration() {}

    /** One held-out row with both stages' calibrated probabilities. */
    record Scored(String source, int[] labels, double[] first, double[] transformer) {}

    public static void main(String[] args) throws Exception {
        Path table = Path.of(args.length > 0 ? args[0] : "models/toxicity-transformer/data/toxicity_train.csv.gz");
        Path corpus = Path.of(args.length > 1 ? args[1] : ToxicityCorpus.DEFAULT_FILE.toString());
        Path out = Path.of(args.length > 2 ? args[2] : "models/toxicity-transformer/cascade.properties");

        Map<String, String> firstSplit = new HashMap<>();
        for (ToxicityCorpus.Example e : ToxicityCorpus.read(corpus)) {
            firstSplit.putIfAbsent(key(e.text()), e.split());
        }
        List<Map<String, String>> rows = readTable(table);
        ToxicityScorer first =
                new ToxicityScorer(ToxicityScorer.loadShipped(), "first", ToxicityScorer.Settings.DEFAULT, null);
        List<Scored> fit = new ArrayList<>();
        List<Scored> eval = new ArrayList<>();
        String transformerId;
        try (TransformerToxicityModel transformer = TransformerToxicityModel.loadShipped(2)) {
            transformerId = transformer.modelId();
            for (Map<String, String> r : rows) {
                String s1 = firstSplit.get(key(r.get("text")));
                String s2 = r.get("split");
                boolean fitRow = s2.equals("val") && (s1 == null || s1.equals(ToxicityCorpus.CALIBRATION));
                boolean evalRow = s2.equals("test") && (s1 == null || s1.equals(ToxicityCorpus.TEST));
                if (fitRow || evalRow) {
                    (fitRow ? fit : eval).add(score(r, first, transformer));
                }
            }
        }
        System.out.printf(
                Locale.ROOT,
                "fit rows %d (news-register, for toxicity: %d), evaluation rows %d%n",
                fit.size(),
                fit.stream().filter(r -> FIT_SOURCES.contains(r.source())).count(),
                eval.size());

        int n = ToxicityAttribute.values().length;
        double[] wf = new double[n];
        double[] wt = new double[n];
        double[] c = new double[n];
        for (ToxicityAttribute a : ToxicityAttribute.values()) {
            double[] w = fitLogistic(
                    a == ToxicityAttribute.TOXICITY
                            ? fit.stream()
                                    .filter(r -> FIT_SOURCES.contains(r.source()))
                                    .toList()
                            : fit,
                    a.ordinal());
            wf[a.ordinal()] = w[0];
            wt[a.ordinal()] = w[1];
            c[a.ordinal()] = w[2];
        }
        CascadeBlend blend = CascadeBlend.logistic(wf, wt, c);

        System.out.println("attribute         n  pos   first  transformer  blend   (held-out evaluation rows)");
        for (ToxicityAttribute a : ToxicityAttribute.values()) {
            int i = a.ordinal();
            List<Scored> known = eval.stream().filter(s -> s.labels()[i] >= 0).toList();
            int[] y = known.stream().mapToInt(s -> s.labels()[i]).toArray();
            double[] f = known.stream().mapToDouble(s -> s.first()[i]).toArray();
            double[] t = known.stream().mapToDouble(s -> s.transformer()[i]).toArray();
            double[] b = known.stream()
                    .mapToDouble(s -> blend.combine(a, s.first()[i], s.transformer()[i]))
                    .toArray();
            int pos = (int) java.util.Arrays.stream(y).filter(v -> v == 1).count();
            System.out.printf(
                    Locale.ROOT,
                    "%-16s %5d %4d  %6.4f  %11.4f  %6.4f  w=(%.3f, %.3f, %.3f)%n",
                    a.id(),
                    y.length,
                    pos,
                    auc(f, y),
                    auc(t, y),
                    auc(b, y),
                    wf[i],
                    wt[i],
                    c[i]);
        }
        bands(eval, blend);
        calibrationTable("all evaluation rows", eval, blend);
        calibrationTable(
                "news-register evaluation rows (civil, CAT)",
                eval.stream().filter(r -> FIT_SOURCES.contains(r.source())).toList(),
                blend);
        write(out, blend, wf, wt, c, transformerId, fit.size());
        System.out.println("wrote " + out);
    }

    /** Toxicity ROC-AUC and share of rows refined for a few grey bands. */
    private static void bands(List<Scored> eval, CascadeBlend blend) {
        int i = ToxicityAttribute.TOXICITY.ordinal();
        List<Scored> known = eval.stream().filter(s -> s.labels()[i] >= 0).toList();
        int[] y = known.stream().mapToInt(s -> s.labels()[i]).toArray();
        double[][] bands = {{0.3, 0.7}, {0.2, 0.8}, {0.2, 1.0}, {0.1, 1.0}, {0.05, 1.0}, {0.0, 1.0}};
        System.out.println("grey band      toxicity AUC   refined");
        double[] f = known.stream().mapToDouble(s -> s.first()[i]).toArray();
        double[] t = known.stream().mapToDouble(s -> s.transformer()[i]).toArray();
        for (double[] band : bands) {
            CascadeEvaluation.Banded c = CascadeEvaluation.Banded.of(f, t, blend, band[0], band[1]);
            System.out.printf(
                    Locale.ROOT,
                    "[%.2f, %.2f]   %.4f        %5.1f%%%n",
                    band[0],
                    band[1],
                    auc(c.toxicity(), y),
                    100.0 * c.refinedShare());
        }
    }

    /** Reliability of the toxicity probabilities: ten bins of the blend, with ECE of each stage. */
    private static void calibrationTable(String name, List<Scored> rows, CascadeBlend blend) {
        int i = ToxicityAttribute.TOXICITY.ordinal();
        List<Scored> known = rows.stream().filter(s -> s.labels()[i] >= 0).toList();
        int[] y = known.stream().mapToInt(s -> s.labels()[i]).toArray();
        double[] f = known.stream().mapToDouble(s -> s.first()[i]).toArray();
        double[] t = known.stream().mapToDouble(s -> s.transformer()[i]).toArray();
        double[] b = known.stream()
                .mapToDouble(s -> blend.combine(ToxicityAttribute.TOXICITY, s.first()[i], s.transformer()[i]))
                .toArray();
        System.out.printf(
                Locale.ROOT,
                "%s (n=%d): ECE first %.3f, transformer %.3f, blend %.3f; AUC %.4f / %.4f /" + " %.4f%n",
                name,
                y.length,
                BinaryMetrics.ece(f, y, 10),
                BinaryMetrics.ece(t, y, 10),
                BinaryMetrics.ece(b, y, 10),
                auc(f, y),
                auc(t, y),
                auc(b, y));
        System.out.println("  blend bin     n   mean p   toxic rate");
        for (BinaryMetrics.Bin bin : BinaryMetrics.reliability(b, y, 10)) {
            System.out.printf(
                    Locale.ROOT,
                    "  %.1f-%.1f  %5d   %.3f    %.3f%n",
                    bin.low(),
                    bin.high(),
                    bin.count(),
                    bin.meanScore(),
                    bin.positiveRate());
        }
    }

    private static Scored score(Map<String, String> r, ToxicityScorer first, TransformerToxicityModel transformer) {
        int n = ToxicityAttribute.values().length;
        int[] labels = new int[n];
        double[] f = new double[n];
        double[] t = new double[n];
        ToxicityScores fs = first.firstStage(r.get("text"));
        ToxicityProbabilities tp = transformer.predict(r.get("text"));
        for (ToxicityAttribute a : ToxicityAttribute.values()) {
            labels[a.ordinal()] = Integer.parseInt(r.get(a.id()));
            f[a.ordinal()] = fs.get(a);
            t[a.ordinal()] = tp.get(a.id());
        }
        return new Scored(r.get("source"), labels, f, t);
    }

    /** (wf, wt, c) by Newton's method; transformer-only when a class is too small to fit. */
    static double[] fitLogistic(List<Scored> rows, int attribute) {
        List<double[]> x = new ArrayList<>();
        List<Integer> y = new ArrayList<>();
        for (Scored s : rows) {
            int label = s.labels()[attribute];
            if (label >= 0) {
                x.add(new double[] {
                    CascadeBlend.logit(s.first()[attribute]), CascadeBlend.logit(s.transformer()[attribute]), 1.0
                });
                y.add(label);
            }
        }
        long pos = y.stream().filter(v -> v == 1).count();
        if (pos < MIN_CLASS || y.size() - pos < MIN_CLASS) {
            return new double[] {0.0, 1.0, 0.0};
        }
        double[] w = {0.0, 1.0, 0.0};
        for (int iter = 0; iter < 50; iter++) {
            double[] grad = new double[3];
            double[][] hess = new double[3][3];
            for (int k = 0; k < x.size(); k++) {
                double[] xi = x.get(k);
                double p = 1.0 / (1.0 + Math.exp(-(w[0] * xi[0] + w[1] * xi[1] + w[2] * xi[2])));
                double r = p - y.get(k);
                double v = Math.max(p * (1 - p), 1e-9);
                for (int a = 0; a < 3; a++) {
                    grad[a] += r * xi[a];
                    for (int b = 0; b < 3; b++) {
                        hess[a][b] += v * xi[a] * xi[b];
                    }
                }
            }
            for (int a = 0; a < 2; a++) { // L2 on the weights, not on the bias
                grad[a] += L2 * w[a];
                hess[a][a] += L2;
            }
            double[] step = solve3(hess, grad);
            double change = 0;
            for (int a = 0; a < 3; a++) {
                w[a] -= step[a];
                change = Math.max(change, Math.abs(step[a]));
            }
            if (change < 1e-8) {
                break;
            }
        }
        return w;
    }

    /** Solves the 3×3 system {@code m·s = g} by Cramer's rule (m is positive definite here). */
    static double[] solve3(double[][] m, double[] g) {
        double det = det3(m);
        double[] s = new double[3];
        for (int col = 0; col < 3; col++) {
            double[][] mc = {m[0].clone(), m[1].clone(), m[2].clone()};
            for (int row = 0; row < 3; row++) {
                mc[row][col] = g[row];
            }
            s[col] = det3(mc) / det;
        }
        return s;
    }

    private static double det3(double[][] m) {
        return m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1])
                - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
                + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
    }

    private static double auc(double[] scores, int[] labels) {
        return BinaryMetrics.rocAuc(scores, labels);
    }

    static String key(String text) {
        return text.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }

    private static List<Map<String, String>> readTable(Path gz) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(gz))) {
            return Csv.of(new String(in.readAllBytes(), StandardCharsets.UTF_8), ',', gz.toString())
                    .records();
        }
    }

    private static void write(
            Path out, CascadeBlend blend, double[] wf, double[] wt, double[] c, String transformerId, int fitRows)
            throws IOException {
        try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            w.write(
                    "# Cascade blend, written by CascadeCalibration (see models/toxicity-transformer/MODEL_CARD.md).\n");
            w.write("# Inside the grey band: p = sigmoid(first * logit(p_first) + transformer * logit(p_transformer)"
                    + " + bias)\n");
            w.write("# Fitted on " + fitRows + " held-out rows that neither stage trained on (toxicity: news-register"
                    + " sources only).\n");
            w.write("first_stage=" + ToxicityScorer.MODEL_NAME + "@" + ToxicityScorer.MODEL_VERSION + "\n");
            w.write("transformer=" + transformerId + "\n");
            for (ToxicityAttribute a : ToxicityAttribute.values()) {
                int i = a.ordinal();
                w.write(String.format(
                        Locale.ROOT,
                        "blend.%s.first=%.6f%nblend.%s.transformer=%.6f%nblend.%s.bias=%.6f%n",
                        a.id(),
                        wf[i],
                        a.id(),
                        wt[i],
                        a.id(),
                        c[i]));
            }
        }
    }
}
