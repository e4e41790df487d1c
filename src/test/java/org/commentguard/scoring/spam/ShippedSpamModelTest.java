package org.commentguard.scoring.spam;

import org.commentguard.scoring.ScoringContext;
import org.commentguard.scoring.Signal;
import org.commentguard.scoring.model.ModelArtifact;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Behaviour of the shipped model (models/spam) on cases the model card promises. */
class ShippedSpamModelTest {

    private static SpamScorer scorer;

    @BeforeAll
    static void loadShippedModel() {
        scorer = new SpamScorer(ModelArtifact.load(SpamScorer.MODEL_DIR));
    }

    private static double spam(String text) {
        return scorer.score(ScoringContext.of(text)).scores().get("spam");
    }

    @Test
    void carriesTheModelNameAndVersion() {
        assertThat(scorer.model()).startsWith("spam-lr@");
    }

    @Test
    void aCivilParagraphCitingReutersIsNotSpam() {
        String text = "The new tariffs will hit European carmakers hardest, and the retaliation already announced "
                + "targets American farm exports. Economists warned that the effect on inflation could be larger "
                + "than the administration claims, especially if the dollar weakens further. See "
                + "https://www.reuters.com/markets/us/tariffs-analysis-2025-04-03/ for the numbers.";
        Signal signal = scorer.score(ScoringContext.of(text));
        assertThat(signal.scores().get("spam")).isLessThan(0.2);
        assertThat(signal.reasons()).doesNotContain("spam.link");
    }

    @Test
    void aCivilParagraphWithAnUnknownLinkIsStillBelowTheThreshold() {
        String text = "The new tariffs will hit European carmakers hardest, and the retaliation already announced "
                + "targets American farm exports. Economists warned that the effect on inflation could be larger "
                + "than the administration claims, especially if the dollar weakens further. See "
                + "https://www.someblog.net/tariffs-analysis for the numbers.";
        Signal signal = scorer.score(ScoringContext.of(text));
        assertThat(signal.scores().get("spam")).isLessThan(0.5);
        assertThat(signal.reasons()).contains("spam.link");
    }

    @Test
    void shoutingAloneIsNotSpam() {
        assertThat(spam("THIS IS FUCKING EXPLODING")).isLessThan(0.2);
    }

    @Test
    void selfPromotionAndContactPitchesAreSpam() {
        assertThat(spam("Hey guys check out my channel and please subscribe!!!"))
                .isGreaterThan(0.9);
        assertThat(spam("I invested in bitcoin with Mrs Jane Doe, an expert trader, and earned $45,000 in two "
                        + "weeks. Contact her on WhatsApp +1 (555) 123-4567"))
                .isGreaterThan(0.9);
        assertThat(spam("I made $8,000 last month working from home, ask me how: cashnow dot com"))
                .isGreaterThan(0.9);
    }

    @Test
    void ordinaryCommentsAreNotSpam() {
        assertThat(spam("Great article, thanks.")).isLessThan(0.2);
        assertThat(spam("The council has ignored the potholes on Main Street for three years now."))
                .isLessThan(0.2);
        assertThat(spam("Gold is up 3% this week; anyone holding bullion made a nice profit."))
                .isLessThan(0.2);
    }
}
