package org.commentguard.scoring.offtopic;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.commentguard.scoring.model.ModelArtifact;

import java.util.Objects;

/**
 * Everything the off-topic scorer needs, loaded once: the calibration, the OpenNLP analyzer and the sentence
 * embedder.
 *
 * @param id       {@code name@version} reported with every score
 * @param params   the fitted calibration
 * @param analyzer sentence splitting and lemmas
 * @param embedder sentence embeddings
 * @param themes   the off-topic-almost-everywhere themes, their prototypes embedded with {@code embedder}
 */
public record OffTopicModel(
        String id, OffTopicParameters params, TextAnalyzer analyzer, SentenceEmbedder embedder, DriftThemes themes) {

    /** Directory under {@code models/} that holds the shipped calibration. */
    public static final String ARTIFACT = "offtopic";

    public OffTopicModel {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(params, "params");
        Objects.requireNonNull(analyzer, "analyzer");
        Objects.requireNonNull(embedder, "embedder");
        Objects.requireNonNull(themes, "themes");
    }

    /** Embeds the shipped themes' prototypes with {@code embedder} (a dozen short sentences). */
    public OffTopicModel(String id, OffTopicParameters params, TextAnalyzer analyzer, SentenceEmbedder embedder) {
        this(id, params, analyzer, embedder, DriftThemes.embed(embedder));
    }

    /** The same model with another calibration (the drift trainer swaps in each candidate). */
    public OffTopicModel withParams(OffTopicParameters other) {
        return new OffTopicModel(id, other, analyzer, embedder, themes);
    }

    /**
     * Loads the shipped calibration (sha256-checked), the OpenNLP models and the MiniLM embedder (its ONNX file
     * checked against {@code embedding.sha256}); one onnxruntime thread per comment.
     */
    public static OffTopicModel loadShipped() {
        ModelArtifact artifact = ModelArtifact.load(ARTIFACT);
        OffTopicParameters params = OffTopicParameters.read(artifact.open());
        SentenceEmbedder embedder =
                MiniLmEmbedder.load(artifact.property("embedding.model"), artifact.property("embedding.sha256"), 1);
        return new OffTopicModel(artifact.id(), params, TextAnalyzer.load(), embedder);
    }

    /** CDI wiring: the scorer's {@code @Inject} constructor receives the shipped model. */
    @Dependent
    static class Producer {
        @Produces
        @Singleton
        @DefaultBean
        OffTopicModel shipped() {
            return loadShipped();
        }
    }
}
