package org.commentguard.scoring.toxicity.transformer;

import org.commentguard.scoring.toxicity.ToxicityTextNormalizer;

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
 * Offsets are not kept: spans come from sentence boundaries of the original text, and each sentence is read
 * through this on its own. The first stage has its own normalisation ({@code ToxicityTextNormalizer}).
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
        String s = foldLeet(text, known);
        Matcher m = SPELLED_OUT.matcher(s);
        if (!m.find()) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        do {
            String run = m.group();
            // "a" and "I" are words of their own: "a f u c k" is "a fuck", and "I a m" is left alone.
            boolean word = "aAI".indexOf(run.charAt(0)) >= 0;
            String joined = word
                    ? run.length() >= 7 ? run.substring(0, 2) + run.substring(2).replace(" ", "") : run
                    : run.replace(" ", "");
            m.appendReplacement(out, Matcher.quoteReplacement(joined));
        } while (m.find());
        m.appendTail(out);
        return out.toString();
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
