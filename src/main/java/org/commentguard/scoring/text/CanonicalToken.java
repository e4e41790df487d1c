package org.commentguard.scoring.text;

/**
 * One word of the canonical text, with its position both in canonical space and in the original comment.
 *
 * @param text           the canonical word (lower-case, folded, leet decoded, repeats capped at two)
 * @param canonicalBegin index of its first char in {@link NormalizedText#canonical()}
 * @param canonicalEnd   exclusive end in canonical space
 * @param begin          first UTF-16 index in the original text
 * @param end            exclusive end in the original text
 */
public record CanonicalToken(String text, int canonicalBegin, int canonicalEnd, int begin, int end) {}
