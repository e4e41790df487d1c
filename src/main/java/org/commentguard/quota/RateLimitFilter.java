package org.commentguard.quota;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ResourceInfo;
import org.commentguard.site.CurrentCaller;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.lang.reflect.Method;
import java.util.UUID;

/**
 * Applies the request rate quotas to every request of a site key, right after authentication and before the body
 * is read, and refuses there too what {@link RefusedWork} says cannot fit yet. The platform administrator is not
 * limited (it creates sites and sets their quotas).
 */
public class RateLimitFilter {

    private final RateLimiter limiter;
    private final CurrentCaller current;
    private final RequestScoring scoring;

    public RateLimitFilter(RateLimiter limiter, CurrentCaller current, RequestScoring scoring) {
        this.limiter = limiter;
        this.current = current;
        this.scoring = scoring;
    }

    /** First of all filters: scoring deadlines count from here. */
    @ServerRequestFilter(preMatching = true, priority = Integer.MIN_VALUE)
    public void arrived() {
        scoring.arrived();
    }

    @ServerRequestFilter(priority = Priorities.AUTHORIZATION)
    public void limit(ResourceInfo resource) {
        // Endpoints that authenticate without an API key (Coral's signed phase, the public discovery document) have
        // no key to count here; their scoring still waits in the fair scheduler under the site's share.
        current.find().filter(caller -> !caller.isPlatformAdmin()).ifPresent(caller -> {
            UUID site = caller.siteId().orElseThrow();
            UUID key = caller.keyId().orElseThrow();
            limiter.admit(site, key);
            Method method = resource.getResourceMethod();
            if (method != null) {
                scoring.beforeBody(site, key, resource.getResourceClass().getName() + "#" + method.getName());
            }
        });
    }
}
