package org.commentguard.scoring.toxicity;

import org.commentguard.scoring.Span;

import java.util.List;
import java.util.Optional;

/**
 * A slower second stage (for example a transformer) that re-scores comments whose first-stage toxicity falls in
 * the configured grey band. Implementations are CDI beans; {@link ToxicityScorer} picks one up if present.
 * Must be thread-safe.
 */
public interface ToxicityRefiner {

    /** {@code name@version} of the refining model; appended to the signal's model string when it answers. */
    String model();

    /**
     * Refines the first-stage scores of {@code text}.
     *
     * @return refined calibrated scores, or empty to keep the first stage's (e.g. unsupported language, timeout)
     */
    Optional<ToxicityScores> refine(String text, ToxicityScores firstStage);

    /**
     * Refined scores, and the spans that explain them when the refiner reads those off the same pass.
     *
     * @param spans the toxic stretches of the comment as written, or {@code null} when the refiner cannot give them
     *     this way (the scorer then scores sentences)
     */
    record Refinement(ToxicityScores scores, List<Span> spans) {}

    /**
     * {@link #refine} with the spans of the same pass, for a comment whose refined toxicity reaches
     * {@code spanFloor}; below it (and for any floor above 1) the spans are empty and cost nothing.
     */
    default Optional<Refinement> refineExplained(String text, ToxicityScores firstStage, double spanFloor) {
        return refine(text, firstStage).map(scores -> new Refinement(scores, null));
    }

    /**
     * The spans {@link #refineExplained} gives, for work done after the answer: not counted towards
     * {@link #saturated()}, like {@link #sentenceToxicityInBackground}. Empty when the refiner has no such spans.
     */
    default Optional<List<Span>> spansInBackground(String text) {
        return Optional.empty();
    }

    /** {@code name@version} of what finds the spans of {@link #refineExplained}, or {@code null} if nothing does. */
    default String spanModel() {
        return null;
    }

    /**
     * The refiner's own toxicity for each sentence of a refined comment, in order, so that spans explain the
     * refined score rather than the first stage's; empty if it cannot (the first stage then explains).
     */
    default Optional<double[]> sentenceToxicity(List<String> sentences) {
        return Optional.empty();
    }

    /**
     * {@link #sentenceToxicity} for work done after the answer (a deferred explanation). It does not count towards
     * {@link #saturated()}: the caller yields to waiting comments itself, and its passes must not make a comment
     * that is being answered skip its refinement.
     */
    default Optional<double[]> sentenceToxicityInBackground(List<String> sentences) {
        return sentenceToxicity(sentences);
    }

    /**
     * Whether every worker of the refiner is busy right now. Under load the scorer then refines only the narrower
     * busy band, so ingestion keeps up during a spike at the cost of ranking quality for that spike.
     */
    default boolean saturated() {
        return false;
    }
}
