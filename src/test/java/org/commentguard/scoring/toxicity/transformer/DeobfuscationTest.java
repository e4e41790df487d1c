package org.commentguard.scoring.toxicity.transformer;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class DeobfuscationTest {

    @Test
    void lettersDisguisedAsDigitsOrSymbolsInsideWordsAreReadAsLetters() {
        assertThat(Deobfuscation.readable("I h4te w0men")).isEqualTo("I hate women");
        assertThat(Deobfuscation.readable("what a sh!t show, k1ll it")).isEqualTo("what a shit show, kill it");
        assertThat(Deobfuscation.readable("SH1T")).isEqualTo("SHIT");
        assertThat(Deobfuscation.readable("sh!!t")).isEqualTo("shiit");
        assertThat(Deobfuscation.readable("d3str0y")).isEqualTo("destroy");
    }

    @Test
    void aOneIsReadAsAnLWhenOnlyThatMakesAWordTheModelKnows() {
        Set<String> vocabulary = Set.of("muslims", "kill");
        assertThat(Deobfuscation.readable("Mus1ims and k1ll", vocabulary::contains))
                .isEqualTo("Muslims and kill");
        assertThat(Deobfuscation.readable("Mus1ims", w -> false)).isEqualTo("Musiims");
    }

    @Test
    void numbersPricesTimesOrdinalsModelNumbersAndSentenceEndsStay() {
        for (String plain : new String[] {
            "It costs $5 at 4pm on the 4th.",
            "The G7 met; the B52 flew; Windows 10 and COVID-19.",
            "Great! Really great!",
            "Call 555-0100 or email me, 3 times.",
            "Plan B a bit later"
        }) {
            assertThat(Deobfuscation.readable(plain)).isEqualTo(plain);
        }
    }

    @Test
    void aWordSpelledOutLetterByLetterIsJoined() {
        assertThat(Deobfuscation.readable("you are a f u c k i n g idiot")).isEqualTo("you are a fucking idiot");
        assertThat(Deobfuscation.readable("k i l l them")).isEqualTo("kill them");
        assertThat(Deobfuscation.readable("the U S A")).isEqualTo("the USA");
        assertThat(Deobfuscation.readable("a b test")).isEqualTo("a b test");
        assertThat(Deobfuscation.readable("I a m here")).isEqualTo("I a m here");
    }
}
