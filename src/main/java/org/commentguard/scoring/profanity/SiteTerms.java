package org.commentguard.scoring.profanity;

import org.commentguard.scoring.Span;
import org.commentguard.scoring.text.NormalizedText;
import org.commentguard.scoring.text.TextNormalizer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A site's block, review, censor and allow terms compiled into the lexicon's automaton ({@link TermMatcher}) over
 * the lexicon's normaliser, so that a site term is caught in every disguise a lexicon term is (case, accents,
 * homoglyphs, zero-width chars, leet, masks, separators, stretched letters, English endings), with spans on the
 * original text. A site term the lexicon also holds keeps the lexicon's reach ({@code anywhere} roots match inside
 * compounds, with the lexicon's severity) and its spellings, and the lexicon's allow list protects site terms as it
 * protects its own. Built and cached by
 * {@link ProfanityScorer#siteTerms}; immutable and thread-safe.
 */
public final class SiteTerms {

    /** The lists a found term can come from; a term may be on several. */
    public enum Kind {
        BLOCK,
        REVIEW,
        CENSOR;

        /** The span attribute of a match from this list. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Span attribute of an allow-term match. */
    public static final String ALLOW = "allow";

    private final TermMatcher matcher;
    private final TermMatcher lexiconAllows;
    private final Map<String, Set<Kind>> kinds;
    private final Set<String> allowedTerms;
    private final int weight;

    private SiteTerms(
            TermMatcher matcher,
            TermMatcher lexiconAllows,
            Map<String, Set<Kind>> kinds,
            Set<String> allowedTerms,
            int weight) {
        this.matcher = matcher;
        this.lexiconAllows = lexiconAllows;
        this.kinds = kinds;
        this.allowedTerms = allowedTerms;
        this.weight = weight;
    }

    /**
     * Compiles a site's lists. Block, review and censor terms may end in {@code |mild}, {@code |strong} or
     * {@code |slur} (default strong), the severity they score with as profanity, except that a term which is one
     * of the lexicon's {@code anywhere} roots scores as the lexicon says, as it always has; blank or unreadable
     * terms are skipped.
     *
     * @param lexicon       the shipped lexicon, whose {@code anywhere} flags site terms inherit
     * @param lexiconAllows the shipped allow list alone, which also protects site terms
     * @param variants      the lexicon's block entries by {@link #collapsed} term: a site term also takes on the
     *                      lexicon's own spellings of it ("fucck" and "fuuck" for "fuck"), which the automaton,
     *                      reading a doubled letter as a different word, would not reach from the term alone
     */
    static SiteTerms compile(
            TermMatcher lexicon,
            TermMatcher lexiconAllows,
            Map<String, List<LexiconEntry>> variants,
            List<String> block,
            List<String> review,
            List<String> censor,
            List<String> allow) {
        List<LexiconEntry> entries = new ArrayList<>();
        Map<String, Set<Kind>> kinds = new HashMap<>();
        int weight = 0;
        for (Kind kind : Kind.values()) {
            List<String> terms = switch (kind) {
                case BLOCK -> block;
                case REVIEW -> review;
                case CENSOR -> censor;
            };
            for (String raw : terms) {
                weight += raw.length();
                LexiconEntry e = blockEntry(lexicon, raw);
                if (e == null) {
                    continue;
                }
                entries.add(e);
                kinds.computeIfAbsent(e.term(), t -> EnumSet.noneOf(Kind.class)).add(kind);
                // Copied as they are, so that scoring, which sees the lexicon's entry too, is unchanged.
                for (LexiconEntry v : variants.getOrDefault(collapsed(e.term()), List.of())) {
                    entries.add(v);
                    kinds.computeIfAbsent(v.term(), t -> EnumSet.noneOf(Kind.class))
                            .add(kind);
                }
            }
        }
        Set<String> allowed = new HashSet<>();
        for (String raw : allow) {
            weight += raw.length();
            String canonical = TextNormalizer.canonical(raw);
            if (!canonical.isEmpty()) {
                entries.add(LexiconEntry.allowed(canonical));
                allowed.add(canonical);
            }
        }
        return new SiteTerms(
                TermMatcher.compile(entries), lexiconAllows, Map.copyOf(kinds), Set.copyOf(allowed), weight);
    }

    /** A term with every run of one letter written once ("fucck" and "fuuck" become "fuck"). */
    static String collapsed(String term) {
        StringBuilder sb = new StringBuilder(term.length());
        for (int i = 0; i < term.length(); i++) {
            char c = term.charAt(i);
            if (i == 0 || c != term.charAt(i - 1)) {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static LexiconEntry blockEntry(TermMatcher lexicon, String raw) {
        Severity severity = Severity.STRONG;
        String term = raw;
        int bar = raw.lastIndexOf('|');
        if (bar > 0) {
            String label = raw.substring(bar + 1).trim().toUpperCase(Locale.ROOT);
            for (Severity s : Severity.values()) {
                if (s.name().equals(label)) {
                    severity = s;
                    term = raw.substring(0, bar);
                }
            }
        }
        String canonical = TextNormalizer.canonical(term);
        if (canonical.isEmpty()) {
            return null;
        }
        LexiconEntry known = lexicon.entry(canonical);
        if (known != null && !known.allow() && known.anywhere()) {
            // The lexicon's own root, severity included: scoring already preferred it over the site's word entry.
            return known;
        }
        return LexiconEntry.block(canonical, severity, false);
    }

    /** The compiled automaton, which the profanity scorer runs beside the lexicon. */
    TermMatcher matcher() {
        return matcher;
    }

    /** Characters of the raw terms, the measure the cache is bounded by. */
    int weight() {
        return weight;
    }

    /** Finds the site's terms in a comment as received. */
    public SiteTermSpans find(String text) {
        if (matcher.size() == 0) {
            return SiteTermSpans.NONE;
        }
        return find(TextNormalizer.normalize(text));
    }

    /**
     * Finds the site's terms in a normalised comment. Unlike scoring, overlapping terms are all kept (a censor term
     * inside a longer block term is still masked); a match inside a word an allow term protects is dropped, as in
     * the lexicon.
     */
    public SiteTermSpans find(NormalizedText text) {
        if (matcher.size() == 0) {
            return SiteTermSpans.NONE;
        }
        TermMatcher.Candidates site = matcher.candidates(text);
        List<int[]> allows = new ArrayList<>(site.allows());
        if (!site.blocks().isEmpty()) {
            allows.addAll(lexiconAllows.candidates(text).allows());
        }
        Map<Kind, Set<Span>> found = new EnumMap<>(Kind.class);
        for (Kind k : Kind.values()) {
            found.put(k, new LinkedHashSet<>());
        }
        for (TermMatch m : site.blocks()) {
            if (TermMatcher.allowed(m, allows)) {
                continue;
            }
            int b = text.originalBegin(m.canonicalBegin(), m.canonicalEnd());
            int e = text.originalEnd(m.canonicalBegin(), m.canonicalEnd());
            for (Kind k : kinds.get(m.entry().term())) {
                found.get(k)
                        .add(new Span(
                                b,
                                e,
                                k.label(),
                                1.0,
                                text.original().substring(b, e),
                                m.entry().term(),
                                m.entry().severity().label()));
            }
        }
        Set<Span> allowSpans = new LinkedHashSet<>();
        for (int[] a : site.allows()) {
            int b = text.originalBegin(a[0], a[1]);
            int e = text.originalEnd(a[0], a[1]);
            allowSpans.add(new Span(b, e, ALLOW, 1.0, text.original().substring(b, e), null, null));
        }
        return new SiteTermSpans(
                sorted(found.get(Kind.BLOCK)),
                sorted(found.get(Kind.REVIEW)),
                sorted(found.get(Kind.CENSOR)),
                sorted(allowSpans),
                allowedTerms);
    }

    private static List<Span> sorted(Set<Span> spans) {
        List<Span> list = new ArrayList<>(spans);
        list.sort(Comparator.comparingInt(Span::begin).thenComparingInt(Span::end));
        return list;
    }
}
