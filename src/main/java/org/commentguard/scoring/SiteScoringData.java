package org.commentguard.scoring;

import java.util.List;

/**
 * Per-site inputs to the otherwise stateless scorers: extra lexicon terms, the texts of the site's recent
 * comments (for duplicate detection) and the languages the site declares. Supplied by the caller so scorers never
 * touch the database.
 *
 * @param blockTerms  terms the site treats as profanity in addition to the shipped lexicon
 * @param allowTerms  terms that must never be flagged on this site
 * @param recentTexts recent comment texts of the same site, newest first, for near-duplicate detection
 * @param languages   ISO 639-1 codes of the languages the site's comments are written in, most common first (its
 *                    policy's {@code languages}); empty when unknown, which the language scorer reads as English
 */
public record SiteScoringData(
        List<String> blockTerms, List<String> allowTerms, List<String> recentTexts, List<String> languages) {

    public static final SiteScoringData NONE = new SiteScoringData(List.of(), List.of(), List.of(), List.of());

    public SiteScoringData {
        blockTerms = blockTerms == null ? List.of() : List.copyOf(blockTerms);
        allowTerms = allowTerms == null ? List.of() : List.copyOf(allowTerms);
        recentTexts = recentTexts == null ? List.of() : List.copyOf(recentTexts);
        languages = languages == null ? List.of() : List.copyOf(languages);
    }

    /** Site data without declared languages (tools and tests that score English). */
    public SiteScoringData(List<String> blockTerms, List<String> allowTerms, List<String> recentTexts) {
        this(blockTerms, allowTerms, recentTexts, List.of());
    }

    /** Only the site's languages: the stateless scoring endpoints, which apply no site word lists. */
    public static SiteScoringData languagesOnly(List<String> languages) {
        return new SiteScoringData(List.of(), List.of(), List.of(), languages);
    }
}
