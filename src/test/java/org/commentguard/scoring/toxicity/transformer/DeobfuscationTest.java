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

    @Test
    void theMappedTextSaysWhereEachOfItsCharactersWasWritten() {
        Set<String> vocabulary = Set.of("muslims");
        for (String written : new String[] {
            "you are a f u c k i n g idiot, k1ll it",
            "a f u c k i n g mess and I a m here",
            "All Mus1ims, the U S A and s h i t",
            "nothing disguised here"
        }) {
            Deobfuscation.Readable r = Deobfuscation.mapped(written, vocabulary::contains);
            assertThat(r.text()).isEqualTo(Deobfuscation.readable(written, vocabulary::contains));
            for (int i = 0; i < r.text().length(); i++) {
                int at = r.original(i, written.length());
                assertThat(at).isBetween(i, written.length() - 1);
                if (Character.isLetter(written.charAt(at))) {
                    assertThat(Character.toLowerCase(r.text().charAt(i)))
                            .as("%s at %d", written, i)
                            .isEqualTo(Character.toLowerCase(written.charAt(at)));
                }
            }
            assertThat(r.original(r.text().length(), written.length())).isEqualTo(written.length());
        }
        Deobfuscation.Readable joined = Deobfuscation.mapped("you f u c k off", w -> false);
        int f = joined.text().indexOf("fuck");
        assertThat("you f u c k off".substring(joined.original(f, 15), joined.original(f + 3, 15) + 1))
                .isEqualTo("f u c k");
    }
}
