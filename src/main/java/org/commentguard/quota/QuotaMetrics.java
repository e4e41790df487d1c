package org.commentguard.quota;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code commentguard_quota_refusals_total{site, reason}}: refused requests per site id and stable code. Tagged by
 * site id only, never by key: a key's secret must not reach a metric, and its id adds nothing an operator needs.
 */
@ApplicationScoped
public class QuotaMetrics {

    private final MeterRegistry meters;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    public QuotaMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    void refused(UUID site, String reason) {
        counters.computeIfAbsent(
                        site + "/" + reason,
                        k -> Counter.builder("commentguard.quota.refusals")
                                .description("Requests refused by quotas or load shedding")
                                .tag("site", site.toString())
                                .tag("reason", reason)
                                .register(meters))
                .increment();
    }

    MeterRegistry registry() {
        return meters;
    }
}
