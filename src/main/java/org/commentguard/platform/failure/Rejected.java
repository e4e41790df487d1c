package org.commentguard.platform.failure;

import java.util.List;

/**
 * Well-formed input that cannot be acted on, with a code of its own: an article that is not registered, a webhook
 * target the SSRF guard refuses, an empty comment, a deadline out of range.
 */
public class Rejected extends Failure {

    public Rejected(String code, String detail) {
        this(code, "Bad request", detail, List.of());
    }

    public Rejected(String code, String title, String detail, List<Violation> violations) {
        super(Kind.REJECTED, code, title, detail, violations);
    }
}
