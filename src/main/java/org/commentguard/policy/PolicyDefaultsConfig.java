package org.commentguard.policy;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Service-wide policy defaults ({@code commentguard.policy.*}); each site may override any of them through
 * {@code PUT /api/v1/sites/{id}/policy}. {@link SitePolicies} merges the two and refuses to start on invalid
 * values.
 */
@ConfigMapping(prefix = "commentguard.policy")
public interface PolicyDefaultsConfig {

    /** Review/reject limits per attribute ({@code commentguard.policy.thresholds.toxicity.review=0.7}). */
    Map<String, ThresholdConfig> thresholds();

    @WithDefault("POST_MODERATION")
    ModerationMode mode();

    /** Published comments after which PRE_MODERATE_NEW_AUTHORS stops holding an author's comments. */
    @WithDefault("3")
    int newAuthorApprovals();

    /** Published comments without a recent rejection after which an author skips the queue. */
    @WithDefault("20")
    int trustedAfterApprovals();

    /** Off-topic score at or above which {@link #offTopicAction()} applies. */
    @WithDefault("0.85")
    double offTopicThreshold();

    @WithDefault("REVIEW")
    PolicyAction offTopicAction();

    @WithDefault("REVIEW")
    PolicyAction unsupportedLanguageAction();

    @WithDefault("FAIL_CLOSED")
    FailureAction scorerFailureAction();

    /**
     * Languages the sites' comments are written in, main one first (ISO 639-1). A comment is scored in one of them
     * unless language detection is confident it is in another.
     */
    @WithDefault("en")
    List<String> languages();

    Optional<List<String>> blockTerms();

    Optional<List<String>> reviewTerms();

    Optional<List<String>> censorTerms();

    Optional<List<String>> allowTerms();

    /** One attribute's limits. */
    interface ThresholdConfig {
        double review();

        double reject();
    }
}
