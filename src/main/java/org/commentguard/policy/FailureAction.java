package org.commentguard.policy;

/** What a missing score (a scorer failed) means for the verdict. */
public enum FailureAction {
    /** Ignore the failed scorer and decide on the rest. */
    FAIL_OPEN,
    /** Hold the comment for a moderator. */
    FAIL_CLOSED
}
