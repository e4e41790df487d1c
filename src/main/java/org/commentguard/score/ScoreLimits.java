package org.commentguard.score;

import org.commentguard.platform.failure.Invalid;
import org.commentguard.platform.failure.Rejected;
import org.commentguard.platform.failure.TooLarge;
import org.commentguard.platform.failure.Violation;

/** Input limits shared by the score, batch and Perspective endpoints. */
public final class ScoreLimits {

    /** Longer than any real comment; Perspective's own limit was 20 KB. */
    public static final int MAX_TEXT_CHARS = 20_000;
    /** A batch is answered in one response; 100 keeps the worst case within a few seconds on two cores. */
    public static final int MAX_BATCH_ITEMS = 100;

    private ScoreLimits() {}

    /** Rejects empty and oversize comment text with stable codes; {@code field} names it in the problem. */
    public static void checkText(String field, String text) {
        if (text == null) {
            throw new Invalid(field, "must not be null");
        }
        if (text.isBlank()) {
            throw new Rejected(
                    "comment_empty",
                    "Comment is empty",
                    field + " must contain at least one non-whitespace character",
                    java.util.List.of(new Violation(field, "must not be blank")));
        }
        if (text.length() > MAX_TEXT_CHARS) {
            throw new TooLarge(
                    "comment_too_long",
                    "Comment too long",
                    field + " has " + text.length() + " characters; the limit is " + MAX_TEXT_CHARS,
                    java.util.List.of(new Violation(field, "must be at most " + MAX_TEXT_CHARS + " characters")));
        }
    }
}
