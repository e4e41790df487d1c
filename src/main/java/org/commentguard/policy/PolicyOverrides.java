package org.commentguard.policy;

import java.util.List;
import java.util.Map;

/**
 * A site's deviations from the service defaults, as sent to {@code PUT /api/v1/sites/{id}/policy} and stored per
 * version. Every field is optional: {@code null} keeps the default. A threshold entry may set review, reject or both.
 */
public record PolicyOverrides(
        Map<String, ThresholdOverride> thresholds,
        List<String> blockTerms,
        List<String> reviewTerms,
        List<String> censorTerms,
        List<String> allowTerms,
        ModerationMode mode,
        Integer newAuthorApprovals,
        Integer trustedAfterApprovals,
        Double offTopicThreshold,
        PolicyAction offTopicAction,
        PolicyAction unsupportedLanguageAction,
        FailureAction scorerFailureAction,
        List<String> languages) {

    public static final PolicyOverrides NONE =
            new PolicyOverrides(null, null, null, null, null, null, null, null, null, null, null, null, null);

    /** A partial threshold: a {@code null} side keeps the default. */
    public record ThresholdOverride(Double review, Double reject) {}
}
