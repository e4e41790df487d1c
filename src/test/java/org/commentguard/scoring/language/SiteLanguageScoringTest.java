package org.commentguard.scoring.language;

import org.commentguard.scoring.ScoreResult;
import org.commentguard.scoring.Scorer;
import org.commentguard.scoring.ScoringContext;
import org.commentguard.scoring.ScoringPipeline;
import org.commentguard.scoring.Signal;
import org.commentguard.scoring.SiteScoringData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real language detector in a pipeline with an English-only toxicity scorer: which comments are scored, and in
 * which language, on sites that declare different languages.
 */
class SiteLanguageScoringTest {

    /** Stands in for the toxicity scorer: English only, like the shipped models, and cheap. */
    record EnglishOnly() implements Scorer {
        @Override
        public String id() {
            return "toxicity";
        }

        @Override
        public List<String> attributes() {
            return List.of("toxicity");
        }

        @Override
        public String model() {
            return "english-only@1";
        }

        @Override
        public Set<String> languages() {
            return Set.of("en");
        }

        @Override
        public Signal score(ScoringContext context) {
            return Signal.of(id(), model(), Map.of("toxicity", 0.5), List.of(), List.of());
        }
    }

    private static ScoringPipeline pipeline;

    @BeforeAll
    static void load() {
        pipeline = new ScoringPipeline(List.of(new LanguageScorer(), new EnglishOnly()));
    }

    private static ScoreResult score(String text, List<String> siteLanguages) {
        return pipeline.score(
                new ScoringContext(text, null, null, List.of(), SiteScoringData.languagesOnly(siteLanguages)));
    }

    /**
     * Short English comments from the shared data sets (Jigsaw 2018 train, Davidson et al., MLMA English) that the
     * previous rule (top-3 share of at least 0.42 over 20 letters) called Latin, Afrikaans, Minangkabau or Waray and
     * so left without a toxicity score; the last is the example from the issue. Listed by {@code LanguageEvaluation}.
     */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "\" Added a stub for article Duos II. (2¢) \"",
                "RT @LilTunechi: Pik taken by Biebz! Shout out my nig Jereme Rogers http://t.co/B1yhx9zuSV",
                "@user sorryi don't speak ping pong ching chong sushi chong",
                "@USER A vulgar attempt to reduce sisterhood to genitalia.....",
                "Whaaaaaat?  Excuse me while I puke.............",
                "Giovanni is gay and loves chunky wiener",
            })
    void shortEnglishThatDetectionMisreadIsScoredOnAnEnglishSite(String text) {
        ScoreResult result = score(text, List.of("en"));
        assertThat(result.language()).isEqualTo("en");
        assertThat(result.score("toxicity")).isNotNull();
        assertThat(result.reasons()).noneMatch(r -> r.endsWith(".language_unsupported"));
    }

    @Test
    void mixedTextIsScoredInTheSiteLanguageAndMarkedUncertain() {
        // Davidson et al.: Spanish dish names in an English tweet; detection leans Spanish but is not sure.
        ScoreResult result = score(
                "@KingLuger carne asada, Gallo pinto, tajadas verde, queso frito and a salad " + "With milca",
                List.of("en"));
        assertThat(result.language()).isEqualTo("en");
        assertThat(result.score("toxicity")).isNotNull();
        assertThat(result.reasons())
                .contains("language.uncertain", "language.undetermined")
                .noneMatch(r -> r.endsWith(".language_unsupported"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Die Bundesregierung will die Mietpreisbremse verlängern, doch die Opposition hält das für zu wenig. "
                        + "In den großen Städten steigen die Mieten seit Jahren schneller als die Einkommen.",
                "Le gouvernement a présenté mercredi son projet de budget, que l'opposition juge beaucoup trop optimiste. "
                        + "Les économistes doutent que la croissance soit au rendez-vous l'année prochaine.",
            })
    void aConfidentForeignParagraphOnAnEnglishSiteIsExplicitlyUnsupported(String text) {
        ScoreResult result = score(text, List.of("en"));
        assertThat(result.language()).isIn("de", "fr");
        assertThat(result.score("toxicity")).isNull();
        assertThat(result.reasons()).contains("toxicity.language_unsupported").doesNotContain("language.uncertain");
    }

    @Test
    void germanOnAGermanSiteIsUnsupportedForTheEnglishOnlyModelsWhileEnglishThereIsScored() {
        List<String> germanSite = List.of("de");
        ScoreResult german =
                score("Das ist doch völliger Unsinn, was die Regierung da wieder beschlossen hat.", germanSite);
        assertThat(german.language()).isEqualTo("de");
        assertThat(german.score("toxicity")).isNull();
        assertThat(german.reasons()).contains("toxicity.language_unsupported");
        // Too short to detect: assumed German, the site's language, so unsupported too (the policy decides).
        ScoreResult shortGerman = score("Stimmt genau!", germanSite);
        assertThat(shortGerman.language()).isEqualTo("de");
        assertThat(shortGerman.reasons()).contains("toxicity.language_unsupported");
        ScoreResult english =
                score("The council should have listened to the residents before closing the library.", germanSite);
        assertThat(english.language()).isEqualTo("en");
        assertThat(english.score("toxicity")).isNotNull();
    }

    @Test
    void aBilingualSiteScoresAnUncertainCommentInTheLanguageDetectionLeansTo() {
        ScoreResult result = score("Giovanni is gay and loves chunky wiener", List.of("de", "en"));
        assertThat(result.language()).isEqualTo("en");
        assertThat(result.score("toxicity")).isNotNull();
    }

    @Test
    void aSiteWithoutDeclaredLanguagesIsTreatedAsEnglish() {
        ScoreResult result = pipeline.score(ScoringContext.of("Giovanni is gay and loves chunky wiener"));
        assertThat(result.language()).isEqualTo(LanguageScorer.FALLBACK);
        assertThat(result.score("toxicity")).isNotNull();
    }
}
