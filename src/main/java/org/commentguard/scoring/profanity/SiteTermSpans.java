package org.commentguard.scoring.profanity;

import org.commentguard.scoring.Span;

import java.util.List;
import java.util.Set;

/**
 * Where a site's word-list terms occur in one comment (see {@link SiteTerms#find}), as spans on the original text
 * whose {@code term} is the canonical site term and whose {@code attribute} names the list.
 *
 * @param block        block-list terms, outside every allowed word
 * @param review       review-list terms, outside every allowed word
 * @param censor       censor-list terms, outside every allowed word
 * @param allow        the site's allow terms, each widened to its whole word
 * @param allowedTerms the canonical form of every allow term, so that a scorer's span of an allowed term is
 *                     recognised however it was spelt
 */
public record SiteTermSpans(
        List<Span> block, List<Span> review, List<Span> censor, List<Span> allow, Set<String> allowedTerms) {

    /** A comment in which no site term occurs. */
    public static final SiteTermSpans NONE = new SiteTermSpans(List.of(), List.of(), List.of(), List.of(), Set.of());

    public SiteTermSpans {
        block = List.copyOf(block);
        review = List.copyOf(review);
        censor = List.copyOf(censor);
        allow = List.copyOf(allow);
        allowedTerms = Set.copyOf(allowedTerms);
    }

    /** Whether an allow term covers a span: the span overlaps an allowed word, or it is a match of an allowed term. */
    public boolean allows(Span span) {
        if (span.term() != null && allowedTerms.contains(span.term())) {
            return true;
        }
        for (Span a : allow) {
            if (a.begin() < span.end() && span.begin() < a.end()) {
                return true;
            }
        }
        return false;
    }
}
