package org.commentguard.scoring.profanity.tools;

import org.commentguard.scoring.profanity.LexiconEntry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How {@code training/allow-english.txt} is derived from word sources, on invented words that no source or list
 * holds, so that the test checks the derivation rather than the shipped entries.
 */
class EnglishAllowListTest {

    private static List<LexiconEntry> lexicon;

    @BeforeAll
    static void buildLexiconWithoutTheGeneratedAllowList() throws IOException {
        lexicon = ProfanityLexiconBuilder.build(Path.of("models/profanity"), false);
    }

    @Test
    void allowsSourceWordsThatATermMatchesOnlyThroughAnEndingOrAnAnywhereRoot() {
        // "Quashitani" holds the anywhere root "shit"; the surname "Shatz" is "shat" + z. Neither is a block term.
        Map<String, String> allowed = EnglishAllowList.derive(lexicon, Set.of("quashitani", "shatz"), Set.of());

        assertThat(allowed).containsEntry("quashitani", "shit").containsEntry("shatz", "shat");
    }

    @Test
    void neverAllowsABlockTermARejectedInflectionOrAWordNoTermMatches() {
        Map<String, String> allowed =
                EnglishAllowList.derive(lexicon, Set.of("fuck", "shitters", "meadowlark"), Set.of("shitters"));

        assertThat(allowed).isEmpty();
    }

    @Test
    void readsLowerCasedLetterRunsOfThreeOrMoreAndSkipsWordPieceContinuations(
            @org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Path source = dir.resolve("source.txt");
        java.nio.file.Files.writeString(source, "Quashitani met ox at the Quashitani gate\n##ing x2abc\n");

        assertThat(EnglishAllowList.words(source, 1)).containsExactlyInAnyOrder("quashitani", "met", "the", "gate");
        assertThat(EnglishAllowList.words(source, 2)).containsExactly("quashitani");
    }
}
