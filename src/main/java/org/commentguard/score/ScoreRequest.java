package org.commentguard.score;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * A comment to score, with the optional context that off-topic scoring needs.
 *
 * @param text      the comment, 1 to {@value ScoreLimits#MAX_TEXT_CHARS} characters
 * @param article   the article it was posted under (boilerplate already removed, or a plain body)
 * @param parent    the comment it replies to
 * @param languages ISO 639-1 codes the client knows the comment is in; detection is used when absent
 * @param thread    texts of other recent comments under the same article, newest first, at most
 *                  {@value #MAX_THREAD}: off-topic scoring compares the comment with them (each is embedded once,
 *                  then cached, so passing the same thread with every comment of it costs little)
 */
public record ScoreRequest(
        @NotNull String text,
        @Valid ArticleContext article,
        @Valid ParentContext parent,

        @Size(max = 5)
        List<
                        @NotNull
                        @Pattern(
                                regexp = "[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})?",
                                message = "must be a language code such as en or en-GB")
                        String>
                languages,

        @Size(max = ScoreRequest.MAX_THREAD) List<@NotNull @Size(max = ScoreLimits.MAX_TEXT_CHARS) String> thread) {

    /** The off-topic scorer compares at most this many siblings. */
    public static final int MAX_THREAD = org.commentguard.scoring.offtopic.OffTopicScorer.MAX_THREAD;

    public record ArticleContext(
            @Size(max = 500) String title,
            @Size(max = 200_000) String body) {}

    public record ParentContext(
            @NotNull @Size(max = ScoreLimits.MAX_TEXT_CHARS) String text) {}
}
