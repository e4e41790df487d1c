package org.commentguard.platform.failure;

import java.util.List;

/** The thing asked for does not exist, or not for this caller: {@code not_found}. */
public class NotFound extends Failure {

    /** {@code what} names the thing, such as {@code "Comment 4f…"}. */
    public NotFound(String what) {
        super(Kind.NOT_FOUND, "not_found", "Not found", what + " does not exist", List.of());
    }
}
