package org.commentguard.platform.failure;

import java.util.List;

/** The caller could not be identified: a missing credential or a signature that does not verify. */
public class Unauthenticated extends Failure {

    public Unauthenticated(String code, String detail) {
        super(Kind.UNAUTHENTICATED, code, "Unauthorized", detail, List.of());
    }
}
