package org.commentguard.platform.error;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;

/**
 * Failures decided by the HTTP layer before any resource runs (an oversize body, a path no resource serves) get
 * the same problem document as everything else, instead of Vert.x's plain-text pages.
 */
@ApplicationScoped
public class RouterProblems {

    /** Article registration carries whole pages; every other route carries comments, ids and settings. */
    static final String ARTICLE_ROUTE = "/api/v1/articles/";

    private final ObjectMapper mapper;
    private final Instance<ErrorDialect> dialects;
    private final long maxBodyBytes;
    private final long maxArticleBodyBytes;

    public RouterProblems(
            ObjectMapper mapper,
            Instance<ErrorDialect> dialects,
            @ConfigProperty(name = "commentguard.http.max-request-bytes", defaultValue = "1048576") long maxBodyBytes,
            @ConfigProperty(name = "commentguard.http.max-article-request-bytes", defaultValue = "8388608")
                    long maxArticleBodyBytes) {
        this.mapper = mapper;
        this.dialects = dialects;
        this.maxBodyBytes = maxBodyBytes;
        this.maxArticleBodyBytes = maxArticleBodyBytes;
    }

    void install(@Observes Router router) {
        // Announced oversize bodies are refused here, before anything reads them. Vert.x's own limit
        // (quarkus.http.limits.max-body-size, set higher) still guards chunked bodies that announce no length.
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            String length = ctx.request().getHeader("Content-Length");
            long limit = limitFor(ctx.request().method().name(), ctx.request().path());
            if (length != null && exceeds(length, limit)) {
                ctx.response().putHeader("Connection", "close");
                write(
                        ctx,
                        413,
                        "payload_too_large",
                        "Payload too large",
                        "The request body exceeds " + limit + " bytes");
            } else {
                ctx.next();
            }
        });
        router.errorHandler(
                413,
                ctx -> write(
                        ctx,
                        413,
                        "payload_too_large",
                        "Payload too large",
                        "The request body exceeds the configured limit"));
        router.errorHandler(
                404,
                ctx -> write(
                        ctx,
                        404,
                        "not_found",
                        "Not Found",
                        "No such resource: " + ctx.request().path()));
        router.errorHandler(
                405,
                ctx -> write(
                        ctx,
                        405,
                        "method_not_allowed",
                        "Method Not Allowed",
                        "Method " + ctx.request().method() + " is not allowed on "
                                + ctx.request().path()));
        router.errorHandler(400, ctx -> write(ctx, 400, "bad_request", "Bad Request", "The request could not be read"));
    }

    /**
     * Real article pages run to several megabytes (inline scripts, mega-menus, endless teaser rails), so registering
     * one gets its own limit; comments and everything else keep the small one.
     */
    long limitFor(String method, String path) {
        boolean article = "PUT".equals(method)
                && path != null
                && path.startsWith(ARTICLE_ROUTE)
                && path.length() > ARTICLE_ROUTE.length();
        return article ? maxArticleBodyBytes : maxBodyBytes;
    }

    private static boolean exceeds(String contentLength, long limit) {
        try {
            return Long.parseLong(contentLength.trim()) > limit;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private void write(RoutingContext ctx, int status, String code, String title, String detail) {
        if (ctx.response().headWritten() || ctx.response().ended()) {
            return;
        }
        String traceId = RequestIds.of(ctx.request());
        // Perspective clients parse Google's error shape on every /v1alpha1/ failure, oversize bodies included.
        ErrorDialect dialect = dialects.stream()
                .filter(d -> d.applies(ctx.request().path()))
                .findFirst()
                .orElse(null);
        String body;
        try {
            body = mapper.writeValueAsString(
                    dialect != null
                            ? dialect.body(status, code, detail)
                            : ProblemView.of(status, code, title, detail, traceId, List.of()));
        } catch (JsonProcessingException e) {
            body = "{\"status\":" + status + ",\"code\":\"" + code + "\"}";
        }
        ctx.response()
                .setStatusCode(dialect != null ? dialect.status(status) : status)
                .putHeader("Content-Type", dialect != null ? "application/json" : ProblemView.MEDIA_TYPE)
                .putHeader(RequestIds.HEADER, traceId)
                .end(body);
    }
}
