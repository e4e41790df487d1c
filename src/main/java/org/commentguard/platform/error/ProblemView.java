package org.commentguard.platform.error;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.commentguard.platform.failure.Violation;

import java.util.List;

/** The RFC 9457 problem document every error answer carries, plus our stable {@code code} and {@code traceId}. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ProblemView(
        String type, String title, int status, String detail, String code, String traceId, List<Violation> violations) {

    public static final String MEDIA_TYPE = "application/problem+json";
    /** Problem types are documented per code; the URI need not resolve. */
    public static final String TYPE_BASE = "https://commentguard.org/problems/";

    public static ProblemView of(
            int status, String code, String title, String detail, String traceId, List<Violation> violations) {
        return new ProblemView(TYPE_BASE + code, title, status, detail, code, traceId, violations);
    }
}
