package org.commentguard.policy;

import java.util.List;

/**
 * The outcome of {@link VerdictPolicy} for one comment.
 *
 * @param action          publish, queue for review or reject
 * @param reasons         stable reason codes, in rule order (see README, "Verdict reasons")
 * @param decisiveScore   the attribute whose score decided the verdict, {@code null} when no score did
 * @param censorRanges    [begin, end) ranges of the original text to mask in the display text
 */
public record Verdict(PolicyAction action, List<String> reasons, String decisiveScore, List<int[]> censorRanges) {

    public Verdict {
        reasons = List.copyOf(reasons);
        censorRanges = List.copyOf(censorRanges);
    }
}
