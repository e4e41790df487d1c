package org.commentguard.platform.error;

import org.commentguard.platform.failure.Violation;

import java.util.List;

/**
 * A client-visible failure with an HTTP status and a stable {@code code}, for the HTTP layer only: resources,
 * filters and error mappers. It produces an {@code application/problem+json} answer with that status and code;
 * nothing else about the server leaks. Services throw a {@link org.commentguard.platform.failure.Failure} instead.
 */
public class ApiProblem extends RuntimeException {

    private final int status;
    private final String code;
    private final String title;
    private final List<Violation> violations;

    public ApiProblem(int status, String code, String title, String detail) {
        this(status, code, title, detail, List.of());
    }

    public ApiProblem(int status, String code, String title, String detail, List<Violation> violations) {
        super(detail, null, false, false);
        this.status = status;
        this.code = code;
        this.title = title;
        this.violations = List.copyOf(violations);
    }

    public static ApiProblem notFound(String what) {
        return new ApiProblem(404, "not_found", "Not found", what + " does not exist");
    }

    public static ApiProblem badRequest(String code, String detail) {
        return new ApiProblem(400, code, "Bad request", detail);
    }

    public static ApiProblem invalid(String field, String message) {
        return new ApiProblem(
                400,
                "validation_failed",
                "Validation failed",
                field + ": " + message,
                List.of(new Violation(field, message)));
    }

    public static ApiProblem conflict(String code, String detail) {
        return new ApiProblem(409, code, "Conflict", detail);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    public List<Violation> violations() {
        return violations;
    }
}
