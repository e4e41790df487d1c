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
 */
public record ScoreRequest(
        @NotNull String text,
        @Valid ArticleContext article,
        @Valid ParentContext parent,
        @Size(max = 5) List<@NotNull @Pattern(regexp = "[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})?",
                message = "must be a language code such as en or en-GB") String> languages) {

    public record ArticleContext(@Size(max = 500) String title, @Size(max = 200_000) String body) {
    }

    public record ParentContext(@NotNull @Size(max = ScoreLimits.MAX_TEXT_CHARS) String text) {
    }
}
