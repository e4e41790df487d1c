package org.commentguard.policy;

/** What a policy rule does to a comment; ordered from mildest to harshest. */
public enum PolicyAction {
    PUBLISH,
    REVIEW,
    REJECT;

    public PolicyAction max(PolicyAction other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
