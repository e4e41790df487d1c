package org.commentguard.scoring.toxicity;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class ToxicityTextNormalizerTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "You are an IDIOT        | you are an idiot",
                "sh1t                    | shit",
                "sh!t happens!           | shit happens!",
                "@sshole                 | xuserx",
                "you're a l0ser          | you're a loser",
                "soooooo stupiddddd      | soo stupidd",
                "I paid 100 dollars      | i paid 100 dollars",
                "see https://x.com/a now | see xurlx now",
                "ｆｕｌｌ ｗｉｄｔｈ       | full width",
            })
    void normalisesCommentText(String input, String expected) {
        assertThat(ToxicityTextNormalizer.normalize(input)).isEqualTo(expected);
    }

    @Test
    void removesInvisibleCharactersAndCollapsesWhiteSpace() {
        assertThat(ToxicityTextNormalizer.normalize("zero\u200bwidth  a   lot\tof\n\nspace "))
                .isEqualTo("zerowidth a lot of space");
    }
}
