package org.commentguard.policy;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Finds site word-list terms in a comment by a simple canonical form: lower case, accents dropped, common digit
 * and symbol substitutions undone ({@code sh1t}, {@code $pam}) and repeated letters collapsed ({@code fuuuck}).
 * Terms match whole words only, so a blocked word inside a longer, innocent word (the Scunthorpe problem) is not a
 * hit. The profanity scorer's own disguise handling adds its spans on top of this (see {@link VerdictPolicy}).
 */
public final class TermMatcher {

    private TermMatcher() {
    }

    /** A whole-word occurrence of {@code term} at [begin, end) of the original text. */
    public record Match(String term, int begin, int end) {
    }

    private record Token(String canonical, int begin, int end) {
    }

    /** Every occurrence of every term, in text order. Blank terms are ignored. */
    public static List<Match> find(String text, List<String> terms) {
        List<Match> matches = new ArrayList<>();
        if (terms.isEmpty() || text.isEmpty()) {
            return matches;
        }
        List<Token> tokens = tokens(text);
        for (String term : terms) {
            List<String> wanted = tokens(term).stream().map(Token::canonical).toList();
            if (wanted.isEmpty()) {
                continue;
            }
            for (int i = 0; i + wanted.size() <= tokens.size(); i++) {
                boolean all = true;
                for (int j = 0; j < wanted.size() && all; j++) {
                    all = tokens.get(i + j).canonical().equals(wanted.get(j));
                }
                if (all) {
                    matches.add(new Match(term, tokens.get(i).begin(), tokens.get(i + wanted.size() - 1).end()));
                }
            }
        }
        matches.sort(java.util.Comparator.comparingInt(Match::begin).thenComparingInt(Match::end));
        return matches;
    }

    /** The canonical form of a single term or word, as compared by {@link #find}. */
    public static String canonical(String term) {
        return String.join(" ", tokens(term).stream().map(Token::canonical).toList());
    }

    private static List<Token> tokens(String text) {
        List<Token> tokens = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int begin = -1;
        for (int i = 0; i <= text.length(); i++) {
            char mapped = i < text.length() ? letterOf(text.charAt(i)) : 0;
            // "!" stands for "i" only inside a word ("sh!t"); at a word's end it is punctuation ("scumbag!").
            if (mapped == 'i' && text.charAt(i) == '!'
                    && (i + 1 >= text.length() || letterOf(text.charAt(i + 1)) == 0)) {
                mapped = 0;
            }
            if (mapped != 0) {
                if (begin < 0) {
                    begin = i;
                }
                // Collapse runs: "fuuuck" and "fuck", "helo" and "hello" compare equal; good enough for lists.
                if (current.isEmpty() || current.charAt(current.length() - 1) != mapped) {
                    current.append(mapped);
                }
            } else if (begin >= 0) {
                tokens.add(new Token(current.toString(), begin, i));
                current.setLength(0);
                begin = -1;
            }
        }
        return tokens;
    }

    private static char letterOf(char c) {
        switch (c) {
            case '0': return 'o';
            case '1': case '!': return 'i';
            case '3': return 'e';
            case '4': case '@': return 'a';
            case '5': case '$': return 's';
            case '7': return 't';
            default: break;
        }
        if (!Character.isLetter(c)) {
            return 0;
        }
        String base = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
        return base.toLowerCase(Locale.ROOT).charAt(0);
    }
}
