package org.commentguard.policy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TermMatcherTest {

    @ParameterizedTest(name = "\"{0}\" contains {1}: {2}")
    @CsvSource(delimiter = '|', value = {
            "what a scumbag|scumbag|true",
            "What a SCUMBAG!|scumbag|true",
            "what a $cumb4g|scumbag|true",
            "what a scuuumbag|scumbag|true",
            "what a scümbag|scumbag|true",
            "scumbaggery|scumbag|false",
            "a total rip off here|rip off|true",
            "a total ripoff here|rip off|false",
            "nothing here|scumbag|false"})
    void findsTermsAsWholeWordsInCanonicalForm(String text, String term, boolean found) {
        assertThat(TermMatcher.find(text, List.of(term)).isEmpty()).isEqualTo(!found);
    }

    @ParameterizedTest(name = "\"{0}\" → [{1},{2})")
    @CsvSource(delimiter = '|', value = {"well, darn it|6|10", "DARN|0|4", "x rip  off y|2|10"})
    void reportsTheMatchInOriginalTextOffsets(String text, int begin, int end) {
        List<TermMatcher.Match> matches = TermMatcher.find(text, List.of("darn", "rip off"));
        assertThat(matches).singleElement().satisfies(m -> {
            assertThat(m.begin()).isEqualTo(begin);
            assertThat(m.end()).isEqualTo(end);
        });
    }
}
