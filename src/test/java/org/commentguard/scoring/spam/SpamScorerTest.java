package org.commentguard.scoring.spam;

import org.commentguard.scoring.ScoringContext;
import org.commentguard.scoring.Signal;
import org.commentguard.scoring.SiteScoringData;
import org.commentguard.scoring.Span;
import org.commentguard.scoring.spam.training.LogisticRegression;
import org.commentguard.scoring.spam.training.SpamModelTrainer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The scorer's contract, on a tiny model trained inline (the shipped model is covered by ShippedSpamModelTest). */
class SpamScorerTest {

    private static SpamScorer scorer;

    @BeforeAll
    static void trainTinyModel() {
        String[] spam = {
            "check out my channel please subscribe",
            "subscribe to my channel for free gift cards",
            "visit www.free-stuff.biz now",
            "make money from home, message me",
            "my new video is up, check it out",
            "free iphone giveaway click here bit.ly/abc",
            "DM me for promo code",
            "please subscribe to my music",
            "earn money online at cashnow dot com",
            "follow me on instagram, link in bio",
            "contact him on whatsapp for bitcoin profits",
            "check out our band page guys",
        };
        String[] ham = {
            "I love this song so much", "the council should fix the roads first", "great article, thanks",
            "this guy sings like an angel", "I disagree with the premise of the piece", "who is watching in 2015",
            "the tariffs will hurt farmers the most", "best video ever made", "my dad played this on repeat",
            "the mayor lied about the budget again", "beautiful voice and lyrics", "what a performance that was",
        };
        SpamFeatures features = new SpamFeatures();
        List<SpamFeatures.Extraction> xs = new ArrayList<>();
        boolean[] ys = new boolean[spam.length + ham.length];
        int i = 0;
        for (String s : spam) {
            xs.add(features.extract(s));
            ys[i++] = true;
        }
        for (String h : ham) {
            xs.add(features.extract(h));
            ys[i++] = false;
        }
        scorer = new SpamScorer(SpamModelTrainer.train(xs, ys, LogisticRegression.Settings.DEFAULT), "spam-test@0");
    }

    @Test
    void describesItselfWithAStableIdAndOneAttribute() {
        assertThat(scorer.id()).isEqualTo("spam");
        assertThat(scorer.attributes()).containsExactly("spam");
        assertThat(scorer.model()).isEqualTo("spam-test@0");
    }

    @Test
    void scoresAreProbabilitiesForEveryKindOfInput() {
        for (String text : List.of(
                "",
                "   ",
                "!!!!!!!!!!!!!!!!",
                "a",
                "😀".repeat(500),
                "x".repeat(20_000),
                "CHECK OUT MY CHANNEL www.a.com www.b.com bit.ly/x +1 555 123 4567 me@x.com ".repeat(50))) {
            double score = scorer.score(ScoringContext.of(text)).scores().get("spam");
            assertThat(score)
                    .as(text.length() > 40 ? text.substring(0, 40) : text)
                    .isBetween(0.0, 1.0);
        }
    }

    @Test
    void rankClearSpamAboveOrdinaryComments() {
        double spam = scorer.score(ScoringContext.of("check out my channel, subscribe! www.my-vids.biz"))
                .scores()
                .get("spam");
        double ham = scorer.score(ScoringContext.of("the roads in this town are a disgrace"))
                .scores()
                .get("spam");
        assertThat(spam).isGreaterThan(0.5).isGreaterThan(ham);
    }

    @Test
    void spansPointAtTheOriginalText() {
        String text = "Ünïcödé 😀 Check out my channel: WWW.My-Vids.biz/x";
        Signal signal = scorer.score(ScoringContext.of(text));
        assertThat(signal.spans()).isNotEmpty();
        for (Span span : signal.spans()) {
            assertThat(span.attribute()).isEqualTo("spam");
            assertThat(span.text()).isEqualTo(text.substring(span.begin(), span.end()));
            assertThat(span.score()).isBetween(0.0, 1.0);
        }
        assertThat(signal.spans())
                .extracting(Span::text, Span::term)
                .contains(
                        org.assertj.core.groups.Tuple.tuple("Check out my", "promo"),
                        org.assertj.core.groups.Tuple.tuple("WWW.My-Vids.biz/x", "link"));
        assertThat(signal.reasons()).containsExactly("spam.link", "spam.promo");
    }

    @Test
    void reportsShoutingAndFloodingAsReasons() {
        Signal signal = scorer.score(ScoringContext.of("WHY IS NOBODY TALKING ABOUT THIS!!!!!!!"));
        assertThat(signal.reasons()).contains("spam.shouting", "spam.flooding");
    }

    @Test
    void flagsTheSameTextPostedAgainAndNotADifferentOne() {
        String spam = "Hi all, I am a small youtuber making covers of this song, a view would mean the world";
        List<String> recent = List.of(
                "The second verse is the best part of this song honestly",
                spam.replace("the world", "the world to me"));
        Signal again = scorer.score(context(spam, recent));
        assertThat(again.reasons()).contains("spam.duplicate");
        assertThat(again.details()).containsEntry("duplicates", 1);
        Signal fresh = scorer.score(context("Nobody can sing this like she did in the live version", recent));
        assertThat(fresh.reasons()).doesNotContain("spam.duplicate");
        assertThat(fresh.details()).containsEntry("duplicates", 0);
        assertThat(again.scores().get("spam"))
                .isGreaterThan(scorer.score(ScoringContext.of(spam)).scores().get("spam"));
    }

    @Test
    void doesNotCallShortRepliesDuplicates() {
        Signal signal = scorer.score(context("Agreed!", List.of("Agreed!", "agreed", "AGREED!!")));
        assertThat(signal.reasons()).doesNotContain("spam.duplicate");
    }

    private static ScoringContext context(String text, List<String> recent) {
        return new ScoringContext(text, null, null, List.of(), new SiteScoringData(List.of(), List.of(), recent));
    }
}
