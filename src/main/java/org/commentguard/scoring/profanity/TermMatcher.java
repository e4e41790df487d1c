package org.commentguard.scoring.profanity;

import org.commentguard.scoring.text.NormalizedText;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds lexicon terms in {@link NormalizedText} with one pass of a trie automaton over the canonical chars.
 *
 * <p>The automaton is run as a small NFA rather than classic Aho–Corasick because three disguises need more than
 * one live state at a position: an ambiguous leet char follows both of its readings, a repeated letter may either
 * stay in the current state or advance ({@code fuuuck}, {@code asss}), and a wildcard ({@code f*ck}) follows every
 * child. A new thread starts at every letter, so terms inside words are found without failure links; the set of
 * live threads stays tiny because the trie thins out after two or three chars.
 *
 * <p>Block matches are then filtered: "word" terms must start a word and end it, optionally followed by one of
 * {@link #SUFFIXES}; matches that use wildcards must cover a whole word and keep at least two real letters; any
 * block match inside an allow-list match is dropped; overlapping matches keep the longest. Immutable and
 * thread-safe.
 */
public final class TermMatcher {

    /** Inflections and compound tails that still count as the term ("fuckers", "knobhead", "cuntface"). */
    static final String[] SUFFIXES = {
        "s", "es", "ed", "d", "er", "ers", "ing", "in", "y", "ies", "a", "z", "head", "heads", "face", "faces", "wad",
        "wads", "bag", "bags"
    };

    /** Terms shorter than this match only as whole words, without suffixes: "cum" must not match "cumin". */
    static final int MIN_LENGTH_FOR_SUFFIX = 4;

    /** Bounds the live threads so a pathological input ("f*********") cannot blow up; extra threads are dropped. */
    private static final int MAX_THREADS = 64;

    private static final int SLOTS = 37;

    private final LexiconEntry[] entries;
    private final int[] next;
    private final Map<Long, Integer> extra;
    private final char[] nodeChar;
    private final int[][] children;
    private final int[] terminal;
    /** Whether a node lies on the path to an "anywhere" term: only such paths are followed from inside a word. */
    private final boolean[] inWord;

    private TermMatcher(
            LexiconEntry[] entries,
            int[] next,
            Map<Long, Integer> extra,
            char[] nodeChar,
            int[][] children,
            int[] terminal,
            boolean[] inWord) {
        this.entries = entries;
        this.next = next;
        this.extra = extra;
        this.nodeChar = nodeChar;
        this.children = children;
        this.terminal = terminal;
        this.inWord = inWord;
    }

    /**
     * Compiles entries into an automaton. Duplicate terms are merged: allow wins over block, then the higher
     * severity, then "anywhere" over "word".
     */
    public static TermMatcher compile(List<LexiconEntry> input) {
        Map<String, LexiconEntry> merged = new LinkedHashMap<>();
        for (LexiconEntry e : input) {
            merged.merge(e.term(), e, TermMatcher::stronger);
        }
        LexiconEntry[] entries = merged.values().toArray(new LexiconEntry[0]);
        int maxNodes = 1;
        for (LexiconEntry e : entries) {
            maxNodes += e.term().length();
        }
        int[] next = new int[maxNodes * SLOTS];
        Map<Long, Integer> extra = new HashMap<>();
        char[] nodeChar = new char[maxNodes];
        int[] terminal = new int[maxNodes];
        Arrays.fill(terminal, -1);
        List<List<Integer>> kids = new ArrayList<>();
        kids.add(new ArrayList<>());
        int nodes = 1;
        for (int i = 0; i < entries.length; i++) {
            String term = entries[i].term();
            int node = 0;
            for (int k = 0; k < term.length(); k++) {
                char c = term.charAt(k);
                int child = child(next, extra, node, c);
                if (child == 0) {
                    child = nodes++;
                    nodeChar[child] = c;
                    kids.add(new ArrayList<>());
                    kids.get(node).add(child);
                    int slot = slot(c);
                    if (slot >= 0) {
                        next[node * SLOTS + slot] = child;
                    } else {
                        extra.put(key(node, c), child);
                    }
                }
                node = child;
            }
            terminal[node] = i;
        }
        boolean[] inWord = new boolean[nodes];
        for (LexiconEntry e : entries) {
            if (e.anywhere()) {
                int node = 0;
                for (int k = 0; k < e.term().length(); k++) {
                    node = child(next, extra, node, e.term().charAt(k));
                    inWord[node] = true;
                }
            }
        }
        int[][] children = new int[nodes][];
        for (int n = 0; n < nodes; n++) {
            children[n] = kids.get(n).stream().mapToInt(Integer::intValue).toArray();
        }
        return new TermMatcher(
                entries,
                Arrays.copyOf(next, nodes * SLOTS),
                Map.copyOf(extra),
                Arrays.copyOf(nodeChar, nodes),
                children,
                Arrays.copyOf(terminal, nodes),
                inWord);
    }

    private static LexiconEntry stronger(LexiconEntry a, LexiconEntry b) {
        if (a.allow() != b.allow()) {
            return a.allow() ? a : b;
        }
        if (a.allow()) {
            return a;
        }
        if (a.severity() != b.severity()) {
            return a.severity().compareTo(b.severity()) >= 0 ? a : b;
        }
        return a.anywhere() ? a : b;
    }

    public int size() {
        return entries.length;
    }

    /** The entry compiled for a canonical term, or {@code null} when the automaton has none. */
    LexiconEntry entry(String term) {
        int node = 0;
        for (int k = 0; k < term.length(); k++) {
            node = child(node, term.charAt(k));
            if (node == 0) {
                return null;
            }
        }
        int e = terminal[node];
        return e < 0 ? null : entries[e];
    }

    private static int slot(char c) {
        if (c >= 'a' && c <= 'z') {
            return c - 'a';
        }
        if (c == ' ') {
            return 26;
        }
        if (c >= '0' && c <= '9') {
            return 27 + c - '0';
        }
        return -1;
    }

    private static long key(int node, char c) {
        return ((long) node << 16) | c;
    }

    private static int child(int[] next, Map<Long, Integer> extra, int node, char c) {
        int slot = slot(c);
        if (slot >= 0) {
            return next[node * SLOTS + slot];
        }
        Integer n = extra.get(key(node, c));
        return n == null ? 0 : n;
    }

    private int child(int node, char c) {
        return child(next, extra, node, c);
    }

    /**
     * Raw hits of every entry (block and allow), before boundary rules: {entry, start inclusive, end exclusive,
     * masked chars, letters written twice that the term has once}.
     */
    List<int[]> scan(NormalizedText text) {
        List<int[]> hits = new ArrayList<>();
        int n = text.length();
        int[] curNode = new int[MAX_THREADS];
        int[] curStart = new int[MAX_THREADS];
        int[] curWild = new int[MAX_THREADS];
        int[] curDouble = new int[MAX_THREADS];
        int cur = 0;
        int[] nxtNode = new int[MAX_THREADS];
        int[] nxtStart = new int[MAX_THREADS];
        int[] nxtWild = new int[MAX_THREADS];
        int[] nxtDouble = new int[MAX_THREADS];
        String canonical = text.canonical();
        for (int p = 0; p < n; p++) {
            char c = canonical.charAt(p);
            char alt = text.alternative(p);
            boolean wild = c == NormalizedText.WILDCARD;
            boolean repeat = p > 0 && c != ' ' && !wild && canonical.charAt(p - 1) == c;
            // A letter written twice is usually how the word is spelt ("cook", "sloppy", "whoops"); a letter
            // written three or more times (capped at two in the canonical text) is a stretched disguise.
            int doubled = repeat && !stretched(text, p) ? 1 : 0;
            int nxt = 0;
            for (int t = 0; t < cur; t++) {
                int node = curNode[t];
                int start = curStart[t];
                int w = curWild[t];
                int d = curDouble[t];
                if (wild) {
                    for (int ch : children[node]) {
                        if (nodeChar[ch] != ' ') {
                            nxt = add(nxtNode, nxtStart, nxtWild, nxtDouble, nxt, ch, start, w + 1, d);
                        }
                    }
                    continue;
                }
                boolean midWord = start > 0 && canonical.charAt(start - 1) != ' ';
                int x = child(node, c);
                if (x != 0 && (!midWord || inWord[x])) {
                    nxt = add(nxtNode, nxtStart, nxtWild, nxtDouble, nxt, x, start, w, d);
                }
                if (alt != 0) {
                    x = child(node, alt);
                    if (x != 0 && (!midWord || inWord[x])) {
                        nxt = add(nxtNode, nxtStart, nxtWild, nxtDouble, nxt, x, start, w, d);
                    }
                }
                // A letter repeated in the text may be an extra copy of the one just consumed ("fuuuck", "asss").
                if (repeat && (nodeChar[node] == c || (alt != 0 && nodeChar[node] == alt))) {
                    nxt = add(nxtNode, nxtStart, nxtWild, nxtDouble, nxt, node, start, w, d + doubled);
                }
            }
            if (!wild && c != ' ') {
                // Most terms must start a word; inside a word only paths towards "anywhere" terms are worth
                // following, which keeps the number of live threads near one per position.
                boolean wordStart = p == 0 || canonical.charAt(p - 1) == ' ';
                int x = child(0, c);
                if (x != 0 && (wordStart || inWord[x])) {
                    nxt = add(nxtNode, nxtStart, nxtWild, nxtDouble, nxt, x, p, 0, 0);
                }
                if (alt != 0) {
                    x = child(0, alt);
                    if (x != 0 && (wordStart || inWord[x])) {
                        nxt = add(nxtNode, nxtStart, nxtWild, nxtDouble, nxt, x, p, 0, 0);
                    }
                }
            }
            for (int t = 0; t < nxt; t++) {
                int e = terminal[nxtNode[t]];
                if (e >= 0) {
                    hits.add(new int[] {e, nxtStart[t], p + 1, nxtWild[t], nxtDouble[t]});
                }
            }
            int[] tmp = curNode;
            curNode = nxtNode;
            nxtNode = tmp;
            tmp = curStart;
            curStart = nxtStart;
            nxtStart = tmp;
            tmp = curWild;
            curWild = nxtWild;
            nxtWild = tmp;
            tmp = curDouble;
            curDouble = nxtDouble;
            nxtDouble = tmp;
            cur = nxt;
        }
        return hits;
    }

    /** Whether the canonical char at {@code p} stands for two or more chars of the original ("uuu" capped to "u"). */
    private static boolean stretched(NormalizedText text, int p) {
        int b = text.originalBegin(p);
        int e = text.originalEnd(p);
        return e - b > 1 && text.original().codePointCount(b, e) > 1;
    }

    private static boolean anyStretched(NormalizedText text, int start, int end) {
        for (int p = start + 1; p < end; p++) {
            if (text.charAt(p) == text.charAt(p - 1) && stretched(text, p)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Adds a thread unless the same (state, start) is live, keeping the fewest masks and doubled letters; threads
     * past {@link #MAX_THREADS} are dropped.
     */
    private static int add(int[] node, int[] start, int[] wild, int[] doubled, int size, int n, int s, int w, int d) {
        for (int i = 0; i < size; i++) {
            if (node[i] == n && start[i] == s) {
                wild[i] = Math.min(wild[i], w);
                doubled[i] = Math.min(doubled[i], d);
                return size;
            }
        }
        if (size == node.length) {
            return size;
        }
        node[size] = n;
        start[size] = s;
        wild[size] = w;
        doubled[size] = d;
        return size + 1;
    }

    /**
     * Block matches that survive the boundary, wildcard, allow-list and overlap rules, ordered by position.
     * Each match is widened to whole words, so a span covers "fuckers" rather than "fucker".
     */
    public List<TermMatch> find(NormalizedText text) {
        return find(text, List.of(this));
    }

    /**
     * Matches with several automata at once (the shipped lexicon plus a site's terms) so that an allow term of
     * one suppresses block terms of the other, and overlaps are resolved across both.
     */
    public static List<TermMatch> find(NormalizedText text, List<TermMatcher> matchers) {
        List<TermMatch> blocks = new ArrayList<>();
        List<int[]> allows = new ArrayList<>();
        for (TermMatcher m : matchers) {
            Candidates c = m.candidates(text);
            blocks.addAll(c.blocks());
            allows.addAll(c.allows());
        }
        return resolve(blocks, allows);
    }

    /**
     * What one automaton finds before allow terms and overlaps are applied: block matches that pass the boundary
     * and wildcard rules, widened to whole words, and the canonical [begin, end) word ranges its allow terms
     * protect.
     */
    record Candidates(List<TermMatch> blocks, List<int[]> allows) {}

    Candidates candidates(NormalizedText text) {
        List<TermMatch> blocks = new ArrayList<>();
        List<int[]> allows = new ArrayList<>();
        collect(text, this, scan(text), blocks, allows);
        return new Candidates(blocks, allows);
    }

    /** Whether an allowed word range holds the whole match. */
    static boolean allowed(TermMatch m, List<int[]> allows) {
        for (int[] a : allows) {
            if (m.canonicalBegin() >= a[0] && m.canonicalEnd() <= a[1]) {
                return true;
            }
        }
        return false;
    }

    private static List<TermMatch> resolve(List<TermMatch> blocks, List<int[]> allows) {
        if (blocks.isEmpty()) {
            return List.of();
        }
        List<TermMatch> kept = new ArrayList<>();
        // Prefer the widest evidence, then the term that explains most of it without guessing masked letters; a
        // core "anywhere" root ("fuck") beats a rare list spelling ("feck", "fuuck") for the same chars.
        blocks.sort(Comparator.comparingInt((TermMatch m) -> m.canonicalEnd() - m.canonicalBegin())
                .reversed()
                .thenComparingInt(TermMatch::wildcards)
                .thenComparing(Comparator.comparingInt(TermMatch::matchedLength).reversed())
                .thenComparing(m -> !m.entry().anywhere())
                .thenComparingInt(m -> m.entry().term().length())
                .thenComparing(m -> m.entry().severity(), Comparator.reverseOrder())
                .thenComparingInt(TermMatch::canonicalBegin));
        outer:
        for (TermMatch m : blocks) {
            if (allowed(m, allows)) {
                continue;
            }
            for (TermMatch k : kept) {
                if (m.canonicalBegin() < k.canonicalEnd() && k.canonicalBegin() < m.canonicalEnd()) {
                    continue outer;
                }
            }
            kept.add(m);
        }
        kept.sort(Comparator.comparingInt(TermMatch::canonicalBegin));
        return kept;
    }

    private static void collect(
            NormalizedText text, TermMatcher m, List<int[]> hits, List<TermMatch> blocks, List<int[]> allows) {
        for (int[] h : hits) {
            LexiconEntry e = m.entries[h[0]];
            int start = h[1];
            int end = h[2];
            int wild = h[3];
            int doubled = h[4];
            int wordBegin = wordBegin(text, start);
            int wordEnd = wordEnd(text, end);
            boolean atStart = wordBegin == start;
            boolean exactEnd = wordEnd == end;
            if (e.allow()) {
                // An allowed word protects its whole word ("shitakes", "cocktails"), but only as it is spelt: a
                // stretched letter is a disguise, so "shiiitey" is not the allowed "Shiite" plus "y".
                if (atStart
                        && (exactEnd || suffixOk(text, e, end, wordEnd))
                        && doubled == 0
                        && !anyStretched(text, start, end)) {
                    allows.add(new int[] {wordBegin, wordEnd});
                }
                continue;
            }
            // An ordinary word whose double letter the term has once ("cook" / cok, "Shiite" / shite) is not a
            // disguise; only the "anywhere" roots, which no English word contains, accept it ("fuuck", "biitch").
            // A term that runs through an apostrophe into a contraction ("he'll" / hell, "who're" / whore) is two
            // words, not one.
            if ((doubled > 0 && !e.anywhere()) || intoContraction(text, start, end, wordEnd)) {
                continue;
            }
            if (wild > 0) {
                int real = end - start - wild;
                if (!atStart || !(exactEnd || suffixOk(text, e, end, wordEnd)) || real < 2 || real < wild) {
                    continue;
                }
            } else if (!e.anywhere() && !(atStart && (exactEnd || suffixOk(text, e, end, wordEnd)))) {
                continue;
            }
            blocks.add(new TermMatch(e, wordBegin, wordEnd, end - start, wild));
        }
    }

    /** English contraction endings after an apostrophe: he'll, who're, we've, she'd, it's, I'm, don't. */
    private static final List<String> CONTRACTIONS = List.of("ll", "re", "ve", "d", "s", "m", "t");

    /**
     * Whether the original text has an apostrophe inside the match {@code [start, end)} and the rest of the word
     * after it is a contraction ending, as in "he'll" read as "hell".
     */
    private static boolean intoContraction(NormalizedText text, int start, int end, int wordEnd) {
        String o = text.original();
        String c = text.canonical();
        for (int k = start + 1; k < end; k++) {
            int gapEnd = text.originalBegin(k);
            for (int i = text.originalEnd(k - 1); i < gapEnd; i++) {
                char a = o.charAt(i);
                if ((a == '\'' || a == '’' || a == '‘' || a == '`') && CONTRACTIONS.contains(c.substring(k, wordEnd))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean suffixOk(NormalizedText text, LexiconEntry e, int end, int wordEnd) {
        if (e.term().length() < MIN_LENGTH_FOR_SUFFIX) {
            return false;
        }
        String c = text.canonical();
        int len = wordEnd - end;
        // A doubled last letter before a suffix is English spelling of another word ("shat" -> "shatters",
        // "whop" -> "whoppers"), not a disguise of the term.
        String term = e.term();
        if (end >= 2
                && c.charAt(end - 1) == c.charAt(end - 2)
                && term.length() >= 2
                && term.charAt(term.length() - 1) != term.charAt(term.length() - 2)) {
            return false;
        }
        // "asses" + "s" is "assess": an "s" suffix never follows a term that already ends in "s".
        if (c.charAt(end) == 's' && e.term().endsWith("s")) {
            return false;
        }
        // English spelling: "-d" only follows an "e" ("squad" is not squa + d, "hoard" not hoar + d), and "-es"
        // only a sibilant ("spaces" is not spac + es).
        if (len == 1 && c.charAt(end) == 'd' && !term.endsWith("e")) {
            return false;
        }
        if (len == 2
                && c.startsWith("es", end)
                && !(term.endsWith("s")
                        || term.endsWith("x")
                        || term.endsWith("z")
                        || term.endsWith("ch")
                        || term.endsWith("sh"))) {
            return false;
        }
        for (String s : SUFFIXES) {
            if (s.length() == len && c.regionMatches(end, s, 0, len)) {
                return true;
            }
        }
        return false;
    }

    private static int wordBegin(NormalizedText text, int i) {
        String c = text.canonical();
        while (i > 0 && c.charAt(i - 1) != ' ') {
            i--;
        }
        return i;
    }

    private static int wordEnd(NormalizedText text, int i) {
        String c = text.canonical();
        int n = c.length();
        while (i < n && c.charAt(i) != ' ') {
            i++;
        }
        return i;
    }
}
