package org.commentguard.review;

import org.commentguard.platform.failure.Conflict;

import java.util.UUID;

/** The item has a decision already, so it can be neither claimed nor decided again: {@code 409 already_decided}. */
public class ReviewItemAlreadyDecidedException extends Conflict {

    public ReviewItemAlreadyDecidedException(UUID itemId) {
        super("already_decided", "Review item " + itemId + " is already decided");
    }
}
