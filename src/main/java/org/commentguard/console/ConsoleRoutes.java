package org.commentguard.console;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * HTTP details of the console's static files (under {@code META-INF/resources/console/}): {@code /console} redirects
 * to {@code /console/}, and every console response carries a strict Content-Security-Policy.
 */
@ApplicationScoped
public class ConsoleRoutes {

    /**
     * Defence in depth: the console renders API strings as text only, and this policy would still stop an injected
     * inline script or handler, and any request to another origin, should a bug ever let markup through.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self' "
            + "'unsafe-inline'; img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; "
            + "frame-ancestors 'none'";

    void routes(@Observes Router router) {
        // Vert.x matches "/console" and "/console/" alike, so the exact path is checked here.
        router.route("/console").order(-1).handler(rc -> {
            if ("/console".equals(rc.request().path())) {
                rc.redirect("/console/");
            } else {
                rc.next();
            }
        });
        // Runs before the static handler and passes on: it only adds headers.
        router.route("/console/*").order(-1).handler(rc -> {
            rc.response()
                    .putHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                    .putHeader("X-Content-Type-Options", "nosniff")
                    .putHeader("Referrer-Policy", "no-referrer")
                    .putHeader("Cache-Control", "no-cache");
            rc.next();
        });
    }
}
