package org.commentguard.scoring.toxicity;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SentenceSplitterTest {

    private static List<String> sentences(String text) {
        return SentenceSplitter.split(text).stream()
                .map(s -> text.substring(s[0], s[1]))
                .toList();
    }

    @Test
    void splitsOnTerminalPunctuationFollowedBySpace() {
        assertThat(sentences("Good point. You are wrong!!! Why? ok"))
                .containsExactly("Good point.", "You are wrong!!!", "Why?", "ok");
    }

    @Test
    void keepsDecimalsAndDomainsInsideASentence() {
        assertThat(sentences("It costs 3.5 dollars at example.com today. Fine."))
                .containsExactly("It costs 3.5 dollars at example.com today.", "Fine.");
    }

    @Test
    void splitsOnLineBreaksAndKeepsClosingQuotes() {
        assertThat(sentences("He said \"stop.\" Then left\n\nsecond line"))
                .containsExactly("He said \"stop.\"", "Then left", "second line");
    }

    @Test
    void returnsNothingForBlankText() {
        assertThat(SentenceSplitter.split("  \n ")).isEmpty();
    }
}
