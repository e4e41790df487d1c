package org.commentguard.platform.error;

import org.commentguard.platform.failure.Failure;

/** The one place where a domain failure's kind becomes an HTTP status. */
public final class FailureStatus {

    private FailureStatus() {}

    public static int of(Failure failure) {
        return of(failure.kind());
    }

    public static int of(Failure.Kind kind) {
        return switch (kind) {
            case INVALID, REJECTED -> 400;
            case UNAUTHENTICATED -> 401;
            case FORBIDDEN -> 403;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case TOO_LARGE -> 413;
            case THROTTLED -> 429;
            case UNAVAILABLE -> 503;
        };
    }
}
