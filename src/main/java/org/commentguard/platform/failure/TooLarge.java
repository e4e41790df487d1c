package org.commentguard.platform.failure;

import java.util.List;

/** The input exceeds a size limit, such as {@code comment_too_long}. */
public class TooLarge extends Failure {

    public TooLarge(String code, String title, String detail, List<Violation> violations) {
        super(Kind.TOO_LARGE, code, title, detail, violations);
    }
}
