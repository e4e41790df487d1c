package org.commentguard.author;

import org.commentguard.policy.AuthorState;

import java.time.Instant;

/**
 * An author's track record on a site. It is computed from their stored comments, so the comment feature implements
 * it; authors, review and ingestion only ask.
 */
public interface AuthorHistory {

    /** Comment counts by status, and comments and rejections within the history window. */
    record Counts(long published, long pending, long rejected, long recent, long recentRejected) {

        /** Share of the author's comments in the history window that were rejected, 0 without any. */
        public double rejectionRate() {
            return recent == 0 ? 0 : (double) recentRejected / recent;
        }
    }

    Counts counts(Author author, Instant now);

    /** What {@link org.commentguard.policy.VerdictPolicy} needs to know about the author now. */
    default AuthorState stateOf(Author author, Instant now) {
        Counts c = counts(author, now);
        return new AuthorState(
                c.published(),
                c.recentRejected(),
                author.banned,
                author.isSuspended(now),
                author.alwaysPremoderate,
                author.trusted);
    }
}
