package org.commentguard.review;

import org.commentguard.platform.error.ApiProblem;

/** Another moderator holds an unexpired claim on the item: {@code 409 already_claimed}. */
public class ReviewItemAlreadyClaimedException extends ApiProblem {

    public ReviewItemAlreadyClaimedException(String detail) {
        super(409, "already_claimed", "Conflict", detail);
    }
}
