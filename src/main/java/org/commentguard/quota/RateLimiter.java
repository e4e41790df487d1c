package org.commentguard.quota;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Requests per second per key and per site, one token bucket each, counted on this instance. A request must get a
 * token from its key's bucket and from its site's; a token taken from the key is given back when the site refuses.
 */
@ApplicationScoped
public class RateLimiter {

    private final SiteQuotas quotas;
    private final QuotaMetrics metrics;
    private final Clock clock;
    // One bucket per key and site that called this instance: a few hundred bytes each, bounded by the keys issued.
    private final Map<UUID, TokenBucket> keys = new ConcurrentHashMap<>();
    private final Map<UUID, TokenBucket> sites = new ConcurrentHashMap<>();

    public RateLimiter(SiteQuotas quotas, QuotaMetrics metrics, Clock clock) {
        this.quotas = quotas;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Takes one request from the key's and the site's allowance, or throws {@code 429 rate_limited}. */
    public void admit(UUID site, UUID key) {
        QuotaLimits limits = quotas.limits(site);
        Instant now = clock.instant();
        TokenBucket keyBucket = keys.computeIfAbsent(key, k -> new TokenBucket());
        Duration wait = keyBucket.take(limits.keyRequestsPerSecond(), limits.keyBurst(), now);
        if (!wait.isZero()) {
            metrics.refused(site, AdmissionRefusedException.RATE_LIMITED);
            throw AdmissionRefusedException.rateLimited("key", limits.keyRequestsPerSecond(), wait);
        }
        wait = sites.computeIfAbsent(site, k -> new TokenBucket())
                .take(limits.siteRequestsPerSecond(), limits.siteBurst(), now);
        if (!wait.isZero()) {
            keyBucket.giveBack(limits.keyBurst());
            metrics.refused(site, AdmissionRefusedException.RATE_LIMITED);
            throw AdmissionRefusedException.rateLimited("site", limits.siteRequestsPerSecond(), wait);
        }
    }
}
