package org.commentguard.quota;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ResourceInfo;
import org.commentguard.site.CurrentCaller;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.lang.reflect.Method;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

/**
 * Applies the request rate quotas to every request of a site key, right after authentication and before the body
 * is read, and refuses there too what {@link RefusedWork} says cannot fit yet. The platform administrator is not
 * limited (it creates sites and sets their quotas). A key that comes back before its {@code Retry-After} and is
 * refused again gets that refusal when its wait is over ({@link Tarpit}); the request is suspended meanwhile, so no
 * thread is held.
 */
public class RateLimitFilter {

    private final RateLimiter limiter;
    private final CurrentCaller current;
    private final RequestScoring scoring;
    private final Tarpit tarpit;
    private final Clock clock;

    public RateLimitFilter(
            RateLimiter limiter, CurrentCaller current, RequestScoring scoring, Tarpit tarpit, Clock clock) {
        this.limiter = limiter;
        this.current = current;
        this.scoring = scoring;
        this.tarpit = tarpit;
        this.clock = clock;
    }

    /** First of all filters: scoring deadlines count from here. */
    @ServerRequestFilter(preMatching = true, priority = Integer.MIN_VALUE)
    public void arrived() {
        scoring.arrived();
    }

    @ServerRequestFilter(priority = Priorities.AUTHORIZATION)
    public Uni<Void> limit(ResourceInfo resource) {
        // Endpoints that authenticate without an API key (Coral's signed phase, the public discovery document) have
        // no key to count here; their scoring still waits in the fair scheduler under the site's share.
        var caller = current.find().filter(c -> !c.isPlatformAdmin());
        if (caller.isEmpty()) {
            return null;
        }
        UUID site = caller.get().siteId().orElseThrow();
        UUID key = caller.get().keyId().orElseThrow();
        try {
            limiter.admit(site, key);
        } catch (AdmissionRefusedException refused) {
            Duration hold = tarpit.refused(key, clock.instant(), refused.retryAfterSeconds());
            if (hold.isZero()) {
                throw refused;
            }
            return Uni.createFrom()
                    .voidItem()
                    .onItem()
                    .delayIt()
                    .by(hold)
                    .onItem()
                    .failWith(() -> refused);
        }
        Method method = resource.getResourceMethod();
        if (method != null) {
            scoring.beforeBody(site, key, resource.getResourceClass().getName() + "#" + method.getName());
        }
        return null;
    }
}
