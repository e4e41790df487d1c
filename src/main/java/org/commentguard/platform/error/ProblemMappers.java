package org.commentguard.platform.error;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.PersistenceException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.commentguard.platform.failure.Failure;
import org.commentguard.platform.failure.Violation;
import org.hibernate.exception.JDBCConnectionException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.sql.SQLTransientConnectionException;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Turns every failure into {@code application/problem+json}. Client mistakes are logged at DEBUG (they are not
 * our errors); only unexpected failures are logged at ERROR, with the trace id the client sees.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    private final Instance<ErrorDialect> dialects;

    public ProblemMappers(Instance<ErrorDialect> dialects) {
        this.dialects = dialects;
    }

    @ServerExceptionMapper
    public Response apiProblem(ApiProblem e, HttpServerRequest request) {
        LOG.debugf("%d %s: %s", e.status(), e.code(), e.getMessage());
        return respond(e.status(), e.code(), e.title(), e.getMessage(), request, e.violations());
    }

    /** A service's refusal in domain words: its kind decides the status, its code and detail pass through. */
    @ServerExceptionMapper
    public Response failure(Failure e, HttpServerRequest request) {
        int status = FailureStatus.of(e);
        LOG.debugf("%d %s: %s", status, e.code(), e.getMessage());
        return respond(status, e.code(), e.title(), e.getMessage(), request, e.violations());
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, HttpServerRequest request) {
        List<Violation> violations = e.getConstraintViolations().stream()
                .map(v -> new Violation(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Violation::field))
                .toList();
        String detail =
                violations.stream().map(v -> v.field() + ": " + v.message()).collect(Collectors.joining("; "));
        return respond(400, "validation_failed", "Validation failed", detail, request, violations);
    }

    // Listed one by one: Quarkus ships mappers for some of these subtypes and the most specific mapper wins.
    @ServerExceptionMapper({
        JsonProcessingException.class,
        JsonParseException.class,
        JsonMappingException.class,
        MismatchedInputException.class,
        InvalidFormatException.class,
        StreamConstraintsException.class,
        ValueInstantiationException.class,
        UnrecognizedPropertyException.class,
        JsonEOFException.class
    })
    public Response json(JsonProcessingException e, HttpServerRequest request) {
        return jsonProblem(e, request);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, HttpServerRequest request) {
        Throwable cause = e.getCause();
        if (cause instanceof JsonProcessingException jpe) {
            return jsonProblem(jpe, request);
        }
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e, request);
        }
        String code = switch (status) {
            case 400 -> "bad_request";
            case 401 -> "unauthenticated";
            case 403 -> "forbidden";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 406 -> "not_acceptable";
            case 413 -> "payload_too_large";
            case 415 -> "unsupported_media_type";
            default -> "client_error";
        };
        String detail = switch (status) {
            case 404 -> "No such resource: " + request.path();
            case 405 -> "Method " + request.method() + " is not allowed on " + request.path();
            case 415 -> "Send the request body as application/json";
            case 406 -> "This resource answers with application/json only";
            default ->
                Response.Status.fromStatusCode(status) == null
                        ? "Client error"
                        : Response.Status.fromStatusCode(status).getReasonPhrase();
        };
        LOG.debugf("%d %s on %s", status, code, request.path());
        return respond(status, code, title(status), detail, request, List.of());
    }

    @ServerExceptionMapper({JDBCConnectionException.class, SQLTransientConnectionException.class})
    public Response databaseUnavailable(Exception e, HttpServerRequest request) {
        LOG.warnf("database unavailable (%s): %s", RequestIds.of(request), e.getMessage());
        return Response.fromResponse(respond(
                        503,
                        "database_unavailable",
                        "Service unavailable",
                        "The database is not reachable; retry later",
                        request,
                        List.of()))
                .header("Retry-After", "5")
                .build();
    }

    @ServerExceptionMapper
    public Response persistence(PersistenceException e, HttpServerRequest request) {
        for (Throwable cause = e; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause instanceof java.sql.SQLException sql && "22021".equals(sql.getSQLState())) {
                // PostgreSQL cannot hold U+0000 in text; a path or query value carrying one is the client's error.
                LOG.debugf("400 NUL character in a value on %s", request.path());
                return respond(
                        400,
                        "validation_failed",
                        "Validation failed",
                        "Values must not contain NUL (U+0000) characters",
                        request,
                        List.of());
            }
        }
        // Lost connections (503) and everything else (500) are sorted out by the catch-all.
        return unexpected(e, request);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, HttpServerRequest request) {
        Throwable lostConnection = connectionFailure(e, 0);
        if (lostConnection != null) {
            // A commit that fails because the connection died arrives wrapped by the transaction manager
            // (RollbackException with the driver's I/O error suppressed); it is an outage, not a bug. Retrying the
            // same request is safe: ingestion is idempotent per externalId.
            return databaseUnavailable(
                    lostConnection instanceof Exception ex ? ex : new Exception(lostConnection), request);
        }
        String traceId = RequestIds.of(request);
        LOG.errorf(e, "Unexpected failure on %s %s (traceId %s)", request.method(), request.path(), traceId);
        return respond(
                500,
                "internal_error",
                "Internal error",
                "An unexpected error occurred; report the traceId to the operator",
                request,
                List.of());
    }

    private Response jsonProblem(JsonProcessingException e, HttpServerRequest request) {
        if (e instanceof StreamConstraintsException) {
            return respond(
                    400,
                    "json_too_complex",
                    "Malformed request",
                    "The JSON document exceeds nesting or size limits",
                    request,
                    List.of());
        }
        if (e instanceof MismatchedInputException mie && !mie.getPath().isEmpty()) {
            String field = pathOf(mie);
            String message =
                    e instanceof InvalidFormatException ? "has an invalid value" : "has the wrong type or shape";
            return respond(
                    400,
                    "validation_failed",
                    "Validation failed",
                    field + ": " + message,
                    request,
                    List.of(new Violation(field, message)));
        }
        // Never echo Jackson's message: it names Java classes.
        return respond(
                400, "malformed_json", "Malformed request", "The request body is not valid JSON", request, List.of());
    }

    private static String pathOf(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.isEmpty() ? "body" : sb.toString();
    }

    private static String fieldOf(ConstraintViolation<?> v) {
        // Resource-method paths look like "score.request.text": drop the method and parameter names.
        String path = v.getPropertyPath().toString();
        String[] parts = path.split("\\.");
        return parts.length > 2 ? String.join(".", java.util.Arrays.copyOfRange(parts, 2, parts.length)) : path;
    }

    /** A lost or refused database connection anywhere among the causes and suppressed exceptions, or null. */
    private static Throwable connectionFailure(Throwable e, int depth) {
        if (e == null || depth > 12) {
            return null;
        }
        if (e instanceof JDBCConnectionException
                || e instanceof SQLTransientConnectionException
                || e instanceof java.net.ConnectException
                || e instanceof java.sql.SQLException sql
                        && sql.getSQLState() != null
                        && sql.getSQLState().startsWith("08")) {
            return e;
        }
        for (Throwable suppressed : e.getSuppressed()) {
            Throwable found = connectionFailure(suppressed, depth + 1);
            if (found != null) {
                return found;
            }
        }
        return e.getCause() == e ? null : connectionFailure(e.getCause(), depth + 1);
    }

    static String title(int status) {
        Response.Status s = Response.Status.fromStatusCode(status);
        return s == null ? "Error" : s.getReasonPhrase();
    }

    Response respond(
            int status,
            String code,
            String title,
            String detail,
            HttpServerRequest request,
            List<Violation> violations) {
        String traceId = RequestIds.of(request);
        for (ErrorDialect dialect : dialects) {
            if (dialect.applies(request.path())) {
                return Response.status(dialect.status(status))
                        .type(jakarta.ws.rs.core.MediaType.APPLICATION_JSON)
                        .header(RequestIds.HEADER, traceId)
                        .entity(dialect.body(status, code, detail))
                        .build();
            }
        }
        return Response.status(status)
                .type(ProblemView.MEDIA_TYPE)
                .header(RequestIds.HEADER, traceId)
                .entity(ProblemView.of(status, code, title, detail, traceId, violations))
                .build();
    }
}
