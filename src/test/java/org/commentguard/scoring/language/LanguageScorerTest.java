package org.commentguard.scoring.language;

import org.commentguard.scoring.Iso639;
import org.commentguard.scoring.ScoringContext;
import org.commentguard.scoring.Signal;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LanguageScorerTest {

    private static LanguageScorer scorer;

    @BeforeAll
    static void loadModel() {
        scorer = new LanguageScorer();
    }

    @Test
    void describesItselfWithoutProbabilityAttributes() {
        assertThat(scorer.id()).isEqualTo("language");
        assertThat(scorer.attributes()).isEmpty();
        assertThat(scorer.model()).isEqualTo("opennlp-langdetect@1.3.0");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "The government announced new tariffs on steel imports today.|en",
                "I agree with you completely, the council should have listened to residents.|en",
                "Die Regierung hat heute neue Zölle auf Stahlimporte angekündigt.|de",
                "Ich stimme dir zu, das ist wirklich eine Katastrophe für die Wirtschaft.|de",
                "Le gouvernement a annoncé aujourd'hui de nouveaux droits de douane sur l'acier.|fr",
                "Je ne suis pas d'accord avec cet article, c'est trop simpliste.|fr",
                "El gobierno anunció hoy nuevos aranceles a las importaciones de acero.|es",
                "No estoy de acuerdo con el autor, la economía no funciona así.|es",
            })
    void detectsTheLanguageOfASentenceAsAnIso6391Code(String text, String expected) {
        // Declared for a site of the same language: detection is confident, the site prior plays no part.
        Signal signal = scorer.score(new ScoringContext(
                text,
                null,
                null,
                List.of(),
                org.commentguard.scoring.SiteScoringData.languagesOnly(List.of(expected))));
        assertThat(signal.details()).containsEntry("language", expected).containsEntry("detected", expected);
        assertThat((Double) signal.details().get("languageConfidence")).isBetween(LanguageScorer.MIN_CONFIDENCE, 1.0);
        assertThat(signal.reasons()).isEmpty();
        assertThat(signal.scores()).isEmpty();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> candidates =
                (List<Map<String, Object>>) signal.details().get("languages");
        assertThat(candidates).hasSize(3);
        assertThat(candidates.get(0)).containsEntry("language", expected);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "ok thanks",
                "lol",
                "Check out my channel",
                "THIS IS FUCKING EXPLODING",
                "@jim https://example.com/a/very/long/path/that/is/not/language 👍",
                ""
            })
    void assumesTheSiteLanguageInsteadOfGuessingOnShortTexts(String text) {
        Signal signal = scorer.score(ScoringContext.of(text));
        assertThat(signal.details())
                .containsEntry("detected", "und")
                .containsEntry("language", "en")
                .containsEntry("source", "site");
        assertThat(signal.reasons()).contains("language.undetermined");
    }

    @Test
    void ignoresLinksAndMentionsWhenDetecting() {
        Signal signal = scorer.score(ScoringContext.of("@hans_m https://www.example.com/english-words-here Das stimmt "
                + "leider, die Mieten in der Stadt sind viel zu hoch geworden."));
        assertThat(signal.details()).containsEntry("language", "de").containsEntry("source", "detected");
    }

    @Test
    void aDeclaredLanguageWinsAndIsReducedToItsPrimaryCode() {
        ScoringContext context = new ScoringContext(
                "Die Regierung hat heute neue Zölle auf Stahlimporte angekündigt.", null, null, List.of("en-GB"), null);
        Signal signal = scorer.score(context);
        assertThat(signal.details())
                .containsEntry("language", "en")
                .containsEntry("source", "declared")
                .containsEntry("detected", "de");
        assertThat(signal.reasons()).isEmpty();
    }

    @Test
    void theSitePriorOnlyMovesTextsDetectionIsUnsureAbout() {
        String german = "Die Regierung hat heute neue Zölle auf Stahlimporte angekündigt.";
        LanguageScorer.Detection englishSite = scorer.detect(german, List.of("en"));
        LanguageScorer.Detection germanSite = scorer.detect(german, List.of("de"));
        assertThat(englishSite.best()).isEqualTo("de");
        assertThat(englishSite.confident()).isTrue();
        assertThat(germanSite.confidence()).isGreaterThanOrEqualTo(englishSite.confidence());
    }

    @Test
    void posteriorIsAProbabilityDistributionThatFavoursTheSiteLanguages() {
        opennlp.tools.langdetect.Language[] flat = {
            new opennlp.tools.langdetect.Language("lat", 0.02),
            new opennlp.tools.langdetect.Language("eng", 0.019),
            new opennlp.tools.langdetect.Language("deu", 0.01)
        };
        double[] none = LanguageScorer.posterior(
                flat, List.of("en"), LanguageScorer.SHARPNESS, LanguageScorer.uniformPrior(List.of("en"), flat.length));
        double[] site =
                LanguageScorer.posterior(flat, List.of("en"), LanguageScorer.SHARPNESS, LanguageScorer.SITE_PRIOR);
        assertThat(none[0] + none[1] + none[2]).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(site[0] + site[1] + site[2]).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(none[0]).isGreaterThan(none[1]);
        assertThat(site[1]).isGreaterThan(site[0]);
    }

    @Test
    void mapsIso6393CodesToIso6391() {
        assertThat(Iso639.toAlpha2("eng")).isEqualTo("en");
        assertThat(Iso639.toAlpha2("deu")).isEqualTo("de");
        assertThat(Iso639.toAlpha2("cmn")).isEqualTo("zh");
        assertThat(Iso639.toAlpha2("ekk")).isEqualTo("et");
        assertThat(Iso639.toAlpha2("gsw")).isEqualTo("gsw");
    }
}
