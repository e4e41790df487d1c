package org.commentguard.policy;

import org.commentguard.scoring.Span;
import org.commentguard.scoring.profanity.ProfanityScorer;
import org.commentguard.scoring.profanity.SiteTermSpans;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a site policy's own rules look for in one comment, found before the verdict so that {@link VerdictPolicy}
 * reads spans and scores only: the site's word-list terms, found by the profanity lexicon's automaton and
 * normaliser, and, for a site that pre-moderates links, the links.
 *
 * @param terms the site's block, review, censor and allow terms in the comment
 * @param links links in the comment (attribute {@code link}); looked for only under
 *              {@link ModerationMode#PRE_MODERATE_LINKS}, the one rule that reads them
 */
public record PolicySpans(SiteTermSpans terms, List<Span> links) {

    /** Span attribute of a link. */
    public static final String LINK_ATTRIBUTE = "link";

    private static final Pattern LINK = Pattern.compile(
            "(?i)\\b(?:https?://|www\\.)\\S+|\\b[a-z0-9-]+(?:\\.[a-z0-9-]+)*\\.(?:com|net|org|info|biz|io|ru|cn"
                    + "|xyz|top|co|uk|de|us|ly|me|site|online|click)\\b(?:/\\S*)?");

    public PolicySpans {
        links = List.copyOf(links);
    }

    /**
     * Finds a policy's terms and links in a comment as received. The site's lists are compiled once and cached by
     * the profanity scorer, so this costs one normalisation and one scan of a small automaton.
     */
    public static PolicySpans of(String text, SitePolicy policy, ProfanityScorer profanity) {
        SiteTermSpans terms = profanity
                .siteTerms(policy.blockTerms(), policy.reviewTerms(), policy.censorTerms(), policy.allowTerms())
                .find(text);
        List<Span> links = new ArrayList<>();
        if (policy.mode() == ModerationMode.PRE_MODERATE_LINKS) {
            Matcher m = LINK.matcher(text);
            while (m.find()) {
                links.add(new Span(m.start(), m.end(), LINK_ATTRIBUTE, 1.0, m.group(), null, null));
            }
        }
        return new PolicySpans(terms, links);
    }
}
