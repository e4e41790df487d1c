package org.commentguard.scoring.offtopic;

/**
 * Turns a text into a unit-length sentence embedding, so that the dot product of two embeddings is their cosine
 * similarity. Implementations must be thread-safe.
 */
public interface SentenceEmbedder {

    /** {@code name@version} of the embedding model, reported with every score. */
    String id();

    /** Embeds one text; the result has unit L2 norm (or is all zeros for an empty text). */
    float[] embed(String text);
}
