package org.commentguard.scoring.offtopic;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The handful of numbers the off-topic calibration combines, computed between a text (a comment, or a parent
 * comment judged against the article) and a reference document (the article, or the parent comment).
 *
 * @param simMax        highest cosine similarity between the text and any reference sentence
 * @param simTop3       mean of the three highest sentence similarities (the maximum when fewer sentences)
 * @param simCentroid   cosine similarity to the mean of the reference's sentence embeddings
 * @param lexOverlap    share of the text's content lemmas that also occur in the reference
 * @param entityOverlap shared names (proper nouns), capped at three and scaled to [0,1]
 */
public record RelevanceFeatures(
        double simMax, double simTop3, double simCentroid, double lexOverlap, double entityOverlap) {

    /** Feature names in the order of {@link #vector()}; they key the weights in the calibration file. */
    public static final List<String> NAMES =
            List.of("sim_max", "sim_top3", "sim_centroid", "lex_overlap", "entity_overlap");

    /** Names of the lexical-only features, used by the embedding shortcut. */
    public static final List<String> LEXICAL_NAMES = List.of("lex_overlap", "entity_overlap");

    public double[] vector() {
        return new double[] {simMax, simTop3, simCentroid, lexOverlap, entityOverlap};
    }

    public double[] lexicalVector() {
        return new double[] {lexOverlap, entityOverlap};
    }

    /** Lexical features alone: cheap, and enough when a comment clearly repeats the story's words and names. */
    public static double[] lexical(TextAnalyzer.Terms text, TextAnalyzer.Terms reference) {
        return new double[] {lexOverlap(text, reference), entityOverlap(text, reference)};
    }

    /** All features between an embedded text and an embedded reference document. */
    public static RelevanceFeatures of(float[] textEmbedding, TextAnalyzer.Terms text, EmbeddedDocument reference) {
        double[] sims = similarities(textEmbedding, reference);
        double[] sorted = sims.clone();
        Arrays.sort(sorted);
        double max = sorted.length == 0 ? 0 : sorted[sorted.length - 1];
        int k = Math.min(3, sorted.length);
        double top = 0;
        for (int i = 0; i < k; i++) {
            top += sorted[sorted.length - 1 - i];
        }
        double top3 = k == 0 ? 0 : top / k;
        return new RelevanceFeatures(
                max,
                top3,
                dot(textEmbedding, reference.centroid()),
                lexOverlap(text, reference.terms()),
                entityOverlap(text, reference.terms()));
    }

    /** Cosine similarity of the text to each sentence of the reference (embeddings are unit length). */
    public static double[] similarities(float[] textEmbedding, EmbeddedDocument reference) {
        double[] sims = new double[reference.sentences().size()];
        for (int i = 0; i < sims.length; i++) {
            sims[i] = dot(textEmbedding, reference.embeddings().get(i));
        }
        return sims;
    }

    static double lexOverlap(TextAnalyzer.Terms text, TextAnalyzer.Terms reference) {
        if (text.content().isEmpty()) {
            return 0;
        }
        int shared = 0;
        for (String lemma : text.content()) {
            if (reference.content().contains(lemma)) {
                shared++;
            }
        }
        return (double) shared / text.content().size();
    }

    static double entityOverlap(TextAnalyzer.Terms text, TextAnalyzer.Terms reference) {
        int shared = 0;
        for (String e : text.entities()) {
            if (reference.content().contains(e) || reference.entities().contains(e)) {
                shared++;
            }
        }
        return Math.min(shared, 3) / 3.0;
    }

    static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /** Unit-length mean of the given vectors, all zeros when there are none. */
    static float[] centroid(List<float[]> vectors, int dim) {
        float[] c = new float[dim];
        for (float[] v : vectors) {
            for (int i = 0; i < dim; i++) {
                c[i] += v[i];
            }
        }
        double norm = 0;
        for (float x : c) {
            norm += x * x;
        }
        norm = Math.sqrt(norm);
        if (norm > 0) {
            for (int i = 0; i < dim; i++) {
                c[i] /= (float) norm;
            }
        }
        return c;
    }

    /**
     * A reference text prepared once and cached: its sentences, their embeddings, their centroid and its lemmas.
     */
    public record EmbeddedDocument(
            List<String> sentences, List<float[]> embeddings, float[] centroid, TextAnalyzer.Terms terms) {

        /** Splits, embeds (one call per sentence, at most {@code maxSentences}) and analyses a document. */
        public static EmbeddedDocument of(
                String title, String body, TextAnalyzer analyzer, SentenceEmbedder embedder, int maxSentences) {
            List<String> sentences = new ArrayList<>();
            if (!title.isBlank()) {
                sentences.add(title.strip());
            }
            for (String s : analyzer.sentences(body)) {
                if (sentences.size() >= maxSentences) {
                    break;
                }
                // One- and two-word fragments (sub-heads, "Verbal volleys") would match anything short; skip them.
                if (s.split("\\s+").length >= 3) {
                    sentences.add(s);
                }
            }
            List<float[]> embeddings = new ArrayList<>(sentences.size());
            for (String s : sentences) {
                embeddings.add(embedder.embed(s));
            }
            return new EmbeddedDocument(
                    List.copyOf(sentences),
                    List.copyOf(embeddings),
                    RelevanceFeatures.centroid(embeddings, embeddings.isEmpty() ? 384 : embeddings.get(0).length),
                    analyzer.terms(title + "\n" + body, Integer.MAX_VALUE));
        }

        /** A single text embedded as a whole (a parent comment): one embedding, which is also its centroid. */
        public static EmbeddedDocument whole(String text, float[] embedding, TextAnalyzer.Terms terms) {
            return new EmbeddedDocument(List.of(text), List.of(embedding), embedding, terms);
        }

        public boolean isEmpty() {
            return sentences.isEmpty();
        }
    }
}
