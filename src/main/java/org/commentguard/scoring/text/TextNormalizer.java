package org.commentguard.scoring.text;

import java.text.Normalizer;
import java.util.Arrays;

/**
 * Maps comment text to the canonical form every scorer and every training tool works on, keeping the way back to
 * the original offsets (see {@link NormalizedText}).
 *
 * <p>Per code point: compatibility decomposition (NFKD, i.e. NFKC's compatibility folding plus accent removal),
 * combining marks and zero-width/format chars dropped, case folded, Latin look-alikes ({@code ł ø ı ƒ}) folded.
 * Per whitespace-separated token: Cyrillic/Greek homoglyphs folded to Latin when the token mixes them with Latin
 * or consists only of look-alikes; leetspeak decoded inside words that contain a letter ({@code 4 3 1 0 5 $ @ 7 !
 * |}), with {@code 1 ! |} keeping their second reading ({@code i}/{@code l}) as an {@link NormalizedText#alternative
 * alternative}; masks ({@code * # %}) inside words become {@link NormalizedText#WILDCARD}; letters split by dots,
 * dashes or underscores ({@code s.h.i.t}) joined. Across tokens: three or more single letters in a row ({@code f u c
 * k}) joined into one word. Runs of three or more equal letters are capped at two ({@code fuuuuck → fuuck}); the
 * matcher treats any repeat as optional, so both {@code fuck} and {@code class} still match themselves.
 *
 * <p>Stateless and thread-safe. Numbers such as {@code 2018}, {@code 1990s} and {@code 10am} are kept as they are.
 */
public final class TextNormalizer {

    private static final int LETTER = 1;
    private static final int DIGIT = 2;
    private static final int LEET = 3;
    private static final int MASK = 4;
    private static final int JOIN = 5;
    private static final int APOSTROPHE = 6;
    private static final int OTHER = 7;

    /** Folded form of each BMP char, filled lazily; "" means the char is dropped. Benign races: Strings are immutable. */
    private static final String[] FOLD_CACHE = new String[65536];

    private static final char[] LATIN_LOOKALIKE = new char[65536];
    private static final char[] SCRIPT_LOOKALIKE = new char[65536];

    static {
        pairs(LATIN_LOOKALIKE, "ıiłløođdħhŧtƒfȷjɑaɡgʀrɪiʏyᴀaʙbᴄcᴅdᴇeɢgʜhᴊjᴋkʟlᴍmɴnᴏoᴘpʀrꜱsᴛtᴜuᴠvᴡwʏyᴢzðdþpæeœe");
        // Cyrillic and Greek letters that render like Latin ones in common fonts.
        pairs(SCRIPT_LOOKALIKE, "аaвbеeіiјjкkмmнhоoрpсcтtуyхxѕsһhԁdԛqԝwьbӏlɩiαaβbγyεeηnιiκkμuνvοoρpτtυuχxωwϲcϳj");
    }

    private TextNormalizer() {}

    private static void pairs(char[] table, String pairs) {
        for (int i = 0; i + 1 < pairs.length(); i += 2) {
            table[pairs.charAt(i)] = pairs.charAt(i + 1);
        }
    }

    /** Normalises one comment. Never returns null; an empty or blank text gives an empty canonical text. */
    public static NormalizedText normalize(String text) {
        Work w = new Work(text);
        w.run();
        return w.finish();
    }

    /** Convenience for lexicon building and training: the canonical string only. */
    public static String canonical(String text) {
        return normalize(text).canonical();
    }

    // ---------------------------------------------------------------------------------------------------------

    private static String fold(int cp) {
        if (cp < 65536) {
            String f = FOLD_CACHE[cp];
            if (f == null) {
                f = computeFold(cp);
                FOLD_CACHE[cp] = f;
            }
            return f;
        }
        return computeFold(cp);
    }

    private static String computeFold(int cp) {
        int type = Character.getType(cp);
        if (type == Character.FORMAT
                || type == Character.NON_SPACING_MARK
                || type == Character.ENCLOSING_MARK
                || type == Character.COMBINING_SPACING_MARK
                || type == Character.CONTROL) {
            return "";
        }
        if (cp == 'ß' || cp == 'ẞ') {
            return "ss";
        }
        String decomposed = Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFKD);
        StringBuilder sb = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); ) {
            int c = decomposed.codePointAt(i);
            i += Character.charCount(c);
            int t = Character.getType(c);
            if (t == Character.NON_SPACING_MARK
                    || t == Character.ENCLOSING_MARK
                    || t == Character.COMBINING_SPACING_MARK
                    || t == Character.FORMAT) {
                continue;
            }
            int lower = Character.toLowerCase(c);
            if (lower == 'ς') {
                lower = 'σ';
            }
            if (lower < 65536 && LATIN_LOOKALIKE[lower] != 0) {
                lower = LATIN_LOOKALIKE[lower];
            }
            sb.appendCodePoint(lower);
        }
        return sb.toString();
    }

    private static int classify(char c) {
        if (c >= 'a' && c <= 'z') {
            return LETTER;
        }
        if (c >= '0' && c <= '9') {
            return DIGIT;
        }
        switch (c) {
            case '$', '@', '!', '|', '+', '€', '£', '(':
                return LEET;
            case '*', '#', '%':
                return MASK;
            case '.', '-', '_', '·':
                return JOIN;
            case '\'', '’', '`', '‘':
                return APOSTROPHE;
            default:
                return c > 127 && Character.isLetter(c) ? LETTER : OTHER;
        }
    }

    /** Primary reading of a leet char or digit, 0 if it has none. */
    private static char leet(char c) {
        return switch (c) {
            case '0' -> 'o';
            case '1', '!' -> 'i';
            case '|' -> 'l';
            case '3', '€' -> 'e';
            case '4', '@' -> 'a';
            case '5', '$' -> 's';
            case '6', '9' -> 'g';
            case '7', '+' -> 't';
            case '8' -> 'b';
            case '£' -> 'l';
            case '(' -> 'c';
            default -> 0;
        };
    }

    /** The second reading of an ambiguous leet char. */
    private static char leetAlternative(char c) {
        return switch (c) {
            case '1', '!' -> 'l';
            case '|' -> 'i';
            default -> 0;
        };
    }

    private static boolean isSpace(int cp) {
        if (cp < 128) {
            return cp == ' ' || (cp >= 9 && cp <= 13) || (cp >= 28 && cp <= 31);
        }
        return Character.isWhitespace(cp) || Character.isSpaceChar(cp);
    }

    /** One normalisation run; holds growable scratch buffers so the hot path allocates almost nothing. */
    private static final class Work {
        private final String text;
        // folded units of the current token
        private char[] tc = new char[32];
        private int[] tb = new int[32];
        private int[] te = new int[32];
        private int[] tk = new int[32];
        private int tn;
        // emitted word chars
        private char[] oc;
        private char[] oa;
        private int[] ob;
        private int[] oe;
        private int on;
        private int[] ws = new int[16];
        private int[] we = new int[16];
        private int wn;
        private int wordStart = -1;

        Work(String text) {
            this.text = text;
            int cap = Math.max(16, text.length() + 8);
            oc = new char[cap];
            oa = new char[cap];
            ob = new int[cap];
            oe = new int[cap];
        }

        void run() {
            int n = text.length();
            int i = 0;
            while (i < n) {
                int cp = text.codePointAt(i);
                if (isSpace(cp)) {
                    i += Character.charCount(cp);
                    continue;
                }
                tn = 0;
                while (i < n) {
                    cp = text.codePointAt(i);
                    int len = Character.charCount(cp);
                    if (isSpace(cp)) {
                        break;
                    }
                    if (cp < 128) {
                        char c = (char) cp;
                        if (c >= 'A' && c <= 'Z') {
                            c = (char) (c + 32);
                        }
                        if (c >= 32) {
                            addUnit(c, i, i + len);
                        }
                    } else {
                        String f = fold(cp);
                        for (int k = 0; k < f.length(); k++) {
                            char c = f.charAt(k);
                            if (c == ' ') {
                                continue;
                            }
                            addUnit(c, i, i + len);
                        }
                    }
                    i += len;
                }
                token();
            }
        }

        private void addUnit(char c, int b, int e) {
            if (tn == tc.length) {
                int cap = tn * 2;
                tc = Arrays.copyOf(tc, cap);
                tb = Arrays.copyOf(tb, cap);
                te = Arrays.copyOf(te, cap);
                tk = Arrays.copyOf(tk, cap);
            }
            tc[tn] = c;
            tb[tn] = b;
            te[tn] = e;
            tk[tn] = classify(c);
            tn++;
        }

        private void token() {
            if (tn == 0 || plainWord()) {
                return;
            }
            // Homoglyph folding: only when the token mixes scripts or is made only of look-alikes, so that real
            // Cyrillic or Greek words are left alone.
            boolean latin = false;
            boolean foreign = false;
            boolean allLookalike = true;
            for (int k = 0; k < tn; k++) {
                if (tk[k] == LETTER) {
                    char c = tc[k];
                    if (c <= 'z') {
                        latin = true;
                    } else {
                        foreign = true;
                        if (SCRIPT_LOOKALIKE[c] == 0) {
                            allLookalike = false;
                        }
                    }
                }
            }
            if (foreign && (latin || allLookalike)) {
                for (int k = 0; k < tn; k++) {
                    char c = tc[k];
                    if (c > 127 && SCRIPT_LOOKALIKE[c] != 0) {
                        tc[k] = SCRIPT_LOOKALIKE[c];
                    }
                }
            }
            int s = 0;
            for (int k = 0; k <= tn; k++) {
                if (k == tn || tk[k] == OTHER) {
                    segment(s, k);
                    s = k + 1;
                }
            }
        }

        /**
         * Fast path for the common token: ASCII letters, possibly wrapped in sentence punctuation ("word,",
         * "(word)"). Emits it directly and returns true; anything else goes through the full analysis.
         */
        private boolean plainWord() {
            int first = 0;
            while (first < tn && tk[first] != LETTER) {
                if (!isWrapper(tc[first])) {
                    return false;
                }
                first++;
            }
            if (first == tn) {
                return false;
            }
            int last = tn - 1;
            while (tk[last] != LETTER) {
                if (!isWrapper(tc[last])) {
                    return false;
                }
                last--;
            }
            for (int k = first; k <= last; k++) {
                char c = tc[k];
                if (c < 'a' || c > 'z') {
                    return false;
                }
            }
            for (int k = first; k <= last; k++) {
                emit(tc[k], (char) 0, tb[k], te[k]);
            }
            endWord();
            return true;
        }

        /** Punctuation that may surround a word without being part of a disguise. */
        private static boolean isWrapper(char c) {
            return switch (c) {
                case '.', ',', ';', ':', '!', '?', '"', '\'', '(', ')', '[', ']', '“', '”', '‘', '’' -> true;
                default -> false;
            };
        }

        private void segment(int s, int e) {
            while (s < e && !(tk[s] == LETTER || tk[s] == DIGIT || tc[s] == '$' || tc[s] == '@')) {
                s++;
            }
            while (e > s && !(tk[e - 1] == LETTER || tk[e - 1] == DIGIT || tc[e - 1] == '$' || tc[e - 1] == '@')) {
                e--;
            }
            if (s >= e) {
                return;
            }
            boolean hasJoin = false;
            for (int k = s; k < e; k++) {
                if (tk[k] == JOIN) {
                    hasJoin = true;
                    break;
                }
            }
            if (!hasJoin) {
                piece(s, e);
                return;
            }
            // s.h.i.t / F-U-C-K: every piece is one char and there are at least three of them.
            int pieces = 0;
            boolean spelled = true;
            int len = 0;
            for (int k = s; k <= e; k++) {
                if (k == e || tk[k] == JOIN) {
                    if (len != 1) {
                        spelled = false;
                    }
                    pieces++;
                    len = 0;
                } else if (tk[k] != APOSTROPHE) {
                    len++;
                }
            }
            if (spelled && pieces >= 3) {
                piece(s, e);
                return;
            }
            int ps = s;
            for (int k = s; k <= e; k++) {
                if (k == e || tk[k] == JOIN) {
                    trimmedPiece(ps, k);
                    ps = k + 1;
                }
            }
        }

        private void trimmedPiece(int s, int e) {
            while (s < e && !(tk[s] == LETTER || tk[s] == DIGIT || tc[s] == '$' || tc[s] == '@')) {
                s++;
            }
            while (e > s && !(tk[e - 1] == LETTER || tk[e - 1] == DIGIT || tc[e - 1] == '$' || tc[e - 1] == '@')) {
                e--;
            }
            if (s < e) {
                piece(s, e);
            }
        }

        /** Emits one word from units [s, e), which start and end on a letter, digit or leet char. */
        private void piece(int s, int e) {
            int letters = 0;
            for (int k = s; k < e; k++) {
                if (tk[k] == LETTER) {
                    letters++;
                }
            }
            if (letters == 0) {
                // A number ("2018", "$100"): keep its digits, drop the symbols.
                for (int k = s; k < e; k++) {
                    if (tk[k] == DIGIT) {
                        emit(tc[k], (char) 0, tb[k], te[k]);
                    }
                }
                endWord();
                return;
            }
            boolean decode = !isNumberWithUnit(s, e);
            for (int k = s; k < e; k++) {
                int kind = tk[k];
                char c = tc[k];
                switch (kind) {
                    case LETTER -> emit(c, (char) 0, tb[k], te[k]);
                    case DIGIT, LEET -> {
                        char l = decode ? leet(c) : 0;
                        if (l != 0) {
                            emit(l, leetAlternative(c), tb[k], te[k]);
                        } else if (kind == DIGIT) {
                            emit(c, (char) 0, tb[k], te[k]);
                        }
                    }
                    case MASK -> emit(NormalizedText.WILDCARD, (char) 0, tb[k], te[k]);
                    default -> {
                        // apostrophes inside words are dropped ("fuckin'", "don't" stay one word), and so are the
                        // dots or dashes of a spelled-out word ("s.h.i.t")
                    }
                }
            }
            endWord();
        }

        /** "1990s", "10am", "2nd", "covid19": digits here are a number, not leetspeak. */
        private boolean isNumberWithUnit(int s, int e) {
            int k = s;
            while (k < e && tk[k] == DIGIT) {
                k++;
            }
            int leadingDigits = k - s;
            int j = k;
            while (j < e && tk[j] == LETTER) {
                j++;
            }
            if (leadingDigits > 0 && j == e) {
                return leadingDigits >= 2 || isUnit(k, e);
            }
            // letters then two or more digits: "covid19", "win10"
            k = s;
            while (k < e && tk[k] == LETTER) {
                k++;
            }
            j = k;
            while (j < e && tk[j] == DIGIT) {
                j++;
            }
            return k - s >= 3 && j == e && j - k >= 2;
        }

        /** Ordinals and units written after a single digit: "1st", "2nd", "3d", "5k", "4pm", "3x". */
        private boolean isUnit(int s, int e) {
            String u = String.valueOf(tc, s, e - s);
            return switch (u) {
                case "st",
                        "nd",
                        "rd",
                        "th",
                        "s",
                        "d",
                        "k",
                        "m",
                        "am",
                        "pm",
                        "x",
                        "g",
                        "h",
                        "px",
                        "kb",
                        "mb",
                        "gb",
                        "tb",
                        "km",
                        "kg",
                        "mm",
                        "cm",
                        "ml",
                        "v",
                        "w",
                        "mp",
                        "hp" -> true;
                default -> false;
            };
        }

        private void emit(char c, char alt, int b, int e) {
            if (on == oc.length) {
                int cap = on * 2;
                oc = Arrays.copyOf(oc, cap);
                oa = Arrays.copyOf(oa, cap);
                ob = Arrays.copyOf(ob, cap);
                oe = Arrays.copyOf(oe, cap);
            }
            if (wordStart < 0) {
                wordStart = on;
            }
            oc[on] = c;
            oa[on] = alt;
            ob[on] = b;
            oe[on] = e;
            on++;
        }

        private void endWord() {
            if (wordStart < 0) {
                return;
            }
            if (wn == ws.length) {
                ws = Arrays.copyOf(ws, wn * 2);
                we = Arrays.copyOf(we, wn * 2);
            }
            ws[wn] = wordStart;
            we[wn] = on;
            wn++;
            wordStart = -1;
        }

        private static boolean isSingleLetter(char[] oc, int[] ws, int[] we, int w) {
            return we[w] - ws[w] == 1 && Character.isLetter(oc[ws[w]]);
        }

        NormalizedText finish() {
            // Join runs of three or more single letters ("f u c k"): merge word boundaries.
            int[] mws = new int[wn];
            int[] mwe = new int[wn];
            int mn = 0;
            for (int w = 0; w < wn; ) {
                if (isSingleLetter(oc, ws, we, w)) {
                    int r = w;
                    while (r + 1 < wn && isSingleLetter(oc, ws, we, r + 1)) {
                        r++;
                    }
                    if (r - w + 1 >= 3) {
                        mws[mn] = ws[w];
                        mwe[mn] = we[r];
                        mn++;
                        w = r + 1;
                        continue;
                    }
                }
                mws[mn] = ws[w];
                mwe[mn] = we[w];
                mn++;
                w++;
            }
            int cap = on + mn;
            char[] cc = new char[cap];
            char[] ca = new char[cap];
            int[] cb = new int[cap];
            int[] ce = new int[cap];
            int[] fws = new int[mn];
            int[] fwe = new int[mn];
            int n = 0;
            for (int w = 0; w < mn; w++) {
                if (w > 0) {
                    cc[n] = ' ';
                    cb[n] = ce[n - 1];
                    ce[n] = ob[mws[w]];
                    n++;
                }
                fws[w] = n;
                for (int k = mws[w]; k < mwe[w]; k++) {
                    char c = oc[k];
                    // Cap runs of equal letters at two: "fuuuuck" -> "fuuck" keeps "class" intact.
                    if (n - fws[w] >= 2
                            && cc[n - 1] == c
                            && cc[n - 2] == c
                            && ca[n - 1] == oa[k]
                            && c != NormalizedText.WILDCARD) {
                        ce[n - 1] = oe[k];
                        continue;
                    }
                    cc[n] = c;
                    ca[n] = oa[k];
                    cb[n] = ob[k];
                    ce[n] = oe[k];
                    n++;
                }
                fwe[w] = n;
            }
            // The arrays may be longer than the canonical text; NormalizedText only reads the first n entries.
            return new NormalizedText(text, new String(cc, 0, n), cb, ce, ca, fws, fwe);
        }
    }
}
