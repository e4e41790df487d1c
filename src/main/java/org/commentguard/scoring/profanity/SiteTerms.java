package org.commentguard.scoring.profanity;

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

import org.commentguard.scoring.Span;
import org.commentguard.scoring.text.NormalizedText;
import org.commentguard.scoring.text.TextNormalizer;

/**
 * A site's block, review, censor and allow terms compiled into the lexicon's automaton ({@link TermMatcher}) over
 * the lexicon's normaliser, so that a site term is caught in every disguise a lexicon term is (case, accents,
 * homoglyphs, zero-width chars, leet, masks, separators, stretched letters, English endings), with spans on the
 * original text. A site term the lexicon also holds keeps the lexicon's reach ({@code anywhere} roots match inside
 * compounds), and the lexicon's allow list protects site terms as it protects its own. Built and cached by
 * {@link ProfanityScorer#siteTerms}; immutable and thread-safe.
 */
public final class SiteTerms {

    /** The lists a found term can come from; a term may be on several. */
    public enum Kind {
        BLOCK, REVIEW, CENSOR;

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

    private SiteTerms(TermMatcher matcher, TermMatcher lexiconAllows, Map<String, Set<Kind>> kinds,
                      Set<String> allowedTerms, int weight) {
        this.matcher = matcher;
        this.lexiconAllows = lexiconAllows;
        this.kinds = kinds;
        this.allowedTerms = allowedTerms;
        this.weight = weight;
    }

    /**
     * Compiles a site's lists. Block, review and censor terms may end in {@code |mild}, {@code |strong} or
     * {@code |slur} (default strong), the severity they score with as profanity; blank or unreadable terms are
     * skipped.
     *
     * @param lexicon       the shipped lexicon, whose {@code anywhere} flags site terms inherit
     * @param lexiconAllows the shipped allow list alone, which also protects site terms
     */
    static SiteTerms compile(TermMatcher lexicon, TermMatcher lexiconAllows, List<String> block,
                             List<String> review, List<String> censor, List<String> allow) {
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
                if (e != null) {
                    entries.add(e);
                    kinds.computeIfAbsent(e.term(), t -> EnumSet.noneOf(Kind.class)).add(kind);
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
        return new SiteTerms(TermMatcher.compile(entries), lexiconAllows, Map.copyOf(kinds), Set.copyOf(allowed),
                weight);
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
        return LexiconEntry.block(canonical, severity, known != null && !known.allow() && known.anywhere());
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
                found.get(k).add(new Span(b, e, k.label(), 1.0, text.original().substring(b, e), m.entry().term(),
                        m.entry().severity().label()));
            }
        }
        Set<Span> allowSpans = new LinkedHashSet<>();
        for (int[] a : site.allows()) {
            int b = text.originalBegin(a[0], a[1]);
            int e = text.originalEnd(a[0], a[1]);
            allowSpans.add(new Span(b, e, ALLOW, 1.0, text.original().substring(b, e), null, null));
        }
        return new SiteTermSpans(sorted(found.get(Kind.BLOCK)), sorted(found.get(Kind.REVIEW)),
                sorted(found.get(Kind.CENSOR)), sorted(allowSpans), allowedTerms);
    }

    private static List<Span> sorted(Set<Span> spans) {
        List<Span> list = new ArrayList<>(spans);
        list.sort(Comparator.comparingInt(Span::begin).thenComparingInt(Span::end));
        return list;
    }
}
