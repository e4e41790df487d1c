package org.commentguard.scoring.toxicity.transformer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Parity with the Hugging Face {@code tokenizers} BERT tokenizer the model was trained with. Both fixture files were
 * generated on the training machine by {@code training/transformer/make_tokenizer_fixtures.py} from the base model's
 * {@code tokenizer.json}: token ids for tricky texts, and what the normalizer and pre-tokenizer do with every single
 * code point.
 */
class WordPieceTokenizerTest {

    private static final int MAX_LENGTH = 256;
    private static WordPieceTokenizer tokenizer;

    @BeforeAll
    static void loadVocabulary() {
        tokenizer = TransformerToxicityModel.loadShippedTokenizer();
    }

    @Test
    void everyTokenKnowsTheStretchOfTheTextItWasReadFrom() throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<String> wrong = new ArrayList<>();
        try (BufferedReader r = reader("/toxicity-transformer/tokenizer_fixtures.jsonl", false)) {
            String line;
            while ((line = r.readLine()) != null) {
                String text = json.readTree(line).get("text").asText();
                WordPieceTokenizer.Encoding e = tokenizer.encodeWithOffsets(text, MAX_LENGTH);
                assertThat(e.ids()).isEqualTo(tokenizer.encode(text, MAX_LENGTH));
                int previousEnd = 0;
                for (int t = 1; t < e.ids().length - 1; t++) {
                    int begin = e.begin()[t];
                    int end = e.end()[t];
                    String piece = e.ids()[t] == WordPieceTokenizer.UNK_ID ? "" : tokenizer.piece(e.ids()[t]);
                    String normalized = WordPieceTokenizer.normalize(text.substring(begin, end));
                    if (begin < previousEnd - 1 || end <= begin || !normalized.contains(piece.replace("##", ""))) {
                        wrong.add(escape(text) + ": token " + t + " '" + piece + "' at [" + begin + "," + end + ")");
                    }
                    previousEnd = end;
                }
                assertThat(e.begin()[0]).isEqualTo(-1);
                assertThat(e.end()[e.ids().length - 1]).isEqualTo(-1);
            }
        }
        assertThat(wrong).as("tokens whose offsets do not spell them").isEmpty();
    }

    @Test
    void aTruncatedEncodingSaysWhereTheLeftOutPartBegins() {
        String text = "Première phrase. " + "word ".repeat(300);
        WordPieceTokenizer.Encoding e = tokenizer.encodeWithOffsets(text, 16);
        assertThat(e.truncated()).isTrue();
        assertThat(e.ids()).hasSize(16);
        assertThat(text.substring(e.begin()[1], e.end()[1])).isEqualTo("Première");
        assertThat(text.substring(0, e.coveredEnd())).endsWith("word");
        assertThat(tokenizer.encodeWithOffsets("short text", 16).truncated()).isFalse();
        assertThat(tokenizer.encodeWithOffsets("", 16).coveredEnd()).isZero();
    }

    @Test
    void producesTheSameIdsAsTheHuggingFaceTokenizerForEveryFixtureText() throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<String> mismatches = new ArrayList<>();
        int count = 0;
        try (BufferedReader r = reader("/toxicity-transformer/tokenizer_fixtures.jsonl", false)) {
            String line;
            while ((line = r.readLine()) != null) {
                JsonNode row = json.readTree(line);
                String text = row.get("text").asText();
                List<Integer> expected = new ArrayList<>();
                row.get("ids").forEach(n -> expected.add(n.asInt()));
                List<Integer> actual = new ArrayList<>();
                for (int id : tokenizer.encode(text, MAX_LENGTH)) {
                    actual.add(id);
                }
                if (!actual.equals(expected)) {
                    mismatches.add(escape(text) + "\n  expected " + expected + "\n  actual   " + actual);
                }
                count++;
            }
        }
        assertThat(count).isGreaterThan(300);
        assertThat(mismatches)
                .as("texts tokenized differently from Hugging Face")
                .isEmpty();
    }

    @Test
    void normalizesAndSplitsEveryCodePointLikeTheHuggingFaceTokenizer() throws IOException {
        List<String> mismatches = new ArrayList<>();
        long checked = 0;
        try (BufferedReader r = reader("/toxicity-transformer/codepoints.tsv.gz", true)) {
            String line;
            while ((line = r.readLine()) != null) {
                String[] f = line.split("\t", 3);
                int start = Integer.parseInt(f[0], 16);
                int end = Integer.parseInt(f[1], 16);
                for (int cp = start; cp <= end; cp++) {
                    String actual = classify(cp);
                    if (!actual.equals(f[2]) && mismatches.size() < 40) {
                        mismatches.add(Integer.toHexString(cp) + " expected " + f[2] + " actual " + actual);
                    }
                    checked++;
                }
            }
        }
        assertThat(checked).isEqualTo(0x110000 - 0x800);
        assertThat(mismatches)
                .as("code points handled differently from Hugging Face")
                .isEmpty();
    }

    @Test
    void truncatesLongCommentsToTheHeadAndAlwaysEndsWithSep() {
        String longComment = "word ".repeat(1000);

        int[] ids = tokenizer.encode(longComment, MAX_LENGTH);

        assertThat(ids).hasSize(MAX_LENGTH);
        assertThat(ids[0]).isEqualTo(WordPieceTokenizer.CLS_ID);
        assertThat(ids[MAX_LENGTH - 1]).isEqualTo(WordPieceTokenizer.SEP_ID);
        assertThat(ids[1]).isEqualTo(ids[MAX_LENGTH - 2]);
    }

    @Test
    void encodesEmptyTextAsClsSep() {
        assertThat(tokenizer.encode("", MAX_LENGTH))
                .containsExactly(WordPieceTokenizer.CLS_ID, WordPieceTokenizer.SEP_ID);
        assertThat(tokenizer.encode(" \u200b\t", MAX_LENGTH))
                .containsExactly(WordPieceTokenizer.CLS_ID, WordPieceTokenizer.SEP_ID);
    }

    @Test
    void stripsAccentsLowercasesAndSplitsPunctuation() {
        assertThat(WordPieceTokenizer.normalize("Café NAÏVE")).isEqualTo("cafe naive");
        assertThat(WordPieceTokenizer.preTokenize("you're an @$$hole!!"))
                .containsExactly("you", "'", "re", "an", "@", "$", "$", "hole", "!", "!");
    }

    /** The same classification make_tokenizer_fixtures.py writes, computed with the Java tokenizer. */
    private static String classify(int cp) {
        if (cp >= 0xD800 && cp <= 0xDFFF) {
            return "SURROGATE";
        }
        String c = new String(Character.toChars(cp));
        String n = WordPieceTokenizer.normalize("a" + c + "b");
        if (!n.startsWith("a") || !n.endsWith("b") || n.length() < 2) {
            return "BROKEN " + escape(n);
        }
        String mid = n.substring(1, n.length() - 1);
        List<String> pieces = WordPieceTokenizer.preTokenize(n);
        if (mid.isEmpty()) {
            return "DEL";
        }
        if (pieces.equals(List.of("a" + mid + "b"))) {
            return mid.equals(c) ? "KEEP" : "MAP " + hex(mid);
        }
        if (pieces.equals(List.of("a", "b"))) {
            return "WS";
        }
        if (pieces.size() == 3
                && pieces.get(0).equals("a")
                && pieces.get(2).equals("b")
                && pieces.get(1).equals(mid.strip())) {
            return pieces.get(1).equals(c) ? "SPLIT" : "SPLITMAP " + hex(pieces.get(1));
        }
        return "OTHER " + pieces;
    }

    private static String hex(String s) {
        StringBuilder sb = new StringBuilder();
        s.codePoints().forEach(cp -> sb.append(String.format("%06x", cp)));
        return sb.toString();
    }

    private static String escape(String s) {
        StringBuilder sb = new StringBuilder();
        s.codePoints().forEach(cp -> {
            if (cp < 0x20 || cp > 0x7e) {
                sb.append(String.format("\\u{%x}", cp));
            } else {
                sb.appendCodePoint(cp);
            }
        });
        return sb.toString();
    }

    private static BufferedReader reader(String resource, boolean gzip) throws IOException {
        InputStream in = WordPieceTokenizerTest.class.getResourceAsStream(resource);
        assertThat(in).as(resource).isNotNull();
        return new BufferedReader(new InputStreamReader(gzip ? new GZIPInputStream(in) : in, StandardCharsets.UTF_8));
    }
}
