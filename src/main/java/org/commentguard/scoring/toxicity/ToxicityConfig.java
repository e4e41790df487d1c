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

    /** Lower edge of the grey band in which a {@link ToxicityRefiner}, if deployed, re-scores the comment. */
    @WithDefault("0.3")
    @DecimalMin("0.0")
    @DecimalMax("1.0")
    double greyBandLow();

    /** Upper edge of the grey band; above it the first stage is confident enough on its own. */
    @WithDefault("0.7")
    @DecimalMin("0.0")
    @DecimalMax("1.0")
    double greyBandHigh();

    /** Sentences whose own toxicity is below this floor are not reported as spans. */
    @WithDefault("0.5")
    @DecimalMin("0.0")
    @DecimalMax("1.0")
    double spanFloor();
}
