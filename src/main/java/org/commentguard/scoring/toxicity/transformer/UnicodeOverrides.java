package org.commentguard.scoring.toxicity.transformer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Code points that the Hugging Face tokenizer treats differently from the Unicode 13 rules in
 * {@link WordPieceTokenizer}, because its Rust crates carry older Unicode tables (characters added or
 * re-categorised since then). Read from {@code hf-unicode-overrides.tsv} next to this class; the file is generated
 * by {@code HfUnicodeOverridesGenerator} (test sources) from the per-code-point fixture written on the training
 * machine, and {@code WordPieceTokenizerTest} proves that rules + overrides match Hugging Face on every code point.
 *
 * <p>Line format: {@code <hex code point> TAB KEEP | DEL | WS | SPLIT | MAP <hex utf-32> | SPLITMAP <hex utf-32>}.
 */
final class UnicodeOverrides {

    static final String RESOURCE = "hf-unicode-overrides.tsv";

    /** What the normalizer emits for the code point. */
    static final Map<Integer, String> NORMALIZED;
    /** Whether the pre-tokenizer treats the code point as punctuation. */
    static final Map<Integer, Boolean> PUNCTUATION;

    static {
        Map<Integer, String> normalized = new HashMap<>();
        Map<Integer, Boolean> punctuation = new HashMap<>();
        InputStream in = UnicodeOverrides.class.getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException("missing resource " + RESOURCE);
        }
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                int cp = Integer.parseInt(f[0], 16);
                String self = new String(Character.toChars(cp));
                String[] kind = f[1].split(" ", 2);
                switch (kind[0]) {
                    case "KEEP" -> {
                        normalized.put(cp, self);
                        punctuation.put(cp, false);
                    }
                    case "DEL" -> normalized.put(cp, "");
                    case "WS" -> normalized.put(cp, " ");
                    case "SPLIT" -> {
                        normalized.put(cp, " " + self + " ");
                        punctuation.put(cp, true);
                    }
                    case "MAP" -> normalized.put(cp, decode(kind[1]));
                    case "SPLITMAP" -> normalized.put(cp, " " + decode(kind[1]) + " ");
                    default -> throw new IllegalStateException("bad line in " + RESOURCE + ": " + line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        NORMALIZED = Map.copyOf(normalized);
        PUNCTUATION = Map.copyOf(punctuation);
    }

    private UnicodeOverrides() {}

    static String decode(String hex) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i + 6 <= hex.length(); i += 6) {
            sb.appendCodePoint(Integer.parseInt(hex.substring(i, i + 6), 16));
        }
        return sb.toString();
    }
}
