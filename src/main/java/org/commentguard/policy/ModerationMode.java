package org.commentguard.policy;

/** When comments are held for a moderator before anyone sees them. */
public enum ModerationMode {
    /** Publish unless the scores or word lists say otherwise (the usual news-site setting). */
    POST_MODERATION,
    /** Every comment waits for a moderator. */
    PRE_MODERATE_ALL,
    /** Comments of authors with fewer than {@code newAuthorApprovals} published comments wait for a moderator. */
    PRE_MODERATE_NEW_AUTHORS,
    /** Comments containing a link wait for a moderator. */
    PRE_MODERATE_LINKS
}
