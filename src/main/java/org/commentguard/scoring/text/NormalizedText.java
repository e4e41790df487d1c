package org.commentguard.scoring.text;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The canonical form of a comment plus, for every canonical char, the stretch of the ORIGINAL text it came from.
 *
 * <p>The canonical text is lower-case words separated by single spaces. Every canonical index {@code i} maps back
 * to {@code [originalBegin(i), originalEnd(i))}; a canonical range {@code [b, e)} maps to the original span
 * {@code [originalBegin(b), originalEnd(e - 1))}, see {@link #originalBegin(int, int)}. A separator space maps to the
 * gap between the two words it separates. Some positions carry an alternative reading (leet {@code 1} is
 * {@code i} or {@code l}), and masked letters ({@code f*ck}) are {@link #WILDCARD} positions.
 *
 * <p>Instances are immutable and safe to share between threads and scorers.
 */
public final class NormalizedText {

    /** Canonical char standing for a masked letter such as the {@code *} in {@code f*ck}. */
    public static final char WILDCARD = '*';

    private final String original;
    private final String canonical;
    private final int[] begins;
    private final int[] ends;
    private final char[] alternatives;
    private final int[] wordStarts;
    private final int[] wordEnds;
    private volatile List<CanonicalToken> tokens;

    NormalizedText(
            String original,
            String canonical,
            int[] begins,
            int[] ends,
            char[] alternatives,
            int[] wordStarts,
            int[] wordEnds) {
        this.original = original;
        this.canonical = canonical;
        this.begins = begins;
        this.ends = ends;
        this.alternatives = alternatives;
        this.wordStarts = wordStarts;
        this.wordEnds = wordEnds;
    }

    public String original() {
        return original;
    }

    public String canonical() {
        return canonical;
    }

    public int length() {
        return canonical.length();
    }

    public char charAt(int canonicalIndex) {
        return canonical.charAt(canonicalIndex);
    }

    /** The second reading of an ambiguous position (leet {@code 1} read as {@code l}), or {@code 0} if none. */
    public char alternative(int canonicalIndex) {
        return alternatives[java.util.Objects.checkIndex(canonicalIndex, canonical.length())];
    }

    public boolean isWildcard(int canonicalIndex) {
        return canonical.charAt(canonicalIndex) == WILDCARD;
    }

    /** First original UTF-16 index of the canonical char. */
    public int originalBegin(int canonicalIndex) {
        return begins[java.util.Objects.checkIndex(canonicalIndex, canonical.length())];
    }

    /** Exclusive original end of the canonical char. */
    public int originalEnd(int canonicalIndex) {
        return ends[java.util.Objects.checkIndex(canonicalIndex, canonical.length())];
    }

    /** Original begin of the canonical range {@code [canonicalBegin, canonicalEnd)}; an empty range at the end maps to the end. */
    public int originalBegin(int canonicalBegin, int canonicalEnd) {
        checkRange(canonicalBegin, canonicalEnd);
        return canonicalBegin < canonical.length() ? begins[canonicalBegin] : original.length();
    }

    /** Exclusive original end of the canonical range {@code [canonicalBegin, canonicalEnd)}. */
    public int originalEnd(int canonicalBegin, int canonicalEnd) {
        checkRange(canonicalBegin, canonicalEnd);
        return canonicalEnd > canonicalBegin ? ends[canonicalEnd - 1] : originalBegin(canonicalBegin, canonicalEnd);
    }

    private void checkRange(int canonicalBegin, int canonicalEnd) {
        if (canonicalBegin < 0 || canonicalEnd < canonicalBegin || canonicalEnd > canonical.length()) {
            throw new IndexOutOfBoundsException("canonical range [" + canonicalBegin + "," + canonicalEnd
                    + ") outside [0," + canonical.length() + ")");
        }
    }

    /** The original text covered by a canonical range. */
    public String originalText(int canonicalBegin, int canonicalEnd) {
        return original.substring(
                originalBegin(canonicalBegin, canonicalEnd), originalEnd(canonicalBegin, canonicalEnd));
    }

    public boolean isWordStart(int canonicalIndex) {
        return canonicalIndex == 0 || canonical.charAt(canonicalIndex - 1) == ' ';
    }

    public boolean isWordEnd(int canonicalEndExclusive) {
        return canonicalEndExclusive == canonical.length() || canonical.charAt(canonicalEndExclusive) == ' ';
    }

    public int wordCount() {
        return wordStarts.length;
    }

    /**
     * The canonical words with their original spans: the cheap word-level view other scorers and training use,
     * so that every feature of the service sees the same spelling of a word.
     */
    public List<CanonicalToken> tokens() {
        List<CanonicalToken> t = tokens;
        if (t == null) {
            List<CanonicalToken> built = new ArrayList<>(wordStarts.length);
            for (int w = 0; w < wordStarts.length; w++) {
                int b = wordStarts[w];
                int e = wordEnds[w];
                built.add(new CanonicalToken(canonical.substring(b, e), b, e, begins[b], ends[e - 1]));
            }
            t = Collections.unmodifiableList(built);
            tokens = t;
        }
        return t;
    }

    @Override
    public String toString() {
        return canonical;
    }
}
