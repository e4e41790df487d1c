package org.commentguard.quota;

/**
 * A site's deviations from the quota defaults, as sent to {@code PUT /api/v1/sites/{id}/quota} by the platform
 * administrator. Every field is optional: {@code null} keeps the default.
 */
public record QuotaOverrides(
        Double siteRequestsPerSecond,
        Integer siteBurst,
        Integer siteMaxConcurrent,
        Double keyRequestsPerSecond,
        Integer keyBurst,
        Integer keyMaxConcurrent) {

    public static final QuotaOverrides NONE = new QuotaOverrides(null, null, null, null, null, null);
}
