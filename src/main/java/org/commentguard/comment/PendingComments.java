package org.commentguard.comment;

import org.commentguard.audit.Acting;

import java.util.UUID;

/**
 * Where a comment goes when its automatic verdict leaves it waiting for a moderator. The review feature provides
 * it (the queue); ingestion only hands comments over. Both run in the caller's transaction, next to the status
 * change that caused them.
 */
public interface PendingComments {

    /** Queues the comment, or raises the priority of its open item; the item's id. */
    UUID enqueue(Comment comment, boolean edited, long authorRecentRejections);

    /** Closes the comment's open item, because its new verdict no longer needs a moderator. */
    void supersede(Comment comment, Acting acting);
}
