package org.commentguard.scoring.profanity;

import java.util.Objects;

/**
 * One compiled lexicon line.
 *
 * @param term     the term in canonical space ({@link org.commentguard.scoring.text.TextNormalizer#canonical}),
 *                 words separated by single spaces
 * @param allow    {@code true} for allow-list entries, which suppress block matches inside them
 * @param severity severity of a block entry; {@code null} for allow entries
 * @param anywhere {@code true} if the term may match inside a longer word ("fuck" in "fuckface"); otherwise it
 *                 must start a word and end one, optionally followed by an inflection or compound suffix
 */
public record LexiconEntry(String term, boolean allow, Severity severity, boolean anywhere) {

    public LexiconEntry {
        Objects.requireNonNull(term, "term");
        if (term.isEmpty()) {
            throw new IllegalArgumentException("empty term");
        }
        if (!allow) {
            Objects.requireNonNull(severity, "severity");
        }
    }

    public static LexiconEntry block(String term, Severity severity, boolean anywhere) {
        return new LexiconEntry(term, false, severity, anywhere);
    }

    public static LexiconEntry allowed(String term) {
        return new LexiconEntry(term, true, null, false);
    }
}
