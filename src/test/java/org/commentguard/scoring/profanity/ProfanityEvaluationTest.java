package org.commentguard.scoring.profanity;

import org.commentguard.scoring.ScoringContext;
import org.commentguard.scoring.Signal;
import org.commentguard.scoring.profanity.tools.ProfanityEvaluation;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Asserts the figures of models/profanity/MODEL_CARD.md on the pinned evaluation inputs in
 * models/profanity/data/eval/ (regenerate them with ProfanityEvaluation and update the card together).
 */
class ProfanityEvaluationTest {

    private static final Path EVAL = Path.of("models/profanity/data/eval");
    private static final ProfanityScorer SCORER = ProfanityScorer.shipped();

    private static List<String> lines(String file) throws IOException {
        List<String> out = new ArrayList<>();
        for (String l : Files.readAllLines(EVAL.resolve(file), StandardCharsets.UTF_8)) {
            if (!l.isBlank() && !l.startsWith("#")) {
                out.add(l);
            }
        }
        return out;
    }

    @Test
    void disguisedInputsAreTheOnesGeneratedFromTheShippedLexicon() throws IOException {
        List<LexiconEntry> entries;
        try (InputStream in = Files.newInputStream(Path.of("models/profanity/lexicon.tsv"))) {
            entries = ProfanityLexicon.parse(in);
        }
        List<String> expected = new ArrayList<>();
        for (String[] d : ProfanityEvaluation.disguise(entries)) {
            expected.add(String.join("\t", d));
        }
        assertThat(lines("disguised.tsv")).isEqualTo(expected);
    }

    @Test
    void catchesTheModelCardShareOfDisguisedLexiconTerms() throws IOException {
        List<String> rows = lines("disguised.tsv");
        int caught = 0;
        for (String row : rows) {
            String text = row.split("\t")[2];
            int vb = "well ".length();
            int ve = text.length() - " then".length();
            Signal s = SCORER.score(ScoringContext.of(text));
            if (s.spans().stream().anyMatch(sp -> sp.begin() < ve && sp.end() > vb)) {
                caught++;
            }
        }
        // MODEL_CARD.md, "catch rate, all disguised inputs": exact, since matching is deterministic.
        assertThat(rows).hasSize(9_957);
        assertThat(caught).isEqualTo(9_915);
    }

    @Test
    void flagsNoneOfTheCleanDictionaryWordsWithProfaneSubstrings() throws IOException {
        List<String> words = lines("clean-words.txt");
        long flagged = words.stream()
                .filter(w -> !SCORER.score(ScoringContext.of(w)).spans().isEmpty())
                .count();
        // MODEL_CARD.md: 0 of 1,828 (dev 0/909, held-out 0/919).
        assertThat(words).hasSize(1_828);
        assertThat(flagged).isZero();
    }

    @Test
    void almostNoCleanDictionaryWordOfTheEvaluationIsItselfAnAllowTerm() throws IOException {
        List<String> allow = shippedEntries().stream()
                .filter(LexiconEntry::allow)
                .map(LexiconEntry::term)
                .toList();
        // MODEL_CARD.md: 2 of the 1,828 clean words are allow terms, both WordNet lemmas; the other clean words
        // stay clean through the matching rules (1.2.0's hand-written allow.txt held 10 of them).
        assertThat(lines("clean-words.txt").stream().filter(allow::contains).sorted())
                .containsExactly("niggardliness", "snigger");
    }

    private static List<LexiconEntry> shippedEntries() throws IOException {
        try (InputStream in = Files.newInputStream(Path.of("models/profanity/lexicon.tsv"))) {
            return ProfanityLexicon.parse(in);
        }
    }

    private static java.util.Map<String, Severity> tiers() throws IOException {
        // Confirmed terms: block entries the lexicon does not also allow ("spunky" is both, so it is not profanity).
        List<LexiconEntry> entries = shippedEntries();
        java.util.Set<String> allowed = new java.util.HashSet<>();
        entries.stream().filter(LexiconEntry::allow).forEach(e -> allowed.add(e.term()));
        java.util.Map<String, Severity> tiers = new java.util.HashMap<>();
        entries.stream()
                .filter(e -> !e.allow() && !allowed.contains(e.term()))
                .forEach(e -> tiers.put(e.term(), e.severity()));
        return tiers;
    }

    @Test
    void everyLexiconTermScoresAsProfanityAndOnlyStrongTiersAsStrongProfanity() throws IOException {
        java.util.Map<String, Severity> tiers = tiers();
        assertThat(tiers.values()).contains(Severity.MILD, Severity.STRONG, Severity.SLUR);
        List<String> failures = new ArrayList<>();
        tiers.forEach((term, tier) -> {
            Signal s = SCORER.score(ScoringContext.of("well " + term + " then"));
            double profanity = s.scores().get("profanity");
            double strong = s.scores().get("strong_profanity");
            boolean strongTier = tier != Severity.MILD;
            if (profanity < 0.5 || (strongTier ? strong < 0.5 : strong >= 0.5)) {
                failures.add(tier.label() + " " + term + ": profanity " + profanity + ", strong " + strong);
            }
        });
        assertThat(failures).isEmpty();
    }

    @Test
    void everyCaughtDisguiseOfAMildTermScoresAtLeastHalf() throws IOException {
        java.util.Map<String, Severity> tiers = tiers();
        int mild = 0;
        int caught = 0;
        List<String> low = new ArrayList<>();
        for (String row : lines("disguised.tsv")) {
            String[] f = row.split("\t");
            if (tiers.get(f[1]) != Severity.MILD) {
                continue;
            }
            mild++;
            Signal s = SCORER.score(ScoringContext.of(f[2]));
            if (!s.spans().isEmpty()) {
                caught++;
                if (s.scores().get("profanity") < 0.5) {
                    low.add(row);
                }
            }
        }
        assertThat(mild).isGreaterThan(500);
        assertThat((double) caught / mild).isGreaterThanOrEqualTo(0.99);
        assertThat(low).isEmpty();
    }
}
