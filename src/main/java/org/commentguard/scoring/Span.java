package org.commentguard.scoring;

import java.util.Comparator;

/**
 * A flagged stretch of the ORIGINAL comment text: {@code begin} inclusive, {@code end} exclusive, in UTF-16
 * code units as Java strings and JavaScript count them.
 *
 * @param attribute the attribute it contributes to ({@code profanity}, {@code toxicity}, {@code spam} …)
 * @param score     how strongly this span alone expresses the attribute, in [0,1]
 * @param text      the surface text, {@code original.substring(begin, end)}
 * @param term      the canonical term that matched, or {@code null} for model-scored spans such as sentences
 * @param severity  lexicon severity ({@code mild}, {@code strong}, {@code slur}) or {@code null}
 */
public record Span(int begin, int end, String attribute, double score, String text, String term, String severity) {

    /** The order spans are reported in: by position, then attribute. */
    public static final Comparator<Span> ORDER =
            Comparator.comparingInt(Span::begin).thenComparingInt(Span::end).thenComparing(Span::attribute);

    public Span {
        if (begin < 0 || end < begin) {
            throw new IllegalArgumentException("invalid span [" + begin + "," + end + ")");
        }
    }
}
