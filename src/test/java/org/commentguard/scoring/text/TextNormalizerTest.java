package org.commentguard.scoring.text;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class TextNormalizerTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "Hello World|hello world",
                "ＦＵＣＫ this|fuck this",
                "fúck|fuck",
                "fu\u200Bck|fuck",
                "f\u0301uck|fuck",
                "ѕһіт|shit",
                "fυck|fuck",
                "5h1t|shit",
                "a$$|ass",
                "@ss|ass",
                "sh!t|shit",
                "b00bs|boobs",
                "f*ck|f*ck",
                "f**k off|f**k off",
                "f u c k you|fuck you",
                "s.h.i.t happens|shit happens",
                "F-U-C-K|fuck",
                "fuuuuuck|fuuck",
                "classy|classy",
                "Don't stop!!!|dont stop",
                "\"FUCKING EXPLODING\"!!!|fucking exploding",
                "in 2018 at 10am the 1990s, 2nd try|in 2018 at 10am the 1990s 2nd try",
                "$100 cost|100 cost",
                "e.g. this|e g this",
            })
    void foldsEachDisguiseFamilyToTheCanonicalSpelling(String input, String canonical) {
        assertThat(TextNormalizer.canonical(input)).isEqualTo(canonical);
    }

    @Test
    void givesAnEmptyCanonicalTextForBlankInput() {
        assertThat(TextNormalizer.normalize(" \u200B\t ").canonical()).isEmpty();
        assertThat(TextNormalizer.normalize("").tokens()).isEmpty();
    }

    @Test
    void keepsBothReadingsOfAnAmbiguousLeetOne() {
        NormalizedText t = TextNormalizer.normalize("1ick");
        assertThat(t.canonical()).isEqualTo("iick");
        assertThat(t.alternative(0)).isEqualTo('l');
        assertThat(t.alternative(1)).isEqualTo((char) 0);
    }

    @Test
    void leavesWholeCyrillicWordsAloneButFoldsMixedScriptWords() {
        assertThat(TextNormalizer.canonical("привет мир")).isEqualTo("привет мир");
        assertThat(TextNormalizer.canonical("fuсk")).isEqualTo("fuck"); // Cyrillic es in a Latin word
    }

    @Test
    void mapsEveryCanonicalRangeBackToTheOriginalSpan() {
        String original = "Well, F.U.C.K   ｔｈｉｓ  sh!t";
        NormalizedText t = TextNormalizer.normalize(original);
        assertThat(t.canonical()).isEqualTo("well fuck this shit");
        int fuck = t.canonical().indexOf("fuck");
        assertThat(t.originalText(fuck, fuck + 4)).isEqualTo("F.U.C.K");
        int shit = t.canonical().indexOf("shit");
        assertThat(t.originalText(shit, shit + 4)).isEqualTo("sh!t");
        int th = t.canonical().indexOf("this");
        assertThat(t.originalText(th, th + 4)).isEqualTo("ｔｈｉｓ");
        for (int i = 0; i < t.length(); i++) {
            assertThat(t.originalBegin(i)).isLessThanOrEqualTo(t.originalEnd(i));
            assertThat(t.originalEnd(i)).isLessThanOrEqualTo(original.length());
        }
    }

    @Test
    void mapsAnEmptyRangeAtTheEndToTheEndOfTheOriginal() {
        NormalizedText t = TextNormalizer.normalize("ok!!");
        assertThat(t.originalBegin(2, 2)).isEqualTo(4);
        assertThat(t.originalEnd(2, 2)).isEqualTo(4);
    }

    @Test
    void collapsedRepeatsStillCoverTheWholeOriginalRun() {
        NormalizedText t = TextNormalizer.normalize("fuuuuuck!");
        assertThat(t.originalText(0, t.length())).isEqualTo("fuuuuuck");
    }

    @Test
    void mapsSupplementaryCharactersToBothUtf16Units() {
        String original = "𝐟𝐮𝐜𝐤 yes";
        NormalizedText t = TextNormalizer.normalize(original);
        assertThat(t.canonical()).isEqualTo("fuck yes");
        assertThat(t.originalText(0, 4)).isEqualTo("𝐟𝐮𝐜𝐤");
    }

    @Test
    void offersWordTokensWithOriginalOffsets() {
        NormalizedText t = TextNormalizer.normalize("Hi  THERE, 5h1t!");
        assertThat(t.tokens()).extracting(CanonicalToken::text).containsExactly("hi", "there", "shit");
        CanonicalToken last = t.tokens().get(2);
        assertThat("Hi  THERE, 5h1t!".substring(last.begin(), last.end())).isEqualTo("5h1t");
    }
}
