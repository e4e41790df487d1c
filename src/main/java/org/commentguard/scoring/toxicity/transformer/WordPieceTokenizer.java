package org.commentguard.scoring.toxicity.transformer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * Uncased BERT WordPiece tokenizer that reproduces the Hugging Face {@code tokenizers} pipeline the model was trained
 * with ({@code BertNormalizer} with clean_text, handle_chinese_chars, strip_accents and lowercase; {@code
 * BertPreTokenizer}; {@code WordPiece} with {@code ##} continuation and 100 characters per word at most; the
 * {@code [CLS] A [SEP]} template). Parity is proven by tests against ids produced by the Hugging Face tokenizer.
 *
 * <p>Truncation keeps the head of the comment: the first {@code maxLength - 2} word pieces, then {@code [SEP]} — the
 * same as Hugging Face {@code truncation=True}, so training and serving see identical inputs. Toxicity late in a
 * very long comment is therefore not seen by this stage; callers that care score sentences separately.
 *
 * <p>Immutable and thread-safe.
 */
public final class WordPieceTokenizer {

    public static final int PAD_ID = 0;
    public static final int UNK_ID = 100;
    public static final int CLS_ID = 101;
    public static final int SEP_ID = 102;
    static final int MAX_CHARS_PER_WORD = 100;

    private final Map<String, Integer> vocab;
    /** The piece each id spells, {@code ##} included for continuations. */
    private final String[] pieces;

    private WordPieceTokenizer(Map<String, Integer> vocab) {
        this.vocab = vocab;
        int size = 0;
        for (int id : vocab.values()) {
            size = Math.max(size, id + 1);
        }
        this.pieces = new String[size];
        vocab.forEach((piece, id) -> pieces[id] = piece);
    }

    /** Reads a {@code vocab.txt} (one token per line, the line number is the id). */
    public static WordPieceTokenizer fromVocab(InputStream vocabTxt) {
        Map<String, Integer> vocab = new HashMap<>(40_000);
        try (BufferedReader r = new BufferedReader(new InputStreamReader(vocabTxt, StandardCharsets.UTF_8))) {
            String line;
            int id = 0;
            while ((line = r.readLine()) != null) {
                vocab.putIfAbsent(line, id++);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read vocabulary", e);
        }
        if (vocab.get("[UNK]") == null
                || vocab.get("[UNK]") != UNK_ID
                || vocab.get("[CLS]") != CLS_ID
                || vocab.get("[SEP]") != SEP_ID
                || vocab.get("[PAD]") != PAD_ID) {
            throw new IllegalArgumentException("not a BERT uncased vocabulary: special tokens at unexpected ids");
        }
        return new WordPieceTokenizer(Map.copyOf(vocab));
    }

    /** Whether {@code word} (lower case) is one whole token of the vocabulary. */
    public boolean isWholeWord(String word) {
        return vocab.containsKey(word);
    }

    /** The piece token {@code id} spells, {@code ##} included for a continuation. */
    public String piece(int id) {
        return pieces[id];
    }

    public int vocabularySize() {
        return vocab.size();
    }

    /**
     * Token ids {@code [CLS] pieces... [SEP]}, at most {@code maxLength} of them (head kept).
     *
     * @param maxLength at least 2
     */
    public int[] encode(String text, int maxLength) {
        return encodeWithOffsets(text, maxLength).ids();
    }

    /**
     * The token ids of {@link #encode} and, for each, the stretch of {@code text} it was read from.
     *
     * @param ids       {@code [CLS] pieces... [SEP]}
     * @param begin     per token, the first UTF-16 index in the text it came from; -1 for {@code [CLS]}, {@code [SEP]}
     * @param end       per token, the exclusive end; -1 for {@code [CLS]}, {@code [SEP]}
     * @param truncated whether word pieces were left out because the text is longer than {@code maxLength}
     */
    public record Encoding(int[] ids, int[] begin, int[] end, boolean truncated) {

        /** The end of the text the word pieces cover: where the left-out part begins, when truncated. */
        public int coveredEnd() {
            return ids.length > 2 ? end[ids.length - 2] : 0;
        }
    }

    /** {@link #encode} with each token's place in {@code text}. */
    public Encoding encodeWithOffsets(String text, int maxLength) {
        if (maxLength < 2) {
            throw new IllegalArgumentException("maxLength must be >= 2");
        }
        Origins origin = new Origins(text.length() + 16);
        String normalized = normalize(text, origin);
        int budget = maxLength - 2;
        int capacity = Math.min(maxLength, 64);
        int[] ids = new int[capacity];
        int[] begin = new int[capacity];
        int[] end = new int[capacity];
        int n = 0;
        ids[n] = CLS_ID;
        begin[n] = end[n] = -1;
        n++;
        boolean truncated = false;
        for (int[] word : preTokenizeRanges(normalized, WordPieceTokenizer::isPunctuation)) {
            if (n - 1 >= budget) {
                truncated = true;
                break;
            }
            int from = word[0];
            for (int id : wordPiece(normalized.substring(word[0], word[1]))) {
                if (n - 1 >= budget) {
                    truncated = true;
                    break;
                }
                if (n == ids.length) {
                    int grown = Math.min(maxLength, ids.length * 2);
                    ids = Arrays.copyOf(ids, grown);
                    begin = Arrays.copyOf(begin, grown);
                    end = Arrays.copyOf(end, grown);
                }
                // An unknown word is one [UNK] for all of it; a known piece covers as many characters as it spells.
                int to = id == UNK_ID ? word[1] : Math.min(word[1], from + pieceLength(id, from > word[0]));
                ids[n] = id;
                begin[n] = origin.get(from);
                end[n] = originEnd(text, origin.get(to - 1));
                n++;
                from = to;
            }
        }
        ids = Arrays.copyOf(ids, n + 1);
        begin = Arrays.copyOf(begin, n + 1);
        end = Arrays.copyOf(end, n + 1);
        ids[n] = SEP_ID;
        begin[n] = end[n] = -1;
        return new Encoding(ids, begin, end, truncated);
    }

    private int pieceLength(int id, boolean continuation) {
        return pieces[id].length() - (continuation ? 2 : 0);
    }

    private static int originEnd(String text, int start) {
        return start + Character.charCount(text.codePointAt(start));
    }

    /**
     * BertNormalizer: drop NUL, U+FFFD and control/format/private-use characters, map whitespace to a space,
     * surround CJK ideographs with spaces, strip accents (NFD, then drop non-spacing marks), lowercase.
     *
     * <p>Works one code point at a time. The Hugging Face crate classifies characters with old Unicode tables
     * (around Unicode 9) while Java 17 uses Unicode 13; the few hundred code points where the two disagree are
     * listed in {@code hf-unicode-overrides.tsv} (generated from the Hugging Face tokenizer, see the tests) and
     * win over the rules.
     */
    static String normalize(String text) {
        return normalize(text, null);
    }

    /**
     * {@link #normalize(String)}, adding to {@code origin} (when not null) the index in {@code text} of the code point
     * each normalized character came from.
     */
    private static String normalize(String text, Origins origin) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); ) {
            int start = i;
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            int before = out.length();
            String override = UnicodeOverrides.NORMALIZED.get(cp);
            if (override != null) {
                out.append(override);
            } else if (cp < 0x80 && cp >= 0x20 && cp != 0x7F) {
                out.append((char) (cp >= 'A' && cp <= 'Z' ? cp + 32 : cp));
            } else {
                appendByRules(out, cp);
            }
            if (origin != null) {
                origin.add(start, out.length() - before);
            }
        }
        return out.toString();
    }

    /** A growing array of origins, one per normalized character. */
    private static final class Origins {
        private int[] at;
        private int size;

        Origins(int capacity) {
            at = new int[Math.max(16, capacity)];
        }

        void add(int origin, int times) {
            if (size + times > at.length) {
                at = Arrays.copyOf(at, Math.max(at.length * 2, size + times));
            }
            Arrays.fill(at, size, size + times, origin);
            size += times;
        }

        int get(int i) {
            return at[i];
        }
    }

    /** The normalizer rules for one code point, without the overrides. */
    static void appendByRules(StringBuilder out, int cp) {
        if (cp == 0 || cp == 0xFFFD || isControl(cp)) {
            return;
        }
        if (isWhitespace(cp)) {
            out.append(' ');
            return;
        }
        boolean chinese = isChineseChar(cp);
        if (chinese) {
            out.append(' ');
        }
        String nfd = Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFD);
        for (int i = 0; i < nfd.length(); ) {
            int c = nfd.codePointAt(i);
            i += Character.charCount(c);
            if (Character.getType(c) != Character.NON_SPACING_MARK) {
                // Full (not simple) lowercase mapping per character, as Rust's char::to_lowercase. A one-character
                // string also keeps Java's context-sensitive final-sigma rule out of the way.
                out.append(new String(Character.toChars(c)).toLowerCase(Locale.ROOT));
            }
        }
        if (chinese) {
            out.append(' ');
        }
    }

    /** BertPreTokenizer: split on whitespace, and make every punctuation character a word of its own. */
    static List<String> preTokenize(String normalized) {
        return preTokenize(normalized, WordPieceTokenizer::isPunctuation);
    }

    static List<String> preTokenize(String normalized, IntPredicate punctuation) {
        List<String> words = new ArrayList<>();
        for (int[] r : preTokenizeRanges(normalized, punctuation)) {
            words.add(normalized.substring(r[0], r[1]));
        }
        return words;
    }

    /** {@link #preTokenize}'s words as {@code [begin, end)} ranges of {@code normalized}. */
    static List<int[]> preTokenizeRanges(String normalized, IntPredicate punctuation) {
        List<int[]> words = new ArrayList<>();
        int start = -1;
        for (int i = 0; i < normalized.length(); ) {
            int cp = normalized.codePointAt(i);
            int len = Character.charCount(cp);
            if (isWhitespace(cp)) {
                if (start >= 0) {
                    words.add(new int[] {start, i});
                    start = -1;
                }
            } else if (punctuation.test(cp)) {
                if (start >= 0) {
                    words.add(new int[] {start, i});
                    start = -1;
                }
                words.add(new int[] {i, i + len});
            } else if (start < 0) {
                start = i;
            }
            i += len;
        }
        if (start >= 0) {
            words.add(new int[] {start, normalized.length()});
        }
        return words;
    }

    /** Greedy longest-match-first WordPiece; a word that cannot be covered, or is too long, is one [UNK]. */
    int[] wordPiece(String word) {
        if (word.codePointCount(0, word.length()) > MAX_CHARS_PER_WORD) {
            return new int[] {UNK_ID};
        }
        int[] pieces = new int[8];
        int n = 0;
        int start = 0;
        while (start < word.length()) {
            int end = word.length();
            Integer found = null;
            while (start < end) {
                String sub = word.substring(start, end);
                Integer id = vocab.get(start > 0 ? "##" + sub : sub);
                if (id != null) {
                    found = id;
                    break;
                }
                end = word.offsetByCodePoints(end, -1);
            }
            if (found == null) {
                return new int[] {UNK_ID};
            }
            if (n == pieces.length) {
                pieces = Arrays.copyOf(pieces, n * 2);
            }
            pieces[n++] = found;
            start = end;
        }
        return Arrays.copyOf(pieces, n);
    }

    // ---- character classes, as the Rust tokenizers crate defines them

    static boolean isWhitespace(int cp) {
        // Rust char::is_whitespace (Unicode White_Space). Java's Character.isWhitespace leaves out no-break spaces.
        switch (cp) {
            case ' ', '\t', '\n', '\r', 0x0B, 0x0C, 0x85, 0xA0, 0x1680, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
                return true;
            default:
                return cp >= 0x2000 && cp <= 0x200A;
        }
    }

    static boolean isControl(int cp) {
        if (cp == '\t' || cp == '\n' || cp == '\r') {
            return false;
        }
        // Cc, Cf, Co, Cs. Unassigned code points (Cn) are kept: the Rust tables only list assigned characters.
        int type = Character.getType(cp);
        return type == Character.CONTROL
                || type == Character.FORMAT
                || type == Character.PRIVATE_USE
                || type == Character.SURROGATE;
    }

    static boolean isPunctuation(int cp) {
        Boolean override = UnicodeOverrides.PUNCTUATION.get(cp);
        return override != null ? override : isPunctuationByRules(cp);
    }

    static boolean isPunctuationByRules(int cp) {
        if ((cp >= 33 && cp <= 47) || (cp >= 58 && cp <= 64) || (cp >= 91 && cp <= 96) || (cp >= 123 && cp <= 126)) {
            return true;
        }
        switch (Character.getType(cp)) {
            case Character.CONNECTOR_PUNCTUATION,
                    Character.DASH_PUNCTUATION,
                    Character.START_PUNCTUATION,
                    Character.END_PUNCTUATION,
                    Character.INITIAL_QUOTE_PUNCTUATION,
                    Character.FINAL_QUOTE_PUNCTUATION,
                    Character.OTHER_PUNCTUATION:
                return true;
            default:
                return false;
        }
    }

    static boolean isChineseChar(int cp) {
        return (cp >= 0x4E00 && cp <= 0x9FFF)
                || (cp >= 0x3400 && cp <= 0x4DBF)
                || (cp >= 0x20000 && cp <= 0x2A6DF)
                || (cp >= 0x2A700 && cp <= 0x2B73F)
                || (cp >= 0x2B740 && cp <= 0x2B81F)
                || (cp >= 0x2B820 && cp <= 0x2CEAF)
                || (cp >= 0xF900 && cp <= 0xFAFF)
                || (cp >= 0x2F800 && cp <= 0x2FA1F);
    }
}
