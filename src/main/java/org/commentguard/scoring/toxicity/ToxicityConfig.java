package org.commentguard.scoring.toxicity;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;

/** Service-wide settings of the toxicity scorer ({@code commentguard.scoring.toxicity.*}). */
@ConfigMapping(prefix = "commentguard.scoring.toxicity")
public interface ToxicityConfig {

    /**
     * Calibrated probability at or above which an attribute is reported as a reason. 0.5 is the threshold the
     * model card's F1 and identity false-positive rates are measured at.
     */
    @WithDefault("0.5")
    @DecimalMin("0.0")
    @DecimalMax("1.0")
    double threshold();

    /**
     * Lower edge of the grey band in which a {@link ToxicityRefiner}, if deployed, re-scores the comment. The
     * default band 0–1 refines every comment: on news comments from other sites any narrower band cost ranking
     * quality (model card of {@code toxicity-transformer}, "Cascade").
     */
    @WithDefault("0.0")
    @DecimalMin("0.0")
    @DecimalMax("1.0")
    double greyBandLow();

    /** Upper edge of the grey band; above it the first stage is confident enough on its own. */
    @WithDefault("1.0")
    @DecimalMin("0.0")
    @DecimalMax("1.0")
    double greyBandHigh();

    /**
     * Lower edge of the busy band: while every refiner worker is busy (a spike), only comments whose first-stage
     * toxicity lies in this narrower band are refined, the rest keep the first stage's score (their signal says
     * {@code toxicity.refine_skipped_busy}). Set the busy band equal to the grey band to never shed.
     */
    @WithDefault("0.3")
    @DecimalMin("0.0")
    @DecimalMax("1.0")
    double busyBandLow();

    /** Upper edge of the busy band. */
    @WithDefault("0.7")
    @DecimalMin("0.0")
    @DecimalMax("1.0")
    double busyBandHigh();

    /**
     * A comment whose toxicity is below this floor has no toxicity spans; where spans are sentences (the first
     * stage, or a refiner without a span head), a sentence whose own toxicity is below it is not reported either.
     */
    @WithDefault("0.5")
    @DecimalMin("0.0")
    @DecimalMax("1.0")
    double spanFloor();
}
