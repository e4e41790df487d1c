package org.commentguard.perspective;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Perspective's method paths contain a colon ({@code comments:analyze}), its discovery path a dollar sign
 * ({@code /$discovery/rest}). Some HTTP clients percent-encode them; both spellings name the same resource, so the
 * encoded one is routed to the literal one.
 */
@ApplicationScoped
public class PerspectivePaths {

    void install(@Observes Router router) {
        router.routeWithRegex(PerspectiveErrors.PATH_PREFIX + "comments%3[Aa].*")
                .order(Integer.MIN_VALUE + 1)
                .handler(ctx -> ctx.reroute(
                        ctx.request().method(),
                        ctx.request().uri().replace("%3A", ":").replace("%3a", ":")));
        router.routeWithRegex("/%24discovery/rest.*")
                .order(Integer.MIN_VALUE + 1)
                .handler(ctx -> ctx.reroute(
                        ctx.request().method(),
                        "/$discovery/rest" + ctx.request().uri().substring("/%24discovery/rest".length())));
    }
}
