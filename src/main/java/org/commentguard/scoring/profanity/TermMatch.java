package org.commentguard.scoring.profanity;

/**
 * A lexicon term found in a comment, before spans are built.
 *
 * @param entry          the lexicon entry
 * @param canonicalBegin first canonical index of the match, widened to the word start
 * @param canonicalEnd   exclusive canonical end, widened to the end of the word
 * @param matchedLength  canonical chars the term itself covered (before widening), used to prefer the longest term
 * @param wildcards      masked chars ({@code *}) the match relied on
 */
public record TermMatch(LexiconEntry entry, int canonicalBegin, int canonicalEnd, int matchedLength, int wildcards) {}
