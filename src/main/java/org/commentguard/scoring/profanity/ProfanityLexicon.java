package org.commentguard.scoring.profanity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and writes the lexicon file {@code models/profanity/lexicon.tsv}: one entry per line, tab-separated,
 * {@code block <term> <severity> word|anywhere} or {@code allow <term>}, terms already in canonical form.
 * Lines starting with {@code #} are comments.
 */
public final class ProfanityLexicon {

    private ProfanityLexicon() {}

    public static List<LexiconEntry> parse(InputStream in) {
        List<LexiconEntry> entries = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int no = 0;
            while ((line = r.readLine()) != null) {
                no++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                switch (f[0]) {
                    case "block" -> {
                        if (f.length != 4) {
                            throw new IllegalArgumentException("lexicon line " + no + ": expected 4 fields");
                        }
                        entries.add(LexiconEntry.block(f[1], Severity.parse(f[2]), "anywhere".equals(f[3])));
                    }
                    case "allow" -> entries.add(LexiconEntry.allowed(f[1]));
                    default -> throw new IllegalArgumentException("lexicon line " + no + ": unknown kind " + f[0]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }

    public static String format(LexiconEntry e) {
        return e.allow()
                ? "allow\t" + e.term()
                : "block\t" + e.term() + "\t" + e.severity().label() + "\t" + (e.anywhere() ? "anywhere" : "word");
    }
}
