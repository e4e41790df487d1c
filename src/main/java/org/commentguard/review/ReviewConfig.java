package org.commentguard.review;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Positive;

import java.time.Duration;

/** Review queue settings ({@code commentguard.review.*}). */
@ConfigMapping(prefix = "commentguard.review")
public interface ReviewConfig {

    /** A claim expires after this long without a decision, so an abandoned item returns to the queue. */
    @WithDefault("PT10M")
    Duration claimLease();

    /** A decision can be undone for this long. */
    @WithDefault("PT15M")
    Duration undoWindow();

    /** Priority points an item gains per hour in the queue, so old items are not starved. */
    @WithDefault("2.0")
    @DecimalMin("0")
    double ageWeightPerHour();

    /** Summed reader-report weight that puts a published comment back in the queue. */
    @WithDefault("3.0")
    @Positive
    double requeueReportWeight();
}
