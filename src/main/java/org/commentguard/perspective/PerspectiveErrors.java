package org.commentguard.perspective;

import java.util.List;
import java.util.Map;

/**
 * Google's API error shape, which Perspective clients parse: {@code {"error": {"code", "message", "status",
 * "details": [{"@type", "errorType"}]}}}. Every failure on a {@code /v1alpha1/} path is answered this way.
 */
public final class PerspectiveErrors {

    public static final String PATH_PREFIX = "/v1alpha1/";
    static final String ERROR_TYPE_URL = "type.googleapis.com/google.commentanalyzer.v1alpha1.Error";

    private PerspectiveErrors() {}

    public static boolean applies(String path) {
        return path != null && path.startsWith(PATH_PREFIX);
    }

    /** The body for a failure with our status and code. */
    public static Map<String, Object> body(int status, String code, String message) {
        String errorType = code != null && code.equals(code.toUpperCase(java.util.Locale.ROOT))
                ? code
                : status == 400 || status == 413 ? "INVALID_ARGUMENT" : null;
        Map<String, Object> error = new java.util.LinkedHashMap<>();
        error.put("code", status == 413 ? 400 : status);
        error.put("message", message);
        error.put("status", grpcStatus(status));
        if (errorType != null) {
            error.put("details", List.of(Map.of("@type", ERROR_TYPE_URL, "errorType", errorType)));
        }
        return Map.of("error", error);
    }

    /** Perspective answers an oversize comment with 400, not 413. */
    public static int status(int status) {
        return status == 413 ? 400 : status;
    }

    private static String grpcStatus(int status) {
        return switch (status) {
            case 400, 413 -> "INVALID_ARGUMENT";
            case 401 -> "UNAUTHENTICATED";
            case 403 -> "PERMISSION_DENIED";
            case 404 -> "NOT_FOUND";
            case 405 -> "UNIMPLEMENTED";
            case 409 -> "ABORTED";
            case 429 -> "RESOURCE_EXHAUSTED";
            case 503 -> "UNAVAILABLE";
            default -> status >= 500 ? "INTERNAL" : "FAILED_PRECONDITION";
        };
    }
}
