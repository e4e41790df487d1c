package org.commentguard.comment;

import org.commentguard.policy.PolicyAction;

/** Where a comment stands: visible, waiting for a moderator, or refused. */
public enum CommentStatus {
    PUBLISHED,
    PENDING,
    REJECTED;

    public static CommentStatus of(PolicyAction action) {
        return switch (action) {
            case PUBLISH -> PUBLISHED;
            case REVIEW -> PENDING;
            case REJECT -> REJECTED;
        };
    }
}
