package org.commentguard.platform.error;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Priorities;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Every request gets an id (the caller's {@code X-Request-Id} when it is sane, else a fresh one). It is echoed in
 * the response, appears as {@code traceId} in problem documents, in audit entries and in log lines.
 */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    /** The log context key of the request id (a field of every JSON log line, {@code %X{requestId}} in text). */
    public static final String MDC_KEY = "requestId";

    static final String CONTEXT_KEY = "commentguard.requestId";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{8,128}");

    private RequestIds() {}

    /** The id of the request, assigning one on first use. */
    public static String of(HttpServerRequest request) {
        if (request == null) {
            return UUID.randomUUID().toString();
        }
        io.vertx.core.Context ctx = io.vertx.core.Vertx.currentContext();
        Object existing = ctx == null ? null : ctx.getLocal(CONTEXT_KEY);
        if (existing instanceof String s) {
            return s;
        }
        String offered = request.getHeader(HEADER);
        String id = offered != null && SANE.matcher(offered).matches()
                ? offered
                : UUID.randomUUID().toString();
        if (ctx != null) {
            ctx.putLocal(CONTEXT_KEY, id);
        }
        MDC.put(MDC_KEY, id);
        return id;
    }

    /**
     * Assigns the id as soon as a request reaches the API, so that every log line of the request carries it,
     * not only those written after an error or an audit entry asked for it.
     */
    public static final class Assigner {
        @ServerRequestFilter(preMatching = true, priority = Priorities.AUTHENTICATION - 100)
        public void assign(HttpServerRequest request) {
            of(request);
        }
    }
}
