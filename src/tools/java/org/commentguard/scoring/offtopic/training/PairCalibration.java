package org.commentguard.scoring.offtopic.training;

import org.commentguard.scoring.offtopic.OffTopicModel;
import org.commentguard.scoring.offtopic.OffTopicParameters;
import org.commentguard.scoring.offtopic.RelevanceFeatures;
import org.commentguard.scoring.offtopic.RelevanceFeatures.EmbeddedDocument;
import org.commentguard.scoring.offtopic.TextAnalyzer;
import org.commentguard.tools.BinaryMetrics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Feature extraction for labelled pairs, logistic fitting and ROC-AUC slices, shared by the trainer and evaluation. */
final class PairCalibration {

    private PairCalibration() {}

    /** Features of one pair plus its label. */
    record Example(RelevanceFeatures features, int label) {}

    /** Computes the features of each pair exactly as the scorer does (documents embedded once, memoised). */
    static List<Example> features(List<CalibrationData.Pair> pairs, OffTopicModel model, boolean wholeReference) {
        Map<String, EmbeddedDocument> docs = new HashMap<>();
        List<Example> out = new ArrayList<>(pairs.size());
        for (CalibrationData.Pair p : pairs) {
            EmbeddedDocument doc = docs.computeIfAbsent(
                    p.title() + '\u0000' + p.reference(),
                    k -> wholeReference
                            ? EmbeddedDocument.whole(
                                    p.reference(),
                                    model.embedder().embed(p.reference()),
                                    model.analyzer().terms(p.reference()))
                            : EmbeddedDocument.of(p.title(), p.reference(), model.analyzer(), model.embedder(), 80));
            TextAnalyzer.Terms terms = model.analyzer().terms(p.text());
            out.add(new Example(RelevanceFeatures.of(model.embedder().embed(p.text()), terms, doc), p.label()));
        }
        return out;
    }

    static double[][] matrix(List<Example> examples, boolean lexicalOnly) {
        double[][] x = new double[examples.size()][];
        for (int i = 0; i < x.length; i++) {
            x[i] = lexicalOnly
                    ? examples.get(i).features().lexicalVector()
                    : examples.get(i).features().vector();
        }
        return x;
    }

    static int[] labels(List<Example> examples) {
        return examples.stream().mapToInt(Example::label).toArray();
    }

    /** L2-regularised logistic regression by Newton's method (a handful of features, so this is exact and fast). */
    static OffTopicParameters.Logistic fit(double[][] x, int[] y, double l2) {
        int d = x[0].length + 1;
        double[] w = new double[d];
        for (int iter = 0; iter < 50; iter++) {
            double[] g = new double[d];
            double[][] h = new double[d][d];
            for (int i = 0; i < x.length; i++) {
                double[] xi = withBias(x[i]);
                double p = sigmoid(dot(w, xi));
                for (int a = 0; a < d; a++) {
                    g[a] += (p - y[i]) * xi[a];
                    for (int b = 0; b < d; b++) {
                        h[a][b] += p * (1 - p) * xi[a] * xi[b];
                    }
                }
            }
            for (int a = 1; a < d; a++) {
                g[a] += l2 * w[a];
                h[a][a] += l2;
            }
            h[0][0] += 1e-9;
            double[] step = solve(h, g);
            double change = 0;
            for (int a = 0; a < d; a++) {
                w[a] -= step[a];
                change += Math.abs(step[a]);
            }
            if (change < 1e-8) {
                break;
            }
        }
        double[] weights = new double[d - 1];
        System.arraycopy(w, 1, weights, 0, d - 1);
        return new OffTopicParameters.Logistic(w[0], weights);
    }

    static double[] scores(OffTopicParameters.Logistic model, double[][] x) {
        double[] s = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            s[i] = model.probability(x[i]);
        }
        return s;
    }

    /**
     * Prints ROC-AUC for the slices of article pairs that answer different questions: all pairs; own article versus
     * other articles (on-topic comments only, the measure), split into same-group, random and CAT negatives;
     * and on-topic versus off-topic comments under their own article (the moderation question). Then, per comment
     * kind, how many of the comments under their own article score as on topic ({@code onTopic >= 0.5}).
     */
    static void slices(List<CalibrationData.Pair> pairs, double[] onTopic) {
        slice("all pairs", pairs, onTopic, p -> p.label() == 1, p -> p.label() == 0);
        slice(
                "own vs other article",
                pairs,
                onTopic,
                p -> p.label() == 1,
                p -> !p.source().startsWith("own-"));
        slice(
                "  vs same-group article",
                pairs,
                onTopic,
                p -> p.label() == 1,
                p -> p.source().equals("other-same-group"));
        slice(
                "  vs random article",
                pairs,
                onTopic,
                p -> p.label() == 1,
                p -> p.source().equals("other-random"));
        slice(
                "  vs CAT comment",
                pairs,
                onTopic,
                p -> p.label() == 1,
                p -> p.source().equals("cat-comment"));
        slice(
                "on vs off topic, own article",
                pairs,
                onTopic,
                p -> p.label() == 1,
                p -> p.label() == 0 && p.source().startsWith("own-"));
        Map<String, int[]> kinds = new java.util.TreeMap<>();
        for (int i = 0; i < pairs.size(); i++) {
            if (pairs.get(i).source().startsWith("own-")) {
                int[] k = kinds.computeIfAbsent(
                        pairs.get(i).source().substring(4) + (pairs.get(i).label() == 1 ? " (on)" : " (off)"),
                        x -> new int[2]);
                k[0] += onTopic[i] >= 0.5 ? 1 : 0;
                k[1]++;
            }
        }
        StringBuilder line = new StringBuilder("  scored on topic (>= 0.5) under own article:");
        kinds.forEach((kind, k) -> line.append(String.format(java.util.Locale.ROOT, " %s %d/%d;", kind, k[0], k[1])));
        System.out.println(line);
    }

    /** ROC-AUC of one slice: the pairs {@code positive} picks against the pairs {@code negative} picks. */
    static double slice(
            String name,
            List<CalibrationData.Pair> pairs,
            double[] onTopic,
            java.util.function.Predicate<CalibrationData.Pair> positive,
            java.util.function.Predicate<CalibrationData.Pair> negative) {
        List<Double> s = new ArrayList<>();
        List<Integer> y = new ArrayList<>();
        for (int i = 0; i < pairs.size(); i++) {
            boolean pos = positive.test(pairs.get(i));
            if (pos || negative.test(pairs.get(i))) {
                s.add(onTopic[i]);
                y.add(pos ? 1 : 0);
            }
        }
        double auc = BinaryMetrics.rocAuc(
                s.stream().mapToDouble(Double::doubleValue).toArray(),
                y.stream().mapToInt(Integer::intValue).toArray());
        System.out.printf(
                java.util.Locale.ROOT,
                "  %-30s ROC-AUC %.4f (%d on / %d off)%n",
                name,
                auc,
                y.stream().filter(v -> v == 1).count(),
                y.stream().filter(v -> v == 0).count());
        return auc;
    }

    private static double[] withBias(double[] x) {
        double[] v = new double[x.length + 1];
        v[0] = 1;
        System.arraycopy(x, 0, v, 1, x.length);
        return v;
    }

    private static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static double[] solve(double[][] a, double[] b) {
        int n = b.length;
        double[][] m = new double[n][n + 1];
        for (int i = 0; i < n; i++) {
            System.arraycopy(a[i], 0, m[i], 0, n);
            m[i][n] = b[i];
        }
        for (int c = 0; c < n; c++) {
            int pivot = c;
            for (int r = c + 1; r < n; r++) {
                if (Math.abs(m[r][c]) > Math.abs(m[pivot][c])) {
                    pivot = r;
                }
            }
            double[] t = m[c];
            m[c] = m[pivot];
            m[pivot] = t;
            for (int r = 0; r < n; r++) {
                if (r != c && m[c][c] != 0) {
                    double f = m[r][c] / m[c][c];
                    for (int k = c; k <= n; k++) {
                        m[r][k] -= f * m[c][k];
                    }
                }
            }
        }
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = m[i][i] == 0 ? 0 : m[i][n] / m[i][i];
        }
        return x;
    }
}
