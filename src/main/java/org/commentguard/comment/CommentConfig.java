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
}
