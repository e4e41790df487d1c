package org.commentguard.platform.failure;

import java.util.List;

/**
 * What a service refuses to do, said in the domain's words: what kind of refusal it is, a stable {@code code}, a
 * short title and the detail. Services throw the named subclasses ({@link NotFound}, {@link Invalid},
 * {@link Conflict}, …) and know nothing of HTTP; the error mappers of the HTTP layer turn the kind into a status
 * and answer with {@code application/problem+json}.
 */
public abstract class Failure extends RuntimeException {

    /** What kind of refusal this is; the HTTP layer maps each kind to one status. */
    public enum Kind {
        /** The input breaks a rule of the request's shape or range. */
        INVALID,
        /** The input is well formed but cannot be acted on (an unknown reference, an empty comment, …). */
        REJECTED,
        /** The thing asked for does not exist, or not for this caller. */
        NOT_FOUND,
        /** The thing's current state does not allow the change (already decided, changed concurrently, …). */
        CONFLICT,
        /** The caller is known but may not do this. */
        FORBIDDEN,
        /** The caller could not be identified. */
        UNAUTHENTICATED,
        /** The input exceeds a size limit. */
        TOO_LARGE,
        /** The caller is over its quota; it may retry later. */
        THROTTLED,
        /** The service cannot take the work now; it may be retried later. */
        UNAVAILABLE
    }

    private final Kind kind;
    private final String code;
    private final String title;
    private final List<Violation> violations;

    protected Failure(Kind kind, String code, String title, String detail, List<Violation> violations) {
        super(detail, null, false, false);
        this.kind = kind;
        this.code = code;
        this.title = title;
        this.violations = List.copyOf(violations);
    }

    public Kind kind() {
        return kind;
    }

    /** The stable, documented code clients branch on. */
    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    /** The invalid fields, when the failure is about input; empty otherwise. */
    public List<Violation> violations() {
        return violations;
    }

    /**
     * The same failure about an element of a larger request: {@code prefix} goes before the detail and before
     * every violation's field (a bulk decision's {@code decisions[3]}).
     */
    public Failure within(String prefix) {
        return new Nested(this, prefix);
    }

    private static final class Nested extends Failure {
        Nested(Failure f, String prefix) {
            super(
                    f.kind(),
                    f.code(),
                    f.title(),
                    prefix + ": " + f.getMessage(),
                    f.violations().stream()
                            .map(v -> new Violation(prefix + "." + v.field(), v.message()))
                            .toList());
        }
    }
}
