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

    private WordPieceTokenizer(Map<String, Integer> vocab) {
        this.vocab = vocab;
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

    public int vocabularySize() {
        return vocab.size();
    }

    /**
     * Token ids {@code [CLS] pieces... [SEP]}, at most {@code maxLength} of them (head kept).
     *
     * @param maxLength at least 2
     */
    public int[] encode(String text, int maxLength) {
        if (maxLength < 2) {
            throw new IllegalArgumentException("maxLength must be >= 2");
        }
        int budget = maxLength - 2;
        int[] ids = new int[Math.min(maxLength, 64)];
        int n = 0;
        ids[n++] = CLS_ID;
        for (String word : preTokenize(normalize(text))) {
            if (n - 1 >= budget) {
                break;
            }
            for (int id : wordPiece(word)) {
                if (n - 1 >= budget) {
                    break;
                }
                if (n == ids.length) {
                    ids = Arrays.copyOf(ids, Math.min(maxLength, ids.length * 2));
                }
                ids[n++] = id;
            }
        }
        if (n == ids.length) {
            ids = Arrays.copyOf(ids, n + 1);
        }
        ids[n++] = SEP_ID;
        return Arrays.copyOf(ids, n);
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
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            String override = UnicodeOverrides.NORMALIZED.get(cp);
            if (override != null) {
                out.append(override);
            } else if (cp < 0x80 && cp >= 0x20 && cp != 0x7F) {
                out.append((char) (cp >= 'A' && cp <= 'Z' ? cp + 32 : cp));
            } else {
                appendByRules(out, cp);
            }
        }
        return out.toString();
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
        int start = -1;
        for (int i = 0; i < normalized.length(); ) {
            int cp = normalized.codePointAt(i);
            int len = Character.charCount(cp);
            if (isWhitespace(cp)) {
                if (start >= 0) {
                    words.add(normalized.substring(start, i));
                    start = -1;
                }
            } else if (punctuation.test(cp)) {
                if (start >= 0) {
                    words.add(normalized.substring(start, i));
                    start = -1;
                }
                words.add(normalized.substring(i, i + len));
            } else if (start < 0) {
                start = i;
            }
            i += len;
        }
        if (start >= 0) {
            words.add(normalized.substring(start));
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
