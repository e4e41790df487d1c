package org.commentguard.scoring;

import java.util.List;

/**
 * Per-site inputs to the otherwise stateless scorers: extra lexicon terms and the texts of the site's recent
 * comments (for duplicate detection). Supplied by the caller so scorers never touch the database.
 *
 * @param blockTerms  terms the site treats as profanity in addition to the shipped lexicon
 * @param allowTerms  terms that must never be flagged on this site
 * @param recentTexts recent comment texts of the same site, newest first, for near-duplicate detection
 */
public record SiteScoringData(List<String> blockTerms, List<String> allowTerms, List<String> recentTexts) {

    public static final SiteScoringData NONE = new SiteScoringData(List.of(), List.of(), List.of());

    public SiteScoringData {
        blockTerms = blockTerms == null ? List.of() : List.copyOf(blockTerms);
        allowTerms = allowTerms == null ? List.of() : List.copyOf(allowTerms);
        recentTexts = recentTexts == null ? List.of() : List.copyOf(recentTexts);
    }
}
