package org.commentguard.quota;

/** The quotas in force for one site and each of its keys, on one instance: defaults with the overrides laid over. */
public record QuotaLimits(
        double siteRequestsPerSecond,
        int siteBurst,
        int siteMaxConcurrent,
        double keyRequestsPerSecond,
        int keyBurst,
        int keyMaxConcurrent) {}
