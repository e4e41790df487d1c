package org.commentguard.scoring.toxicity;

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
}
