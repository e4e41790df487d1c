package org.commentguard.review;

import org.commentguard.platform.failure.Conflict;

/** Another moderator holds an unexpired claim on the item: {@code 409 already_claimed}. */
public class ReviewItemAlreadyClaimedException extends Conflict {

    public ReviewItemAlreadyClaimedException(String detail) {
        super("already_claimed", detail);
    }
}
