package org.commentguard.policy;

import java.util.List;
import java.util.Map;

/**
 * The policy in force for one site: service-wide defaults merged with the site's overrides (see
 * {@link SitePolicies}). Immutable; {@code version} 0 means "defaults only".
 *
 * @param thresholds                per-attribute review/reject limits (off_topic is governed by
 *                                  {@code offTopicThreshold} and {@code offTopicAction} instead)
 * @param blockTerms                a match rejects the comment
 * @param reviewTerms               a match queues the comment
 * @param censorTerms               a match is masked in the stored display text
 * @param allowTerms                never flagged, whatever the scorers or other lists say
 * @param newAuthorApprovals        published comments after which an author is no longer "new"
 * @param trustedAfterApprovals     published comments (with no recent rejections) after which an author is trusted
 * @param languages                 ISO 639-1 codes of the languages the site's comments are in, main one first: a
 *                                  comment detection cannot confidently place elsewhere is scored in one of them
 */
public record SitePolicy(
        int version,
        Map<String, Thresholds> thresholds,
        List<String> blockTerms,
        List<String> reviewTerms,
        List<String> censorTerms,
        List<String> allowTerms,
        ModerationMode mode,
        int newAuthorApprovals,
        int trustedAfterApprovals,
        double offTopicThreshold,
        PolicyAction offTopicAction,
        PolicyAction unsupportedLanguageAction,
        FailureAction scorerFailureAction,
        List<String> languages) {

    public SitePolicy {
        thresholds = Map.copyOf(thresholds);
        blockTerms = List.copyOf(blockTerms);
        reviewTerms = List.copyOf(reviewTerms);
        censorTerms = List.copyOf(censorTerms);
        allowTerms = List.copyOf(allowTerms);
        languages = List.copyOf(languages);
    }

    /** The terms scorers should treat as profanity on this site (block, review and censor lists). */
    public List<String> scorerBlockTerms() {
        return java.util.stream.Stream.of(blockTerms, reviewTerms, censorTerms)
                .flatMap(List::stream)
                .distinct()
                .toList();
    }
}
