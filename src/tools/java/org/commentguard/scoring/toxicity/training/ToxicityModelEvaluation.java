package org.commentguard.scoring.toxicity.training;

import org.commentguard.scoring.model.ModelArtifact;
import org.commentguard.scoring.toxicity.ToxicityAttribute;
import org.commentguard.scoring.toxicity.ToxicityModel;
import org.commentguard.scoring.toxicity.training.ToxicityCorpus.Example;
import org.commentguard.tools.BinaryMetrics;
import org.commentguard.tools.Csv;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Evaluates the toxicity model in {@code models/toxicity/} on the corpus's held-out test split (per-attribute
 * ROC-AUC, PR-AUC, precision/recall/F1 at the threshold, Brier, calibration bins), on the held-out identity
 * templates (false-positive rate per identity term), and on evaluation-only sets read from the shared data
 * directory when it exists (Kaggle insults, OLID, a Jigsaw test sample), which are never copied into the repo.
 *
 * <p>Usage: {@code ToxicityModelEvaluation [modelDir] [corpus] [sharedDataDir]}; defaults {@code models/toxicity},
 * {@link ToxicityCorpus#DEFAULT_FILE}, {@code ../shared/data}.
 */
public final class ToxicityModelEvaluation {

    /** The default decision threshold on calibrated probabilities. */
    public static final double THRESHOLD = 0.5;

    private ToxicityModelEvaluation() {}

    /** Metrics of one attribute on one data set. */
    public record AttributeMetrics(
            String attribute,
            int n,
            int positives,
            double rocAuc,
            double prAuc,
            double precision,
            double recall,
            double f1,
            double brier,
            double ece,
            List<BinaryMetrics.Bin> bins) {}

    /** Identity-template false-positive rates at the threshold. */
    public record BiasMetrics(int n, double overallFpr, Map<String, double[]> perTerm, double templateAuc) {}

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "models/toxicity");
        Path corpus = args.length > 1 ? Path.of(args[1]) : ToxicityCorpus.DEFAULT_FILE;
        Path shared = Path.of(args.length > 2 ? args[2] : "../shared/data");
        ToxicityModel model = loadVerified(dir);
        List<Example> all = ToxicityCorpus.read(corpus);
        List<Example> test =
                all.stream().filter(e -> e.split().equals(ToxicityCorpus.TEST)).toList();
        List<Example> bias =
                all.stream().filter(e -> e.split().equals(ToxicityCorpus.BIAS)).toList();

        System.out.println("## Held-out test split (" + test.size() + " comments), threshold " + THRESHOLD);
        System.out.println();
        System.out.println("| attribute | n | positives | ROC-AUC | PR-AUC | precision | recall | F1 | Brier | ECE |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|");
        List<double[]> scores = score(model, test);
        List<AttributeMetrics> metrics = new ArrayList<>();
        for (ToxicityAttribute a : ToxicityAttribute.values()) {
            AttributeMetrics m = attribute(a, test, scores);
            metrics.add(m);
            System.out.printf(
                    Locale.ROOT,
                    "| %s | %d | %d | %s | %s | %s | %s | %s | %s | %s |%n",
                    a.id(),
                    m.n(),
                    m.positives(),
                    f(m.rocAuc()),
                    f(m.prAuc()),
                    f(m.precision()),
                    f(m.recall()),
                    f(m.f1()),
                    f(m.brier()),
                    f(m.ece()));
        }
        System.out.println();
        System.out.println("### toxicity by source (test split)");
        System.out.println();
        System.out.println("| source | n | positives | ROC-AUC | PR-AUC | F1 |");
        System.out.println("|---|---|---|---|---|---|");
        Map<String, List<Integer>> bySource = new TreeMap<>();
        for (int i = 0; i < test.size(); i++) {
            bySource.computeIfAbsent(test.get(i).source(), k -> new ArrayList<>())
                    .add(i);
        }
        for (Map.Entry<String, List<Integer>> e : bySource.entrySet()) {
            List<Example> sub = e.getValue().stream().map(test::get).toList();
            List<double[]> subScores = e.getValue().stream().map(scores::get).toList();
            AttributeMetrics m = attribute(ToxicityAttribute.TOXICITY, sub, subScores);
            System.out.printf(
                    Locale.ROOT,
                    "| %s | %d | %d | %s | %s | %s |%n",
                    e.getKey(),
                    m.n(),
                    m.positives(),
                    f(m.rocAuc()),
                    f(m.prAuc()),
                    f(m.f1()));
        }
        for (AttributeMetrics m : metrics) {
            System.out.println();
            System.out.println("### Reliability: " + m.attribute() + " (10 equal-width bins, test split)");
            System.out.println();
            System.out.println("| bin | n | mean score | observed positive rate |");
            System.out.println("|---|---|---|---|");
            for (BinaryMetrics.Bin b : m.bins()) {
                System.out.printf(
                        Locale.ROOT,
                        "| %.1f–%.1f | %d | %.3f | %.3f |%n",
                        b.low(),
                        b.high(),
                        b.count(),
                        b.meanScore(),
                        b.positiveRate());
            }
        }

        BiasMetrics b = bias(model, bias);
        System.out.println();
        System.out.printf(
                Locale.ROOT,
                "## Identity templates (held-out madlibs): %d non-toxic sentences, "
                        + "overall FPR at %.2f = %s; template ROC-AUC = %s%n%n",
                b.n(),
                THRESHOLD,
                f(b.overallFpr()),
                f(b.templateAuc()));
        System.out.println("| identity term | non-toxic n | false positives | FPR |");
        System.out.println("|---|---|---|---|");
        b.perTerm()
                .forEach((term, v) -> System.out.printf(
                        Locale.ROOT, "| %s | %d | %d | %s |%n", term, (int) v[0], (int) v[1], f(v[1] / v[0])));

        System.out.println();
        System.out.println("## Evaluation-only sets (not in the repository; skipped when absent)");
        System.out.println();
        System.out.println("| set | n | positives | ROC-AUC (toxicity) | PR-AUC | F1 | ROC-AUC (insult) |");
        System.out.println("|---|---|---|---|---|---|---|");
        external(
                "kaggle-insults test_with_solutions (news/social comments)",
                kaggleInsults(shared.resolve("kaggle-insults-impermium/test_with_solutions.csv")),
                model);
        external(
                "kaggle-insults impermium_verification (news/social comments)",
                kaggleInsults(shared.resolve("kaggle-insults-impermium/impermium_verification_labels.csv")),
                model);
        external("OLID test level A (tweets, OFF vs NOT)", olid(shared.resolve("olid-offenseval2019")), model);
        external(
                "jigsaw-toxic-test-sample-ibm (Jigsaw test sample)",
                jigsawSample(shared.resolve("jigsaw-toxic-test-sample-ibm/test_examples.csv")),
                model);
    }

    /** Reads the model file named by {@code model.properties} in {@code dir}, checking its sha256. */
    public static ToxicityModel loadVerified(Path dir) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(dir.resolve("model.properties"))) {
            p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        byte[] data = Files.readAllBytes(dir.resolve(p.getProperty("file")));
        if (!ModelArtifact.sha256(data).equalsIgnoreCase(p.getProperty("sha256", ""))) {
            throw new IOException(dir + ": model file does not match the sha256 in model.properties");
        }
        return ToxicityModel.read(new java.io.ByteArrayInputStream(data));
    }

    public static List<double[]> score(ToxicityModel model, List<Example> examples) {
        List<double[]> out = new ArrayList<>(examples.size());
        for (Example e : examples) {
            out.add(model.calibrate(model.logits(e.text())));
        }
        return out;
    }

    /** Metrics of one attribute over the examples that label it. */
    public static AttributeMetrics attribute(ToxicityAttribute a, List<Example> examples, List<double[]> scores) {
        List<Double> s = new ArrayList<>();
        List<Integer> y = new ArrayList<>();
        for (int i = 0; i < examples.size(); i++) {
            int l = examples.get(i).label(a);
            if (l != ToxicityCorpus.UNKNOWN) {
                s.add(scores.get(i)[a.ordinal()]);
                y.add(l);
            }
        }
        double[] sa = s.stream().mapToDouble(Double::doubleValue).toArray();
        int[] ya = y.stream().mapToInt(Integer::intValue).toArray();
        double[] prf = BinaryMetrics.prf(sa, ya, THRESHOLD);
        int pos = y.stream().mapToInt(Integer::intValue).sum();
        return new AttributeMetrics(
                a.id(),
                sa.length,
                pos,
                BinaryMetrics.rocAuc(sa, ya),
                BinaryMetrics.prAuc(sa, ya),
                prf[0],
                prf[1],
                prf[2],
                BinaryMetrics.brier(sa, ya),
                BinaryMetrics.ece(sa, ya, 10),
                BinaryMetrics.reliability(sa, ya, 10));
    }

    /** False-positive rate of the toxicity attribute on non-toxic identity templates, per identity term. */
    public static BiasMetrics bias(ToxicityModel model, List<Example> templates) {
        Map<String, double[]> perTerm = new TreeMap<>();
        int n = 0;
        int fp = 0;
        double[] all = new double[templates.size()];
        int[] labels = new int[templates.size()];
        for (int i = 0; i < templates.size(); i++) {
            Example e = templates.get(i);
            double p = model.score(e.text()).toxicity();
            all[i] = p;
            labels[i] = e.label(ToxicityAttribute.TOXICITY);
            if (labels[i] == 0) {
                double[] v = perTerm.computeIfAbsent(e.group(), k -> new double[2]);
                v[0]++;
                n++;
                if (p >= THRESHOLD) {
                    v[1]++;
                    fp++;
                }
            }
        }
        return new BiasMetrics(n, n == 0 ? Double.NaN : fp / (double) n, perTerm, BinaryMetrics.rocAuc(all, labels));
    }

    private static void external(String name, Map<String, Integer> data, ToxicityModel model) {
        if (data == null) {
            System.out.println("| " + name + " | skipped: not found | | | | | |");
            return;
        }
        double[] tox = new double[data.size()];
        double[] ins = new double[data.size()];
        int[] y = new int[data.size()];
        int i = 0;
        for (Map.Entry<String, Integer> e : data.entrySet()) {
            double[] p = model.score(e.getKey()).asMap().values().stream()
                    .mapToDouble(Double::doubleValue)
                    .toArray();
            tox[i] = p[ToxicityAttribute.TOXICITY.ordinal()];
            ins[i] = p[ToxicityAttribute.INSULT.ordinal()];
            y[i++] = e.getValue();
        }
        int pos = 0;
        for (int v : y) {
            pos += v;
        }
        System.out.printf(
                Locale.ROOT,
                "| %s | %d | %d | %s | %s | %s | %s |%n",
                name,
                y.length,
                pos,
                f(BinaryMetrics.rocAuc(tox, y)),
                f(BinaryMetrics.prAuc(tox, y)),
                f(BinaryMetrics.prf(tox, y, THRESHOLD)[2]),
                f(BinaryMetrics.rocAuc(ins, y)));
    }

    /** Kaggle "Detecting Insults" files: Insult, Date, Comment with Python-escaped text in quotes. */
    public static Map<String, Integer> kaggleInsults(Path file) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            Map<String, Integer> out = new LinkedHashMap<>();
            for (Map<String, String> r : Csv.read(file, ',').records()) {
                String text = decodePythonEscapes(r.get("Comment"));
                String label = r.get("Insult").strip();
                if (!text.isBlank() && (label.equals("0") || label.equals("1"))) {
                    out.putIfAbsent(text, Integer.parseInt(label));
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** OLID: tab-separated test tweets joined with their level-A labels (OFF = 1). */
    static Map<String, Integer> olid(Path dir) {
        Path tweets = dir.resolve("testset-levela.tsv");
        Path labels = dir.resolve("labels-levela.csv");
        if (!Files.isRegularFile(tweets) || !Files.isRegularFile(labels)) {
            return null;
        }
        try {
            Map<String, Integer> byId = new HashMap<>();
            for (String line : Files.readAllLines(labels, StandardCharsets.UTF_8)) {
                String[] f = line.split(",");
                if (f.length == 2 && !f[0].isEmpty() && Character.isDigit(f[0].charAt(0))) {
                    byId.put(f[0].strip(), f[1].strip().equals("OFF") ? 1 : 0);
                }
            }
            Map<String, Integer> out = new LinkedHashMap<>();
            List<String> lines = Files.readAllLines(tweets, StandardCharsets.UTF_8);
            for (String line : lines.subList(1, lines.size())) {
                int tab = line.indexOf('\t');
                if (tab > 0 && byId.containsKey(line.substring(0, tab))) {
                    out.putIfAbsent(line.substring(tab + 1), byId.get(line.substring(0, tab)));
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, Integer> jigsawSample(Path file) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            Map<String, Integer> out = new LinkedHashMap<>();
            for (Map<String, String> r : Csv.read(file, ',').records()) {
                out.putIfAbsent(r.get("comment_text"), "1".equals(r.get("toxic").strip()) ? 1 : 0);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Undoes the Python string escaping of the Kaggle insults files: \\n, \\xNN (UTF-8 bytes), \\uNNNN. */
    static String decodePythonEscapes(String s) {
        String t = s.strip();
        if (t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"")) {
            t = t.substring(1, t.length() - 1);
        }
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == '\\' && i + 1 < t.length()) {
                char n = t.charAt(i + 1);
                if (n == 'x' && i + 3 < t.length() && isHex(t, i + 2, 2)) {
                    bytes.write(Integer.parseInt(t.substring(i + 2, i + 4), 16));
                    i += 3;
                    continue;
                }
                if (n == 'u' && i + 5 < t.length() && isHex(t, i + 2, 4)) {
                    writeUtf8(bytes, String.valueOf((char) Integer.parseInt(t.substring(i + 2, i + 6), 16)));
                    i += 5;
                    continue;
                }
                String rep = switch (n) {
                    case 'n', 'r' -> "\n";
                    case 't' -> "\t";
                    case '\\' -> "\\";
                    case '\'' -> "'";
                    case '"' -> "\"";
                    default -> null;
                };
                if (rep != null) {
                    writeUtf8(bytes, rep);
                    i++;
                    continue;
                }
            }
            writeUtf8(bytes, String.valueOf(c));
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static boolean isHex(String s, int from, int len) {
        if (from + len > s.length()) {
            return false;
        }
        for (int i = from; i < from + len; i++) {
            if (Character.digit(s.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    private static void writeUtf8(java.io.ByteArrayOutputStream out, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.write(b, 0, b.length);
    }

    static String f(double v) {
        return BinaryMetrics.format(v);
    }
}
