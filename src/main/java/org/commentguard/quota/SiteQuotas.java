package org.commentguard.quota;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.commentguard.audit.Acting;
import org.commentguard.audit.AuditLog;
import org.commentguard.audit.AuditRecord;
import org.commentguard.platform.failure.Conflict;
import org.commentguard.platform.failure.Invalid;
import org.commentguard.platform.failure.Violation;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The one class that merges the quota defaults ({@link QuotaConfig}) with a site's stored overrides, and that
 * stores new overrides. Limits are read on every request, so each instance keeps them for
 * {@code override-refresh}; a change made through this instance applies at once, on the others within that time.
 */
@ApplicationScoped
public class SiteQuotas {

    /** Far above what one instance can serve; a typo of an extra zero should not silently switch quotas off. */
    static final double MAX_RATE = 100_000;

    static final int MAX_BURST = 1_000_000;
    static final int MAX_CONCURRENT = 10_000;

    private final QuotaLimits defaults;
    private final Clock clock;
    private final AuditLog audit;
    private final LoadingCache<UUID, QuotaLimits> limits;

    public SiteQuotas(QuotaConfig config, Clock clock, AuditLog audit) {
        this.clock = clock;
        this.audit = audit;
        this.defaults = new QuotaLimits(
                config.siteRequestsPerSecond(),
                config.siteBurst(),
                config.siteMaxConcurrent(),
                config.keyRequestsPerSecond(),
                config.keyBurst(),
                config.keyMaxConcurrent());
        this.limits = Caffeine.newBuilder()
                .maximumSize(100_000)
                .expireAfterWrite(config.overrideRefresh())
                .build(site -> merge(QuarkusTransaction.requiringNew()
                        .call(() ->
                                SiteQuota.ofSite(site).map(SiteQuota::overrides).orElse(QuotaOverrides.NONE))));
    }

    /** The stored overrides of a site with the limits they give. */
    public record StoredQuota(QuotaOverrides overrides, QuotaLimits effective) {}

    public QuotaLimits defaults() {
        return defaults;
    }

    /** The limits in force for a site now (cached per instance for {@code override-refresh}). */
    public QuotaLimits limits(UUID siteId) {
        return limits.get(siteId);
    }

    @Transactional
    public StoredQuota current(UUID siteId) {
        QuotaOverrides o = SiteQuota.ofSite(siteId).map(SiteQuota::overrides).orElse(QuotaOverrides.NONE);
        return new StoredQuota(o, merge(o));
    }

    /** Validates {@code overrides} (400 with violations), stores them in place of the previous ones and audits it. */
    @Transactional
    public StoredQuota replace(UUID siteId, QuotaOverrides overrides, Acting acting) {
        QuotaOverrides clean = validate(overrides == null ? QuotaOverrides.NONE : overrides);
        SiteQuota row = SiteQuota.<SiteQuota>findByIdOptional(siteId, LockModeType.PESSIMISTIC_WRITE)
                .orElseGet(() -> new SiteQuota(siteId));
        QuotaOverrides before = row.updatedAt == null ? QuotaOverrides.NONE : row.overrides();
        row.replace(clean, clock.instant(), acting.actor());
        try {
            row.persistAndFlush();
        } catch (RuntimeException e) {
            // Two first-time PUTs raced to insert the row; the row lock serialises every later one.
            if (org.commentguard.platform.db.Constraints.isUniqueViolation(e)) {
                throw new Conflict("quota_changed", "The quota was changed concurrently; read it and retry");
            }
            throw e;
        }
        audit.append(
                new AuditRecord(siteId, null, null, null, acting, "quota.updated", before, clean, null, null, null));
        limits.invalidate(siteId);
        return new StoredQuota(clean, merge(clean));
    }

    /** Defaults with {@code o} laid over them. The only place the two meet. */
    QuotaLimits merge(QuotaOverrides o) {
        return new QuotaLimits(
                or(o.siteRequestsPerSecond(), defaults.siteRequestsPerSecond()),
                or(o.siteBurst(), defaults.siteBurst()),
                or(o.siteMaxConcurrent(), defaults.siteMaxConcurrent()),
                or(o.keyRequestsPerSecond(), defaults.keyRequestsPerSecond()),
                or(o.keyBurst(), defaults.keyBurst()),
                or(o.keyMaxConcurrent(), defaults.keyMaxConcurrent()));
    }

    private static QuotaOverrides validate(QuotaOverrides o) {
        List<Violation> v = new ArrayList<>();
        rate(v, "siteRequestsPerSecond", o.siteRequestsPerSecond());
        range(v, "siteBurst", o.siteBurst(), MAX_BURST);
        range(v, "siteMaxConcurrent", o.siteMaxConcurrent(), MAX_CONCURRENT);
        rate(v, "keyRequestsPerSecond", o.keyRequestsPerSecond());
        range(v, "keyBurst", o.keyBurst(), MAX_BURST);
        range(v, "keyMaxConcurrent", o.keyMaxConcurrent(), MAX_CONCURRENT);
        if (!v.isEmpty()) {
            throw new Invalid(
                    String.join(
                            "; ",
                            v.stream().map(x -> x.field() + ": " + x.message()).toList()),
                    v);
        }
        return o;
    }

    private static void rate(List<Violation> v, String field, Double value) {
        if (value != null && (value.isNaN() || value < 0.01 || value > MAX_RATE)) {
            v.add(new Violation(field, "must be between 0.01 and " + (long) MAX_RATE));
        }
    }

    private static void range(List<Violation> v, String field, Integer value, int max) {
        if (value != null && (value < 1 || value > max)) {
            v.add(new Violation(field, "must be between 1 and " + max));
        }
    }

    private static <T> T or(T value, T fallback) {
        return Objects.requireNonNullElse(value, fallback);
    }
}
