package org.commentguard.scoring.toxicity;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * The toxicity model's private text normalisation: NFKC, invisible-character removal, lower case, URL and
 * mention placeholders, basic leet folding ({@code sh1t}, {@code @ss}, {@code f*ck} stays) and squeezing of
 * character runs ({@code soooo} → {@code soo}).
 *
 * <p>This is the single swap point for the shared {@code org.commentguard.scoring.text.TextNormalizer}: the
 * features are computed from whatever {@link #normalize(String)} returns, so replacing its body (and retraining)
 * is all the swap takes. Training and scoring must use the same normalisation, which is why the model file
 * records {@link #VERSION}.
 */
public final class ToxicityTextNormalizer {

    /** Bumped whenever the output of {@link #normalize(String)} changes; stored in the model file. */
    public static final int VERSION = 1;

    private static final Pattern URL = Pattern.compile("(?:https?://|www\\.)\\S+");
    private static final Pattern MENTION = Pattern.compile("@[a-z0-9_]{2,}");

    private ToxicityTextNormalizer() {}

    /** Returns the normalised form the toxicity features are computed from. */
    public static String normalize(String text) {
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC);
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            int type = Character.getType(c);
            if (type == Character.FORMAT || type == Character.CONTROL && c != '\n' && c != '\t') {
                continue; // zero-width joiners, soft hyphens and the like are used to dodge filters
            }
            b.append(Character.toLowerCase(c));
        }
        s = URL.matcher(b).replaceAll(" xurlx ");
        s = MENTION.matcher(s).replaceAll(" xuserx ");
        return squeeze(foldLeet(s));
    }

    /** Maps digits and symbols that stand for letters, but only inside words so numbers and prices survive. */
    private static String foldLeet(String s) {
        char[] a = s.toCharArray();
        for (int i = 0; i < a.length; i++) {
            char r = leet(a[i]);
            boolean before = letterAt(a, i - 1);
            boolean after = letterAt(a, i + 1);
            // "!" ends sentences, so it only counts as a letter between two letters ("sh!t"); digits next to
            // other digits are numbers and stay as they are.
            boolean inWord = a[i] == '!' ? before && after : before || after;
            if (r != 0 && inWord && !(digitAt(a, i - 1) || digitAt(a, i + 1))) {
                a[i] = r;
            }
        }
        return new String(a);
    }

    /** The letter a digit or symbol commonly stands for in disguised words ({@code 0} → {@code o}), else 0. */
    public static char leet(char c) {
        return switch (c) {
            case '0' -> 'o';
            case '1', '!' -> 'i';
            case '3' -> 'e';
            case '4', '@' -> 'a';
            case '5', '$' -> 's';
            case '7' -> 't';
            default -> 0;
        };
    }

    private static boolean letterAt(char[] a, int i) {
        return i >= 0 && i < a.length && Character.isLetter(a[i]);
    }

    private static boolean digitAt(char[] a, int i) {
        return i >= 0 && i < a.length && Character.isDigit(a[i]);
    }

    /** Runs of three or more identical characters become two, and whitespace runs become one space. */
    private static String squeeze(String s) {
        StringBuilder b = new StringBuilder(s.length());
        char prev = 0;
        int run = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                c = ' ';
            }
            run = c == prev ? run + 1 : 1;
            prev = c;
            if (run <= 2 && !(c == ' ' && run == 2)) {
                b.append(c);
            }
        }
        return b.toString().strip();
    }
}
