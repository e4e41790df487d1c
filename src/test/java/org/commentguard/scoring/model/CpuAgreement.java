package org.commentguard.scoring.model;

import org.commentguard.scoring.ScoringContext;
import org.commentguard.scoring.SiteScoringData;
import org.commentguard.scoring.offtopic.MiniLmEmbedder;
import org.commentguard.scoring.offtopic.OffTopicModel;
import org.commentguard.scoring.offtopic.OffTopicScorer;
import org.commentguard.scoring.offtopic.training.CalibrationData;
import org.commentguard.scoring.offtopic.training.OffTopicCalibrationTrainer;
import org.commentguard.scoring.toxicity.ToxicityAttribute;
import org.commentguard.scoring.toxicity.ToxicityModel;
import org.commentguard.scoring.toxicity.ToxicityScorer;
import org.commentguard.scoring.toxicity.ToxicityScores;
import org.commentguard.scoring.toxicity.transformer.CascadeBlend;
import org.commentguard.scoring.toxicity.transformer.ToxicityProbabilities;
import org.commentguard.scoring.toxicity.transformer.TransformerToxicityModel;
import org.commentguard.tools.Csv;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Prints how closely this machine reproduces the pinned outputs of the two shipped int8 models: the transformer
 * toxicity stage against the Python onnxruntime probabilities in {@code eval_sample.csv} and against the pinned
 * Java probabilities, and the off-topic MiniLM embedder against its pinned embeddings. {@code src/bench/cpu-agreement.sh}
 * runs it; {@code --write} rewrites the pinned Java files (only after a model changes, on any machine: the check
 * is that every other machine then agrees with it).
 */
public final class CpuAgreement {

    /** The pinned held-out sample with Python's probabilities (written by training/transformer/train.py). */
    public static final String SAMPLE = "/toxicity-transformer/eval_sample.csv";
    /** Java's probabilities for that sample, one text per call, as the service runs them. */
    public static final String TOXICITY_REFERENCE = "/toxicity-transformer/java_reference.tsv";
    /** MiniLM embeddings of the sample's first {@link #EMBEDDED_TEXTS} texts. */
    public static final String EMBEDDING_REFERENCE = "/offtopic/minilm_reference.tsv.gz";

    public static final int EMBEDDED_TEXTS = 64;
    /** {@code off_topic} of held-out calibration pairs (comment against an article), as the service scores them. */
    public static final String OFF_TOPIC_REFERENCE = "/offtopic/off_topic_reference.tsv";

    public static final int OFF_TOPIC_PAIRS = 60;

    /**
     * The stated cross-CPU guarantee for the transformer's probabilities on x86-64 with AVX2 or later (model card):
     * largest difference from the pinned Java reference. Measured between AVX-512 VNNI (native) and AVX2 (emulated):
     * max 0.027, p99 0.0043 over 300 rows.
     */
    public static final double TOXICITY_MAX_DIFFERENCE = 0.05;

    public static final double TOXICITY_P99_DIFFERENCE = 0.01;
    /**
     * The same for one MiniLM embedding component (components are about ±0.05 in unit-length 384-vectors); measured
     * between AVX-512 VNNI and emulated AVX2 as max 0.017, p99 0.0055 (off-topic card).
     */
    public static final double EMBEDDING_MAX_DIFFERENCE = 0.03;

    public static final double EMBEDDING_P99_DIFFERENCE = 0.01;
    /** The same for the {@code off_topic} score (probability), and the policy's default threshold it is decided at. */
    public static final double OFF_TOPIC_MAX_DIFFERENCE = 0.05;

    public static final double OFF_TOPIC_THRESHOLD = 0.85;

    private CpuAgreement() {}

    /**
     * Arguments: {@code [--write [resource-dir]]} rewrites the pinned files; {@code --only toxicity|embeddings|offtopic}
     * measures one model (an emulated CPU takes minutes per model); {@code --rows N} the first N rows of the sample
     * (and at most that many of the embedded texts); {@code --check} exits with status 1 when this
     * machine is outside the stated cross-CPU guarantee (the bounds above, and the same toxicity decision at 0.5 for
     * every value outside the tolerance band around it).
     */
    public static void main(String[] args) throws IOException {
        List<String> arguments = List.of(args);
        boolean write = arguments.contains("--write");
        boolean check = arguments.contains("--check") && !write;
        List<String> violations = new ArrayList<>();
        String part = valueAfter(arguments, "--only", "all");
        Path resources = Path.of(valueAfter(arguments, "--write", "src/test/resources"));
        System.out.printf(
                "onnxruntime int8 kernels: %s (%s, %d cores)%n",
                CpuKernels.instructionSet(),
                System.getProperty("os.arch"),
                Runtime.getRuntime().availableProcessors());
        List<List<String>> sample = sample();
        int rows = Integer.parseInt(valueAfter(arguments, "--rows", Integer.toString(sample.size())));
        if (rows < 1 || rows > sample.size() || (write && rows != sample.size())) {
            throw new IllegalArgumentException(
                    "--rows must be 1 to " + sample.size() + ", and all of them with --write");
        }
        sample = sample.subList(0, rows);
        List<String> texts = sample.stream().map(r -> r.get(2)).toList();

        if (part.equals("all") || part.equals("toxicity")) {
            double[] toxicity;
            String transformerId;
            try (TransformerToxicityModel model = TransformerToxicityModel.loadShipped(1)) {
                transformerId = model.modelId();
                toxicity = flatten(model.predictSentences(texts));
                System.out.println(model.modelId() + " vs Python onnxruntime (batches of 64): "
                        + Agreement.of(toxicity, pythonProbabilities(sample), 6, 0.5));
            }
            if (write) {
                writeToxicityReference(resources.resolve(TOXICITY_REFERENCE.substring(1)), sample, toxicity);
            } else {
                double[] pinned = Arrays.copyOf(toxicityReference(), toxicity.length);
                Agreement agreement = Agreement.of(toxicity, pinned, 6, 0.5);
                System.out.println("toxicity vs pinned Java reference: " + agreement);
                violations.addAll(outside("toxicity", agreement, TOXICITY_MAX_DIFFERENCE, TOXICITY_P99_DIFFERENCE));
                double[][] served = served(texts, toxicity, pinned, transformerId);
                Agreement cascade = Agreement.of(served[0], served[1], 6, 0.5);
                System.out.println("served cascade scores (first stage + transformer) vs the same with the pinned "
                        + "Java reference: " + cascade);
                violations.addAll(outside("cascade", cascade, TOXICITY_MAX_DIFFERENCE, TOXICITY_P99_DIFFERENCE));
                for (int i : Agreement.decidedOtherwise(toxicity, pinned, 0.5, TOXICITY_MAX_DIFFERENCE)) {
                    violations.add("toxicity: value " + i + " is decided the other way at 0.5 (" + toxicity[i]
                            + " vs pinned " + pinned[i] + ")");
                }
            }
        }
        if (part.equals("all") || part.equals("embeddings")) {
            int embedded = Math.min(EMBEDDED_TEXTS, texts.size());
            double[] embeddings = embed(texts.subList(0, embedded));
            if (write) {
                writeEmbeddingReference(resources.resolve(EMBEDDING_REFERENCE.substring(1)), embeddings);
            } else {
                Agreement agreement =
                        Agreement.of(embeddings, Arrays.copyOf(embeddingReference(), embeddings.length), 0, 0);
                System.out.println("MiniLM embeddings vs pinned Java reference: " + agreement);
                violations.addAll(
                        outside("MiniLM embeddings", agreement, EMBEDDING_MAX_DIFFERENCE, EMBEDDING_P99_DIFFERENCE));
            }
        }
        if (part.equals("all") || part.equals("offtopic")) {
            List<CalibrationData.Pair> pairs = offTopicPairs().subList(0, Math.min(OFF_TOPIC_PAIRS, rows));
            double[] offTopic = offTopic(pairs);
            if (write) {
                writeOffTopicReference(resources.resolve(OFF_TOPIC_REFERENCE.substring(1)), pairs, offTopic);
            } else {
                double[] pinned = Arrays.copyOf(offTopicReference(), offTopic.length);
                Agreement agreement = Agreement.of(offTopic, pinned, 1, OFF_TOPIC_THRESHOLD);
                System.out.println("off_topic vs pinned Java reference: " + agreement);
                violations.addAll(outside("off_topic", agreement, OFF_TOPIC_MAX_DIFFERENCE, OFF_TOPIC_MAX_DIFFERENCE));
                for (int i :
                        Agreement.decidedOtherwise(offTopic, pinned, OFF_TOPIC_THRESHOLD, OFF_TOPIC_MAX_DIFFERENCE)) {
                    violations.add("off_topic: pair " + i + " is decided the other way at " + OFF_TOPIC_THRESHOLD);
                }
            }
        }
        if (write) {
            System.out.println("wrote the pinned Java outputs under " + resources);
        }
        if (check) {
            violations.forEach(v -> System.out.println("OUTSIDE THE GUARANTEE: " + v));
            System.out.println(
                    violations.isEmpty() ? "check: within the cross-CPU guarantee" : "check: FAILED on this machine");
            if (!violations.isEmpty()) {
                System.exit(1);
            }
        }
    }

    private static List<String> outside(String what, Agreement agreement, double max, double p99) {
        List<String> out = new ArrayList<>();
        if (agreement.max() > max) {
            out.add(what + ": max difference " + agreement.max() + " > " + max);
        }
        if (agreement.p99() > p99) {
            out.add(what + ": p99 difference " + agreement.p99() + " > " + p99);
        }
        return out;
    }

    /**
     * The six scores the service serves for each text (the shipped cascade blend of the first stage and the
     * transformer), once with this machine's transformer probabilities and once with the pinned ones. The first stage
     * is plain Java (strict floating point since Java 17), so it is the same on every CPU.
     */
    private static double[][] served(List<String> texts, double[] actual, double[] pinned, String transformerId) {
        ToxicityModel first = ToxicityScorer.loadShipped();
        CascadeBlend blend = CascadeBlend.loadShipped(transformerId);
        double[][] out = new double[2][actual.length];
        for (int row = 0; row < texts.size(); row++) {
            ToxicityScores firstScores = first.score(texts.get(row));
            for (ToxicityAttribute a : ToxicityAttribute.values()) {
                int i = row * 6 + ToxicityProbabilities.LABELS.indexOf(a.id());
                out[0][i] = blend.combine(a, firstScores.get(a), actual[i]);
                out[1][i] = blend.combine(a, firstScores.get(a), pinned[i]);
            }
        }
        return out;
    }

    /** The held-out articles' calibration pairs (comment, article), with the trainer's seed and article split. */
    public static List<CalibrationData.Pair> offTopicPairs() throws IOException {
        CalibrationData data = new CalibrationData(Path.of("models/offtopic/data"), OffTopicCalibrationTrainer.SEED);
        return data.articlePairs(
                data.split(data.articles(), OffTopicCalibrationTrainer.HELD_OUT).heldOut(), true);
    }

    /** {@code off_topic} of each pair with the shipped off-topic model, as the service scores a comment. */
    public static double[] offTopic(List<CalibrationData.Pair> pairs) {
        OffTopicScorer scorer = new OffTopicScorer(OffTopicModel.loadShipped());
        double[] out = new double[pairs.size()];
        for (int i = 0; i < pairs.size(); i++) {
            CalibrationData.Pair p = pairs.get(i);
            Double off = scorer.score(new ScoringContext(
                            p.text(),
                            Optional.of(new ScoringContext.ArticleText(p.title(), p.reference())),
                            Optional.empty(),
                            List.of(),
                            SiteScoringData.NONE))
                    .scores()
                    .get("off_topic");
            out[i] = off == null ? Double.NaN : off;
        }
        return out;
    }

    /** The pinned {@code off_topic} scores, one per pair. */
    public static double[] offTopicReference() {
        return numbers(new String(read(OFF_TOPIC_REFERENCE), StandardCharsets.UTF_8), 1);
    }

    private static void writeOffTopicReference(Path file, List<CalibrationData.Pair> pairs, double[] v)
            throws IOException {
        StringBuilder sb = new StringBuilder("# off_topic of the off-topic calibration's first " + pairs.size()
                + " held-out pairs: source, then score (CpuAgreement --write on " + CpuKernels.instructionSet()
                + ")\n");
        for (int i = 0; i < v.length; i++) {
            sb.append(pairs.get(i).source())
                    .append('\t')
                    .append(String.format(Locale.ROOT, "%.9f", v[i]))
                    .append('\n');
        }
        Files.createDirectories(file.getParent());
        Files.writeString(file, sb);
    }

    /** The sample's rows without the header: uid, source, text, six labels, six Python probabilities. */
    public static List<List<String>> sample() {
        List<List<String>> rows = Csv.parse(new String(read(SAMPLE), StandardCharsets.UTF_8));
        return rows.subList(1, rows.size());
    }

    public static double[] pythonProbabilities(List<List<String>> sample) {
        double[] p = new double[sample.size() * 6];
        for (int i = 0; i < sample.size(); i++) {
            for (int j = 0; j < 6; j++) {
                p[i * 6 + j] = Double.parseDouble(sample.get(i).get(9 + j));
            }
        }
        return p;
    }

    public static double[] flatten(List<ToxicityProbabilities> predicted) {
        double[] p = new double[predicted.size() * 6];
        for (int i = 0; i < predicted.size(); i++) {
            for (int j = 0; j < 6; j++) {
                p[i * 6 + j] = predicted.get(i).get(ToxicityProbabilities.LABELS.get(j));
            }
        }
        return p;
    }

    /** The pinned Java probabilities, row-major in label order (after each row's uid). */
    public static double[] toxicityReference() {
        return numbers(new String(read(TOXICITY_REFERENCE), StandardCharsets.UTF_8), 1);
    }

    /** The pinned embeddings, {@link #EMBEDDED_TEXTS} rows of 384 values. */
    public static double[] embeddingReference() {
        try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(read(EMBEDDING_REFERENCE)))) {
            return numbers(new String(in.readAllBytes(), StandardCharsets.UTF_8), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The tab-separated numbers of a pinned table, row-major, skipping {@code #} lines and leading columns. */
    private static double[] numbers(String table, int skipColumns) {
        List<Double> values = new ArrayList<>();
        for (String line : table.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split("\t");
            for (int j = skipColumns; j < cells.length; j++) {
                values.add(Double.parseDouble(cells[j]));
            }
        }
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** The argument after {@code flag}, or {@code otherwise} when the flag is absent or followed by another flag. */
    private static String valueAfter(List<String> arguments, String flag, String otherwise) {
        int at = arguments.indexOf(flag);
        return at >= 0 && at + 1 < arguments.size() && !arguments.get(at + 1).startsWith("--")
                ? arguments.get(at + 1)
                : otherwise;
    }

    /** Embeds the texts with the shipped MiniLM embedder, as the off-topic scorer loads it. */
    public static double[] embed(List<String> texts) {
        MiniLmEmbedder embedder = MiniLmEmbedder.loadShipped(1);
        double[] out = new double[texts.size() * 384];
        for (int i = 0; i < texts.size(); i++) {
            float[] v = embedder.embed(texts.get(i));
            for (int j = 0; j < v.length; j++) {
                out[i * 384 + j] = v[j];
            }
        }
        return out;
    }

    private static void writeToxicityReference(Path file, List<List<String>> sample, double[] p) throws IOException {
        StringBuilder sb = new StringBuilder("# uid, then " + String.join(", ", ToxicityProbabilities.LABELS)
                + ": Java, one text per onnxruntime call (CpuAgreement --write on " + CpuKernels.instructionSet()
                + ")\n");
        for (int i = 0; i < sample.size(); i++) {
            sb.append(sample.get(i).get(0));
            for (int j = 0; j < 6; j++) {
                sb.append('\t').append(String.format(Locale.ROOT, "%.9f", p[i * 6 + j]));
            }
            sb.append('\n');
        }
        Files.createDirectories(file.getParent());
        Files.writeString(file, sb);
    }

    private static void writeEmbeddingReference(Path file, double[] v) throws IOException {
        StringBuilder sb = new StringBuilder("# MiniLM embeddings of the first " + EMBEDDED_TEXTS
                + " texts of eval_sample.csv (CpuAgreement --write on " + CpuKernels.instructionSet() + ")\n");
        for (int i = 0; i < v.length; i++) {
            sb.append(String.format(Locale.ROOT, "%.8g", v[i])).append((i + 1) % 384 == 0 ? '\n' : '\t');
        }
        Files.createDirectories(file.getParent());
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
        }
    }

    private static byte[] read(String resource) {
        try (InputStream in = CpuAgreement.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
