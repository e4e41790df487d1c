package org.commentguard.scoring.toxicity.transformer;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import org.commentguard.scoring.model.ModelArtifact;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The fine-tuned small-BERT toxicity model (six labels), run with onnxruntime on the CPU.
 *
 * <p>The shipped model ({@code models/toxicity-transformer/}) is bge-small-en-v1.5 fine-tuned on licensed data,
 * exported to ONNX and dynamically quantized to int8; see its {@code MODEL_CARD.md}. Input: the comment is tokenized
 * by {@link WordPieceTokenizer} (head kept, {@code max_length} tokens); the network returns one logit per label and
 * each is calibrated with {@code sigmoid(a * logit + b)} using the per-label Platt parameters in
 * {@code model.properties}.
 *
 * <p>Thread-safe: one {@link OrtSession} is shared, and onnxruntime allows concurrent {@code run} calls. Each call
 * uses {@code intraOpThreads} threads (1 by default, so the service scales by running comments in parallel rather
 * than by splitting one comment across cores). Close it to free the native session.
 */
public final class TransformerToxicityModel implements AutoCloseable {

    /** Folder under {@code models/} holding the shipped model. */
    public static final String MODEL_DIR = "toxicity-transformer";

    private final OrtEnvironment env;
    private final OrtSession session;
    private final WordPieceTokenizer tokenizer;
    private final int maxLength;
    private final double[] calibrationA;
    private final double[] calibrationB;
    private final String modelId;
    private final boolean tokenStates;

    /** The output holding each word piece's final hidden state, when the model file has it ({@link #hasTokenStates}). */
    static final String TOKEN_STATES = "token_states";

    /**
     * @param artifact the loaded {@code model.properties} + ONNX file (sha256 already verified)
     * @param tokenizer the vocabulary the model was trained with
     * @param intraOpThreads onnxruntime threads per call, at least 1
     */
    public TransformerToxicityModel(ModelArtifact artifact, WordPieceTokenizer tokenizer, int intraOpThreads) {
        if (intraOpThreads < 1) {
            throw new IllegalArgumentException("intraOpThreads must be >= 1");
        }
        this.tokenizer = Objects.requireNonNull(tokenizer);
        this.maxLength = Integer.parseInt(required(artifact, "max_length"));
        List<String> labels = List.of(required(artifact, "labels").split("\\s*,\\s*"));
        if (!labels.equals(ToxicityProbabilities.LABELS)) {
            throw new ModelArtifact.ModelIntegrityException("unexpected label order " + labels);
        }
        this.calibrationA = new double[labels.size()];
        this.calibrationB = new double[labels.size()];
        for (int i = 0; i < labels.size(); i++) {
            calibrationA[i] = Double.parseDouble(required(artifact, "calibration." + labels.get(i) + ".a"));
            calibrationB[i] = Double.parseDouble(required(artifact, "calibration." + labels.get(i) + ".b"));
        }
        this.modelId = artifact.id();
        this.env = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(intraOpThreads);
            options.setInterOpNumThreads(1);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            this.session = env.createSession(artifact.bytes(), options);
            this.tokenStates = session.getOutputNames().contains(TOKEN_STATES);
        } catch (OrtException e) {
            throw new IllegalStateException("cannot load " + modelId + " into onnxruntime", e);
        }
    }

    /** Loads the shipped model from the class path with one intra-op thread. */
    public static TransformerToxicityModel loadShipped() {
        return loadShipped(1);
    }

    /** Loads the shipped model from the class path, verifying the sha256 of the model and of the vocabulary. */
    public static TransformerToxicityModel loadShipped(int intraOpThreads) {
        ModelArtifact artifact = ModelArtifact.load(MODEL_DIR);
        return new TransformerToxicityModel(artifact, loadTokenizer(artifact), intraOpThreads);
    }

    /** The shipped vocabulary alone (checksum verified), for tools and tests that only tokenize. */
    public static WordPieceTokenizer loadShippedTokenizer() {
        return loadTokenizer(ModelArtifact.load(MODEL_DIR));
    }

    private static WordPieceTokenizer loadTokenizer(ModelArtifact artifact) {
        String path = "models/" + MODEL_DIR + "/" + required(artifact, "tokenizer");
        byte[] vocab;
        try (InputStream in = resource(path)) {
            vocab = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
        String expected = required(artifact, "tokenizer.sha256");
        String actual = ModelArtifact.sha256(vocab);
        if (!actual.equalsIgnoreCase(expected)) {
            throw new ModelArtifact.ModelIntegrityException(
                    path + " has sha256 " + actual + " but model.properties says " + expected);
        }
        return WordPieceTokenizer.fromVocab(new ByteArrayInputStream(vocab));
    }

    /** {@code name@version} of the model, e.g. {@code toxicity-bge-small@1.1.1}; every score should carry it. */
    public String modelId() {
        return modelId;
    }

    public int maxLength() {
        return maxLength;
    }

    /** Calibrated probabilities for one comment (or sentence). */
    public ToxicityProbabilities predict(String text) {
        return predictSentences(List.of(text)).get(0);
    }

    /**
     * {@code text} as this model reads it when it is served: disguised spellings put back ({@link Deobfuscation}),
     * judged against this model's vocabulary.
     */
    public String readable(String text) {
        return Deobfuscation.readable(text, tokenizer::isWholeWord);
    }

    /** {@link #readable} with where each of its characters stands in {@code text}. */
    public Deobfuscation.Readable readableMapped(String text) {
        return Deobfuscation.mapped(text, tokenizer::isWholeWord);
    }

    /**
     * Calibrated probabilities for several texts (the sentences of one comment, or many comments), in input order.
     *
     * <p>Each text is run as its own onnxruntime call. The int8 model quantizes its activations dynamically, with
     * one scale per call, so in a padded batch a text's scores would shift (by up to ~0.1 in probability) with the
     * other texts it happens to be batched with; a comment's score must not depend on its neighbours. On one CPU
     * thread batching buys little anyway: the work is the same matrix products, minus the padding.
     */
    public List<ToxicityProbabilities> predictSentences(List<String> texts) {
        List<ToxicityProbabilities> out = new ArrayList<>(texts.size());
        for (String text : texts) {
            int[] ids = tokenizer.encode(Objects.requireNonNull(text, "text"), maxLength);
            out.add(calibrate(run(new int[][] {ids})[0]));
        }
        return out;
    }

    /** Raw logits (before calibration) for already tokenized inputs, padded to the longest. */
    float[][] run(int[][] batch) {
        try (OrtSession.Result result = session(batch, Set.of("logits"))) {
            return (float[][]) result.get(0).getValue();
        } catch (OrtException e) {
            throw new IllegalStateException("onnxruntime failed on " + modelId, e);
        }
    }

    /** Whether the model file also gives each word piece's final hidden state, which the {@link SpanHead} reads. */
    public boolean hasTokenStates() {
        return tokenStates;
    }

    /**
     * One pass over a text: its probabilities, and each word piece's final hidden state with the stretch of the text
     * it stands for.
     *
     * @param probabilities as {@link #predict} gives them (the same numbers: it is the same pass)
     * @param encoding      the word pieces and their offsets in the text
     * @param states        per token of {@code encoding}, its final hidden state
     */
    public record Pass(ToxicityProbabilities probabilities, WordPieceTokenizer.Encoding encoding, float[][] states) {}

    /**
     * {@link #predict} with the token states, for a model that has them.
     *
     * @throws IllegalStateException if it has not ({@link #hasTokenStates})
     */
    public Pass predictWithStates(String text) {
        if (!tokenStates) {
            throw new IllegalStateException(modelId + " has no " + TOKEN_STATES + " output");
        }
        WordPieceTokenizer.Encoding encoding = tokenizer.encodeWithOffsets(Objects.requireNonNull(text), maxLength);
        try (OrtSession.Result result = session(new int[][] {encoding.ids()}, Set.of("logits", TOKEN_STATES))) {
            float[] logits = ((float[][]) result.get("logits").orElseThrow().getValue())[0];
            float[][] states =
                    ((float[][][]) result.get(TOKEN_STATES).orElseThrow().getValue())[0];
            return new Pass(calibrate(logits), encoding, states);
        } catch (OrtException e) {
            throw new IllegalStateException("onnxruntime failed on " + modelId, e);
        }
    }

    private OrtSession.Result session(int[][] batch, Set<String> outputs) throws OrtException {
        int rows = batch.length;
        int width = 0;
        for (int[] r : batch) {
            width = Math.max(width, r.length);
        }
        long[] ids = new long[rows * width];
        long[] mask = new long[rows * width];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < batch[i].length; j++) {
                ids[i * width + j] = batch[i][j];
                mask[i * width + j] = 1;
            }
        }
        long[] shape = {rows, width};
        try (OnnxTensor idsTensor = OnnxTensor.createTensor(env, LongBuffer.wrap(ids), shape);
                OnnxTensor maskTensor = OnnxTensor.createTensor(env, LongBuffer.wrap(mask), shape)) {
            return session.run(Map.of("input_ids", idsTensor, "attention_mask", maskTensor), outputs);
        }
    }

    private ToxicityProbabilities calibrate(float[] logits) {
        double[] p = new double[logits.length];
        for (int i = 0; i < logits.length; i++) {
            p[i] = 1.0 / (1.0 + Math.exp(-(calibrationA[i] * logits[i] + calibrationB[i])));
        }
        return ToxicityProbabilities.of(p);
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String required(ModelArtifact artifact, String key) {
        String v = artifact.property(key);
        if (v == null || v.isBlank()) {
            throw new ModelArtifact.ModelIntegrityException(
                    "models/" + MODEL_DIR + "/model.properties lacks '" + key + "'");
        }
        return v.trim();
    }

    private static InputStream resource(String path) throws IOException {
        InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(path);
        if (in == null) {
            in = TransformerToxicityModel.class.getClassLoader().getResourceAsStream(path);
        }
        if (in == null) {
            throw new IOException("missing resource " + path);
        }
        return in;
    }
}
