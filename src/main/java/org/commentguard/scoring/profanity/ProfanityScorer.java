package org.commentguard.scoring.profanity;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.commentguard.scoring.Attributes;
import org.commentguard.scoring.Scorer;
import org.commentguard.scoring.ScoringContext;
import org.commentguard.scoring.Signal;
import org.commentguard.scoring.SiteScoringData;
import org.commentguard.scoring.Span;
import org.commentguard.scoring.model.ModelArtifact;
import org.commentguard.scoring.text.NormalizedText;
import org.commentguard.scoring.text.TextNormalizer;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Flags swearing, sexual vulgarity and slurs from a severity-tiered lexicon, including disguised spellings, and
 * explains each hit with a span in the original text.
 *
 * <p>Two attributes. {@code profanity} is the probability that the comment contains profanity: every match
 * contributes its tier's {@link Severity#presence()} (mild 0.75, strong 0.9, slur 0.95), so any confirmed term scores
 * above 0.5. {@code strong_profanity} says how bad it is: only strong terms (0.8) and slurs (0.95) contribute
 * ({@link Severity#strength()}). In both, matches combine as independent evidence,
 * {@code score = 1 - Π(1 - weight_i)}: two mild words give 0.94 profanity and 0 strong profanity, one strong word
 * 0.9 and 0.8; no match gives 0.0 for both. The tier of every match stays in its span and in the reasons.
 *
 * <p>Per-site terms come from {@link SiteScoringData}: {@code blockTerms} (optionally {@code term|mild},
 * {@code term|strong}, {@code term|slur}; default strong) and {@code allowTerms}. They are normalised like
 * comments and compiled into a second automaton ({@link SiteTerms}) once per distinct term list and cached, so
 * sites change terms without a rebuild; the site policy's word lists are found with the same compiled terms.
 */
@Singleton
public class ProfanityScorer implements Scorer {

    public static final String ID = "profanity";
    public static final String ATTRIBUTE = Attributes.PROFANITY;
    /** Severity as an attribute, so that a site can threshold on strong terms and slurs alone. */
    public static final String STRONG = Attributes.STRONG_PROFANITY;
    /** Directory under {@code models/} holding the shipped lexicon. */
    public static final String MODEL_DIR = "profanity";

    /**
     * Bounds on the compiled site lists kept: how many, and how many characters of raw terms over all of them (each
     * character costs an automaton node of about 150 bytes, so at most about 30 MB). A site's lists are usually
     * tens of terms, so hundreds of sites fit; the second bound stops a few huge lists (a policy allows 2,000 terms
     * of 100 chars per list) from holding memory.
     */
    static final int SITE_CACHE_ENTRIES = 512;

    static final int SITE_CACHE_CHARS = 200_000;

    private final TermMatcher lexicon;
    /** The lexicon's allow entries alone: they protect site terms too, at the cost of a small second scan. */
    private final TermMatcher lexiconAllows;
    /** The lexicon's block entries by collapsed term, the spellings a site term also takes on. */
    private final Map<String, List<LexiconEntry>> variants;

    private final String model;
    /**
     * Compiled site lists by their content, least recently used first. A policy change gives new lists and so a new
     * key; the old entry is no longer asked for and is the first to go once the bound is reached.
     */
    private final LinkedHashMap<ListsKey, SiteTerms> siteTerms = new LinkedHashMap<>(16, 0.75f, true);

    private int cachedChars;

    /** CDI path: the shipped lexicon, checksum-verified. */
    @Inject
    public ProfanityScorer() {
        this(ModelArtifact.load(MODEL_DIR));
    }

    public ProfanityScorer(ModelArtifact artifact) {
        this(ProfanityLexicon.parse(artifact.open()), artifact.id());
    }

    /** A scorer over any entries, e.g. a small lexicon built inline in a test. */
    public ProfanityScorer(List<LexiconEntry> entries, String model) {
        this.lexicon = TermMatcher.compile(entries);
        this.lexiconAllows =
                TermMatcher.compile(entries.stream().filter(LexiconEntry::allow).toList());
        this.variants = entries.stream()
                .filter(e -> !e.allow())
                .collect(Collectors.groupingBy(e -> SiteTerms.collapsed(e.term())));
        this.model = model;
    }

    /** The shipped lexicon, outside CDI (tools, benchmarks). */
    public static ProfanityScorer shipped() {
        return new ProfanityScorer(ModelArtifact.load(MODEL_DIR));
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<String> attributes() {
        return List.of(ATTRIBUTE, STRONG);
    }

    @Override
    public String model() {
        return model;
    }

    @Override
    public Signal score(ScoringContext context) {
        return score(TextNormalizer.normalize(context.text()), context.site());
    }

    /** Scores an already normalised comment, so a pipeline normalises once for every scorer. */
    public Signal score(NormalizedText text, SiteScoringData site) {
        List<TermMatch> matches = matches(text, site);
        List<Span> spans = new ArrayList<>(matches.size());
        Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
        double clean = 1.0;
        double mildOrClean = 1.0;
        for (TermMatch m : matches) {
            Severity s = m.entry().severity();
            int b = text.originalBegin(m.canonicalBegin(), m.canonicalEnd());
            int e = text.originalEnd(m.canonicalBegin(), m.canonicalEnd());
            spans.add(new Span(
                    b,
                    e,
                    ATTRIBUTE,
                    s.presence(),
                    text.original().substring(b, e),
                    m.entry().term(),
                    s.label()));
            counts.merge(s, 1, Integer::sum);
            clean *= 1.0 - s.presence();
            mildOrClean *= 1.0 - s.strength();
        }
        List<String> reasons = new ArrayList<>();
        Map<String, Object> details = new LinkedHashMap<>();
        for (Severity s : List.of(Severity.SLUR, Severity.STRONG, Severity.MILD)) {
            Integer n = counts.get(s);
            if (n != null) {
                reasons.add(ID + "." + s.label());
                details.put(s.label(), n);
            }
        }
        Map<String, Double> scores = new LinkedHashMap<>();
        scores.put(ATTRIBUTE, 1.0 - clean);
        scores.put(STRONG, 1.0 - mildOrClean);
        return new Signal(ID, model, scores, spans, reasons, details, null);
    }

    /** The surviving lexicon matches, shipped and per-site, ordered by position. */
    public List<TermMatch> matches(NormalizedText text, SiteScoringData site) {
        if (site == null || (site.blockTerms().isEmpty() && site.allowTerms().isEmpty())) {
            return lexicon.find(text);
        }
        SiteTerms terms = siteTerms(site.blockTerms(), List.of(), List.of(), site.allowTerms());
        return TermMatcher.find(text, List.of(lexicon, terms.matcher()));
    }

    /**
     * A site's word lists compiled into this lexicon's automaton, from the cache when the same lists were compiled
     * before. Compiling runs outside the lock, so a large list never holds up other comments.
     */
    public SiteTerms siteTerms(List<String> block, List<String> review, List<String> censor, List<String> allow) {
        List<List<String>> lists =
                List.of(List.copyOf(block), List.copyOf(review), List.copyOf(censor), List.copyOf(allow));
        ListsKey key = new ListsKey(lists, lists.hashCode());
        synchronized (siteTerms) {
            SiteTerms cached = siteTerms.get(key);
            if (cached != null) {
                return cached;
            }
        }
        SiteTerms compiled = SiteTerms.compile(
                lexicon, lexiconAllows, variants, lists.get(0), lists.get(1), lists.get(2), lists.get(3));
        synchronized (siteTerms) {
            SiteTerms raced = siteTerms.putIfAbsent(key, compiled);
            if (raced != null) {
                return raced;
            }
            cachedChars += compiled.weight();
            var eldest = siteTerms.entrySet().iterator();
            while (siteTerms.size() > 1 && (cachedChars > SITE_CACHE_CHARS || siteTerms.size() > SITE_CACHE_ENTRIES)) {
                cachedChars -= eldest.next().getValue().weight();
                eldest.remove();
            }
        }
        return compiled;
    }

    /** A cache key whose hash, a walk over every term, is computed once and outside the cache's lock. */
    private record ListsKey(List<List<String>> lists, int hash) {
        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof ListsKey k && k.hash == hash && k.lists.equals(lists);
        }
    }
}
