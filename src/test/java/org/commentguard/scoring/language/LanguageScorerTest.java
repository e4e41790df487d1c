package org.commentguard.scoring.language;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.commentguard.scoring.ScoringContext;
import org.commentguard.scoring.Signal;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

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
    @CsvSource(delimiter = '|', value = {
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
        Signal signal = scorer.score(ScoringContext.of(text));
        assertThat(signal.details()).containsEntry("language", expected);
        assertThat((Double) signal.details().get("languageConfidence")).isBetween(LanguageScorer.MIN_CONFIDENCE, 1.0);
        assertThat(signal.reasons()).isEmpty();
        assertThat(signal.scores()).isEmpty();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> candidates = (List<Map<String, Object>>) signal.details().get("languages");
        assertThat(candidates).hasSize(3);
        assertThat(candidates.get(0)).containsEntry("language", expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ok thanks", "lol", "Check out my channel", "THIS IS FUCKING EXPLODING",
            "@jim https://example.com/a/very/long/path/that/is/not/language 👍", ""})
    void saysUndeterminedInsteadOfGuessingOnShortOrAmbiguousTexts(String text) {
        Signal signal = scorer.score(ScoringContext.of(text));
        assertThat(signal.details()).containsEntry("language", "und");
        assertThat(signal.reasons()).containsExactly("language.undetermined");
    }

    @Test
    void ignoresLinksAndMentionsWhenDetecting() {
        Signal signal = scorer.score(ScoringContext.of(
                "@hans_m https://www.example.com/english-words-here Das stimmt leider, die Mieten sind viel zu hoch."));
        assertThat(signal.details()).containsEntry("language", "de");
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
