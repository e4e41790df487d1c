package org.commentguard.comment;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import java.time.Duration;

/** Comment ingestion settings ({@code commentguard.comments.*}). */
@ConfigMapping(prefix = "commentguard.comments")
public interface CommentConfig {

    /** How far back the duplicate-detection window of recent comment texts reaches. */
    @WithDefault("PT24H")
    Duration recentWindow();

    /** At most this many recent texts are handed to the scorers: bounds the cost of every comment. */
    @WithDefault("200")
    @Min(0)
    @Max(5000)
    int recentLimit();

    /** Window of an author's history in which rejections count against trust. */
    @WithDefault("P90D")
    Duration authorHistoryWindow();

    /**
     * How long a deferred explanation waits for a core that no comment being answered needs, before it runs anyway
     * (so that explanations keep coming, slowly, while the service is saturated).
     */
    @WithDefault("PT1S")
    Duration explanationMaxWait();

    /** Deferred explanations queued in memory; the rest wait in the database for the next sweep. */
    @WithDefault("10000")
    @Min(1)
    int explanationQueue();
}
