package org.commentguard.scoring.toxicity.transformer;

import org.commentguard.scoring.toxicity.ToxicityTextNormalizer;

import java.util.Arrays;
import java.util.BitSet;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the transformer reads: words disguised to slip past filters put back as they are meant. The model was
 * trained on plainly spelled text; a digit or symbol in the middle of a word makes its WordPiece tokens unfamiliar,
 * and it then scores "W0men are w0rthless" 0.01 where "Women are worthless" gets 0.89. So before tokenizing:
 *
 * <ul>
 *   <li>a digit or symbol that commonly stands for a letter ({@code 0 1 3 4 5 7 ! @ $}), or a run of them, becomes
 *   that letter when it sits between two letters ({@code h4te}, {@code k1ll}, {@code sh!t}, {@code W0men});
 *   prices, times, ordinals, model numbers and sentence ends ({@code $5}, {@code 4pm}, {@code 4th}, {@code G7},
 *   {@code B52}, {@code great!}) have no letter on one side and stay. {@code 1} reads as {@code i}, its more
 *   common meaning ({@code sh1t}, {@code k1ll}), though it sometimes stands for {@code l};</li>
 *   <li>a word spelled out letter by letter ({@code k i l l}: at least three single letters, one space apart) is
 *   joined; a leading {@code a} or {@code I} stays a word of its own ({@code a f u c k} reads {@code a fuck}).</li>
 * </ul>
 *
 * {@link #mapped} keeps, for each readable character, where it stands in the comment as written, so spans found in the
 * readable text are shown on the original. The first stage has its own normalisation ({@code ToxicityTextNormalizer}).
 */
public final class Deobfuscation {

    /**
     * Named in the refiner's model string beside the model's own version, since it changes served scores: a site
     * that runs new versions in shadow ({@code commentguard.models.shadow}) then reviews them before they decide.
     * Bump it whenever {@link #readable} reads any text differently.
     */
    public static final String VERSION = "deobfuscation@1";

    /** At least three single letters, each separated by one space, standing alone. */
    private static final Pattern SPELLED_OUT =
            Pattern.compile("(?<![\\p{L}\\p{N}])\\p{L}(?: \\p{L}){2,}(?![\\p{L}\\p{N}])");

    private Deobfuscation() {}

    /** The text as the transformer reads it, {@code 1} always read as {@code i}. */
    public static String readable(String text) {
        return readable(text, w -> false);
    }

    /**
     * The text as the transformer reads it; unchanged when nothing in it is disguised.
     *
     * @param known whether a lower-case word is in the model's vocabulary: a {@code 1} is read as {@code l} when
     *     that makes a known word and {@code i} does not ({@code Mus1ims})
     */
    public static String readable(String text, Predicate<String> known) {
        return mapped(text, known).text();
    }

    /**
     * {@link #readable(String, Predicate)} with, for each character of the readable text, the index in {@code text}
     * of the character it was read from, so that what the model finds in the readable text can be shown in the
     * comment as written. Only joining a spelled-out word removes characters (its spaces); the rest maps one to one.
     */
    public static Readable mapped(String text, Predicate<String> known) {
        String s = foldLeet(text, known);
        Matcher m = SPELLED_OUT.matcher(s);
        if (!m.find()) {
            return new Readable(s, null);
        }
        StringBuilder out = new StringBuilder(s.length());
        int[] origin = new int[s.length()];
        int last = 0;
        do {
            for (int i = last; i < m.start(); i++) {
                origin[out.length()] = i;
                out.append(s.charAt(i));
            }
            // "a" and "I" are words of their own: "a f u c k" is "a fuck", and "I a m" is left alone.
            boolean word = "aAI".indexOf(s.charAt(m.start())) >= 0;
            int keepSpacesBefore = word ? (m.end() - m.start() >= 7 ? m.start() + 2 : m.end()) : m.start();
            for (int i = m.start(); i < m.end(); i++) {
                if (s.charAt(i) != ' ' || i < keepSpacesBefore) {
                    origin[out.length()] = i;
                    out.append(s.charAt(i));
                }
            }
            last = m.end();
        } while (m.find());
        for (int i = last; i < s.length(); i++) {
            origin[out.length()] = i;
            out.append(s.charAt(i));
        }
        return new Readable(out.toString(), Arrays.copyOf(origin, out.length()));
    }

    /**
     * A text as the model reads it.
     *
     * @param origin per character of {@code text}, its index in the comment as written; {@code null} when the two
     *     line up one to one
     */
    public record Readable(String text, int[] origin) {

        /** The index in the comment as written of readable character {@code i} ({@code i == text.length()} allowed). */
        public int original(int i, int writtenLength) {
            if (origin == null) {
                return i;
            }
            return i < origin.length ? origin[i] : writtenLength;
        }
    }

    private static String foldLeet(String text, Predicate<String> known) {
        char[] a = null;
        BitSet ones = null;
        for (int i = 0; i < text.length(); i++) {
            if (letterFor(text.charAt(i)) == 0) {
                continue;
            }
            // A run of such characters ("sh!!t") is judged as one: by what lies on either side of it.
            int end = i;
            while (end + 1 < text.length() && letterFor(text.charAt(end + 1)) != 0) {
                end++;
            }
            if (i > 0
                    && Character.isLetter(text.charAt(i - 1))
                    && end + 1 < text.length()
                    && Character.isLetter(text.charAt(end + 1))) {
                if (a == null) {
                    a = text.toCharArray();
                    ones = new BitSet(text.length());
                }
                boolean upper =
                        Character.isUpperCase(text.charAt(i - 1)) && Character.isUpperCase(text.charAt(end + 1));
                for (int j = i; j <= end; j++) {
                    char letter = letterFor(text.charAt(j));
                    a[j] = upper ? Character.toUpperCase(letter) : letter;
                    if (text.charAt(j) == '1') {
                        ones.set(j);
                    }
                }
            }
            i = end;
        }
        if (a == null) {
            return text;
        }
        for (int j = ones.nextSetBit(0); j >= 0; j = ones.nextSetBit(j + 1)) {
            int from = j;
            while (from > 0 && Character.isLetter(a[from - 1])) {
                from--;
            }
            int to = j;
            while (to + 1 < a.length && Character.isLetter(a[to + 1])) {
                to++;
            }
            String asI = new String(a, from, to - from + 1).toLowerCase(Locale.ROOT);
            char[] l = a.clone();
            l[j] = Character.isUpperCase(a[j]) ? 'L' : 'l';
            String asL = new String(l, from, to - from + 1).toLowerCase(Locale.ROOT);
            if (!known.test(asI) && known.test(asL)) {
                a[j] = l[j];
            }
        }
        return new String(a);
    }

    private static char letterFor(char c) {
        return ToxicityTextNormalizer.leet(c);
    }
}
