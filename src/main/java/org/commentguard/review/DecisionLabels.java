package org.commentguard.review;

import org.commentguard.comment.Comment;

import java.time.Instant;
import java.util.UUID;

/**
 * Where moderators' decisions go as labelled examples. The learning package keeps them; the review package only
 * reports each decision and each undo, inside the decision's own transaction.
 */
public interface DecisionLabels {

    /** Where a decision was taken: the review queue, the site's own moderation, or the blind quality sample. */
    enum Source {
        QUEUE,
        SITE,
        SAMPLE
    }

    /** Records (or replaces) the label of {@code comment}. */
    void record(
            Comment comment,
            UUID reviewItemId,
            Source source,
            boolean reject,
            String reason,
            String moderator,
            Instant at);

    /** Removes the label a queue item's decision gave (the decision was undone). */
    void withdraw(UUID siteId, UUID reviewItemId);
}
