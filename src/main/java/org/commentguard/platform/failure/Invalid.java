package org.commentguard.platform.failure;

import java.util.List;
import java.util.stream.Collectors;

/** The input breaks a rule of its shape or range: {@code validation_failed}, with every violation listed. */
public class Invalid extends Failure {

    public Invalid(String field, String message) {
        this(List.of(new Violation(field, message)));
    }

    /** Several violations at once; the detail joins them with {@code "; "}. */
    public Invalid(List<Violation> violations) {
        super(
                Kind.INVALID,
                "validation_failed",
                "Validation failed",
                violations.stream().map(v -> v.field() + ": " + v.message()).collect(Collectors.joining("; ")),
                violations);
    }

    /** A violation whose detail says more than the field's message. */
    public Invalid(String detail, List<Violation> violations) {
        super(Kind.INVALID, "validation_failed", "Validation failed", detail, violations);
    }
}
