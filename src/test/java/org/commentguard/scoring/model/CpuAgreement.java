package org.commentguard.scoring.model;

import org.commentguard.scoring.offtopic.MiniLmEmbedder;
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
import java.util.List;
import java.util.Locale;
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

    private CpuAgreement() {}

    /**
     * Arguments: {@code [--write [resource-dir]]} rewrites the pinned files; {@code --only toxicity|embeddings}
     * measures one model (an emulated CPU takes minutes per model).
     */
    public static void main(String[] args) throws IOException {
        List<String> arguments = List.of(args);
        boolean write = arguments.contains("--write");
        String part = valueAfter(arguments, "--only", "all");
        Path resources = Path.of(valueAfter(arguments, "--write", "src/test/resources"));
        System.out.printf(
                "onnxruntime int8 kernels: %s (%s, %d cores)%n",
                CpuKernels.instructionSet(),
                System.getProperty("os.arch"),
                Runtime.getRuntime().availableProcessors());
        List<List<String>> sample = sample();
        List<String> texts = sample.stream().map(r -> r.get(2)).toList();

        if (!part.equals("embeddings")) {
            double[] toxicity;
            try (TransformerToxicityModel model = TransformerToxicityModel.loadShipped(1)) {
                toxicity = flatten(model.predictSentences(texts));
                System.out.println(model.modelId() + " vs Python onnxruntime (batches of 64): "
                        + Agreement.of(toxicity, pythonProbabilities(sample), 6, 0.5));
            }
            if (write) {
                writeToxicityReference(resources.resolve(TOXICITY_REFERENCE.substring(1)), sample, toxicity);
            } else {
                System.out.println(
                        "toxicity vs pinned Java reference: " + Agreement.of(toxicity, toxicityReference(), 6, 0.5));
            }
        }
        if (!part.equals("toxicity")) {
            double[] embeddings = embed(texts.subList(0, EMBEDDED_TEXTS));
            if (write) {
                writeEmbeddingReference(resources.resolve(EMBEDDING_REFERENCE.substring(1)), embeddings);
            } else {
                System.out.println("MiniLM embeddings vs pinned Java reference: "
                        + Agreement.of(embeddings, embeddingReference(), 0, 0));
            }
        }
        if (write) {
            System.out.println("wrote the pinned Java outputs under " + resources);
        }
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
