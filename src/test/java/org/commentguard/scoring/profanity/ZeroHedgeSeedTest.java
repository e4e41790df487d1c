package org.commentguard.scoring.profanity;

import org.commentguard.scoring.ScoringContext;
import org.commentguard.scoring.Signal;
import org.commentguard.scoring.Span;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The seed ZeroHedge page (article + comment thread), copied from shared/seeds/004_cbdc01941bd59647.txt. */
class ZeroHedgeSeedTest {

    private static String page() throws IOException {
        try (InputStream in = ZeroHedgeSeedTest.class.getResourceAsStream("/profanity/zerohedge-thread.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void flagsTheProfaneCommentsOnTheRightCharactersAndNothingInTheArticle() throws IOException {
        String page = page();
        int commentsStart = page.indexOf("\nComments\n");
        assertThat(commentsStart).isPositive();
        Signal s = ProfanityScorer.shipped().score(ScoringContext.of(page));

        assertThat(s.spans()).allSatisfy(span -> {
            assertThat(span.begin()).isGreaterThan(commentsStart);
            assertThat(page.substring(span.begin(), span.end())).isEqualTo(span.text());
        });
        assertThat(s.spans()).extracting(Span::text).containsExactly("fubar", "FUCKING", "FUCKING", "STFU");
        int madeInChina = page.indexOf("It ALL IS FUCKING MADE IN CHINA");
        assertThat(s.spans().get(1).begin()).isEqualTo(madeInChina + "It ALL IS ".length());
        int exploding = page.indexOf("Head \"FUCKING EXPLODING\"");
        assertThat(s.spans().get(2).begin()).isEqualTo(exploding + "Head \"".length());
        assertThat(s.spans().get(3).begin()).isEqualTo(page.indexOf("STFU"));
        assertThat(s.scores().get("profanity")).isGreaterThan(0.9);
    }

    @Test
    void findsNoProfanityInTheArticleProseAlone() throws IOException {
        String page = page();
        String article = page.substring(0, page.indexOf("\nComments\n"));
        assertThat(ProfanityScorer.shipped().score(ScoringContext.of(article)).spans())
                .isEmpty();
    }
}
