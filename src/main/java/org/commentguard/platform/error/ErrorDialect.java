package org.commentguard.platform.error;

/**
 * An error shape other than problem+json, for the paths whose clients parse something else (Perspective's Google
 * errors on {@code /v1alpha1/}). The feature that owns those paths provides it as a bean; the error mappers here
 * ask each dialect whether a path is theirs, so this package needs to know no feature.
 */
public interface ErrorDialect {

    /** Whether failures on {@code path} are answered in this dialect. */
    boolean applies(String path);

    /** The HTTP status this dialect answers with for a failure with our {@code status}. */
    int status(int status);

    /** The JSON body for a failure with our status, stable code and detail. */
    Object body(int status, String code, String detail);
}
