package org.commentguard.policy;

/**
 * What the policy needs to know about a comment's author at the moment of the verdict.
 *
 * @param publishedCount  the author's published comments on this site
 * @param recentRejected  rejected comments in the recent history window
 * @param suspended       a suspension is in force now
 * @param trusted         marked trusted by a moderator
 */
public record AuthorState(
        long publishedCount,
        long recentRejected,
        boolean banned,
        boolean suspended,
        boolean alwaysPremoderate,
        boolean trusted) {

    /** An author seen for the first time. */
    public static final AuthorState NEW = new AuthorState(0, 0, false, false, false, false);
}
