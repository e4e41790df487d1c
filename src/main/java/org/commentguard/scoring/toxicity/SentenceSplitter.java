package org.commentguard.scoring.toxicity;

import java.util.ArrayList;
import java.util.List;

/**
 * A small rule-based sentence splitter for comment text: a sentence ends at a run of {@code . ! ?} (with closing
 * quotes or brackets) followed by white space, or at a line break. Comments are informal — missing capitals,
 * emoticons, "!!!" — so a rule that never needs a capital letter after the break is more robust here than a
 * trained newspaper model. Returns [begin, end) offsets into the ORIGINAL text, trimmed of white space.
 */
final class SentenceSplitter {

    private SentenceSplitter() {}

    /** Sentence boundaries as {begin, end} pairs, in order; empty for blank text. */
    static List<int[]> split(String text) {
        List<int[]> out = new ArrayList<>();
        int n = text.length();
        int start = 0;
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                add(text, start, i, out);
                start = i + 1;
                i++;
            } else if (c == '.' || c == '!' || c == '?' || c == '\u2026') {
                int j = i + 1;
                while (j < n && isTerminalOrCloser(text.charAt(j))) {
                    j++;
                }
                // "3.5", "e.g.x" and "example.com" are not boundaries: a boundary needs white space after it
                if (j >= n || Character.isWhitespace(text.charAt(j))) {
                    add(text, start, j, out);
                    start = j;
                }
                i = j;
            } else {
                i++;
            }
        }
        add(text, start, n, out);
        return out;
    }

    private static boolean isTerminalOrCloser(char c) {
        return c == '.'
                || c == '!'
                || c == '?'
                || c == '\u2026'
                || c == '"'
                || c == '\''
                || c == ')'
                || c == '\u201d'
                || c == '\u2019'
                || c == ']';
    }

    private static void add(String text, int begin, int end, List<int[]> out) {
        while (begin < end && Character.isWhitespace(text.charAt(begin))) {
            begin++;
        }
        while (end > begin && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        if (end > begin) {
            out.add(new int[] {begin, end});
        }
    }
}
