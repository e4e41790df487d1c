package org.commentguard.scoring.offtopic;

import org.commentguard.article.text.ArticleTextExtractor;
import org.commentguard.article.text.CleanArticle;
import org.commentguard.scoring.ScoringContext;
import org.commentguard.scoring.ScoringContext.ArticleText;
import org.commentguard.scoring.Signal;
import org.commentguard.scoring.SiteScoringData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Uses the shipped calibration and the real MiniLM model, loaded once for the class. */
class OffTopicScorerTest {

    private static OffTopicScorer scorer;
    private static ArticleText tradeWar;

    /** Comments from the ZeroHedge thread under the trade-war article (seed 004). */
    private static final String GOLD_CRYPTO = "What you say and feel on ZH is not relevant. You should get some gold,"
            + " crypto, stocks, and property. If you don't have it, you ain't nobody... STFU ...";

    private static final String MADE_IN_CHINA = "China MUST disengage from the US economy... the sooner the better..."
            + " no matter what concessions are made, there are an infinite number more behind them that threaten"
            + " China's destiny. China's future lies in the BRI/ Made in China... It also lies in turning the half of"
            + " humanity that lives in poverty into affluent customers. The West is a sinking ship.";

    @BeforeAll
    static void loadModel() throws IOException {
        scorer = new OffTopicScorer(OffTopicModel.loadShipped());
        try (InputStream in = OffTopicScorerTest.class.getResourceAsStream(
                "/org/commentguard/article/text/seeds/004_cbdc01941bd59647.txt")) {
            CleanArticle a =
                    new ArticleTextExtractor().fromPlainText(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            tradeWar = new ArticleText(a.title(), a.body());
        }
    }

    private static Signal score(String text, ArticleText article, String parent) {
        return scorer.score(new ScoringContext(
                text, Optional.ofNullable(article), Optional.ofNullable(parent), List.of("en"), SiteScoringData.NONE));
    }

    private static double offTopic(Signal s) {
        return s.scores().get("off_topic");
    }

    @Test
    void goldAndCryptoRantIsOffTopicUnderTheTradeWarArticle() {
        Signal s = score(GOLD_CRYPTO, tradeWar, null);

        assertThat(offTopic(s)).isGreaterThanOrEqualTo(0.5);
        assertThat(s.reasons()).contains("off_topic");
    }

    @Test
    void videoChannelPromotionIsOffTopicUnderTheTradeWarArticle() {
        Signal s = score(
                "Lynette Zang is doing a number of great videos on it, go subscribe to her channel."
                        + " You'll need physical gold and silver to survive the coming hyperinflation.",
                tradeWar,
                null);

        assertThat(offTopic(s)).isGreaterThanOrEqualTo(0.5);
    }

    @Test
    void commentsAboutTariffsAndTheTalksAreOnTopic() {
        for (String c : List.of(
                MADE_IN_CHINA,
                "These tariffs on Chinese steel and aluminum will just be paid by American consumers.",
                "Mnuchin and Lighthizer won't get Xi to give up Made in China 2025, the trade deficit is here to stay.")) {
            Signal s = score(c, tradeWar, null);
            assertThat(offTopic(s)).as(c).isLessThan(0.5);
            assertThat(s.reasons()).doesNotContain("off_topic");
        }
    }

    @Test
    void rantScoresHigherThanTheOnTopicComment() {
        assertThat(offTopic(score(GOLD_CRYPTO, tradeWar, null)))
                .isGreaterThan(offTopic(score(MADE_IN_CHINA, tradeWar, null)) + 0.3);
    }

    @Test
    void replyThatEngagesAnOnTopicParentIsNotFlaggedEvenWhenItDriftsFromTheArticle() {
        String parent = "We could try and teach Trump the requirements of free trade. Why did the jobs go to Mexico"
                + " after NAFTA? Would you invest in the US with these wages and tariffs?";
        String reply = "Free trade only worked for Britain after it repealed the Corn Laws; cheap food mattered more"
                + " than the landed aristocracy, and that is the choice about wages you describe.";

        Signal alone = score(reply, tradeWar, null);
        Signal asReply = score(reply, tradeWar, parent);

        assertThat(offTopic(asReply)).isLessThan(0.5);
        assertThat(offTopic(asReply)).isLessThanOrEqualTo(offTopic(alone));
        assertThat(asReply.details()).containsKeys("parentEngagement", "parentRelevance");
    }

    @Test
    void replyEngagingItsParentIsOnTopicWhenThereIsNoArticle() {
        Signal s = score(
                "I disagree, gold has been a terrible hedge against inflation since 1980.",
                null,
                "Buy gold now, it is the only real protection against inflation and money printing.");

        assertThat(offTopic(s)).isLessThan(0.5);
    }

    @Test
    void unrelatedReplyScoresFarAboveAnEngagedReplyWhenThereIsNoArticle() {
        String parent = "Buy gold now, it is the only real protection against inflation and money printing.";
        Signal engaged =
                score("I disagree, gold has been a terrible hedge against inflation since 1980.", null, parent);
        Signal unrelated =
                score("My cat knocked over the christmas tree again and the lights are broken.", null, parent);

        assertThat(offTopic(unrelated)).isGreaterThan(offTopic(engaged) + 0.3);
    }

    @Test
    void replyEngagingAnOffTopicParentIsStillOffTopic() {
        Signal s = score(
                "Gold and crypto are the only way to survive, I bought more silver coins this week too.",
                tradeWar,
                GOLD_CRYPTO);

        assertThat(offTopic(s)).isGreaterThanOrEqualTo(0.5);
        assertThat((Double) s.details().get("parentRelevance")).isLessThan(0.5);
        assertThat(s.reasons()).contains("off_topic", "off_topic.parent_off_topic");
    }

    @Test
    void scoreIsNullWithoutArticleOrParent() {
        Signal s = scorer.score(ScoringContext.of("You should get some gold."));

        assertThat(s.scores()).containsEntry("off_topic", null);
        assertThat(s.reasons()).containsExactly("off_topic.no_context");
        assertThat(s.error()).isNull();
    }

    @Test
    void closestArticleSentencesAreReportedWithTheirSimilarity() {
        Signal s =
                score("Why would Beijing scrap Made in China 2025 just because Washington demands it?", tradeWar, null);

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> closest =
                (List<Map<String, Object>>) s.details().get("closestSentences");
        assertThat(closest).isNotEmpty().hasSizeLessThanOrEqualTo(3);
        assertThat(closest.get(0).get("text").toString()).containsIgnoringCase("Made in China 2025");
        // Each entry quotes a sentence of the article and carries one measure (meaning or shared words), best first.
        String measure = closest.get(0).containsKey("similarity") ? "similarity" : "wordOverlap";
        double previous = Double.POSITIVE_INFINITY;
        for (Map<String, Object> sentence : closest) {
            assertThat(tradeWar.title() + "\n" + tradeWar.body())
                    .contains(sentence.get("text").toString());
            assertThat(sentence).containsOnlyKeys("text", measure);
            double value = (Double) sentence.get(measure);
            assertThat(value).isPositive().isLessThanOrEqualTo(previous);
            previous = value;
        }
    }

    @Test
    void offTopicCommentExplainsWithSimilaritiesBecauseTheEmbeddingWasComputed() {
        Signal s = score(GOLD_CRYPTO, tradeWar, null);

        assertThat(s.details()).containsEntry("embedding", "computed");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> closest =
                (List<Map<String, Object>>) s.details().get("closestSentences");
        assertThat(closest).hasSize(3);
        assertThat((Double) closest.get(0).get("similarity")).isBetween(-1.0, 1.0);
    }

    @Test
    void veryShortReactionIsNeverFlagged() {
        Signal s = score("Exactly!", tradeWar, null);

        assertThat(offTopic(s)).isLessThanOrEqualTo(0.3);
        assertThat(s.reasons()).contains("off_topic.too_short");
    }

    private static Signal scoreInThread(String text, ArticleText article, List<String> thread) {
        return scorer.score(new ScoringContext(
                text, Optional.ofNullable(article), Optional.empty(), List.of("en"), SiteScoringData.NONE, thread));
    }

    private static final List<String> TRADE_THREAD = List.of(
            "Tariffs on Chinese steel will be paid by American importers in the end.",
            "Xi will never give up Made in China 2025, whatever Mnuchin promises in Beijing.",
            "The trade deficit with China is structural, the talks will not change it.",
            "Lighthizer wants enforcement of the intellectual property rules, that is the real fight.",
            "If the EU joins the WTO complaint, China will have to move on IP theft.");

    @Test
    void goldIsADriftThemeUnderATradeStoryButNotUnderAStoryAboutGold() {
        String comment = "Gold and silver are the only real money, buy physical bullion before fiat paper burns.";
        ArticleText goldStory = new ArticleText(
                "Gold hits a record as investors flee the dollar",
                "Gold rose to a record on Tuesday as investors bought bullion and silver, worried that central banks"
                        + " will keep printing fiat money. Dealers said demand for physical coins and bars was the"
                        + " highest in a decade. Silver followed gold higher.");

        Signal underTrade = score(comment, tradeWar, null);
        Signal underGold = score(comment, goldStory, null);

        assertThat(offTopic(underTrade)).isGreaterThanOrEqualTo(0.5);
        assertThat(underTrade.reasons()).contains("off_topic.drift_theme");
        assertThat(offTopic(underGold)).isLessThan(0.5);
        assertThat(underGold.reasons()).doesNotContain("off_topic.drift_theme");
        assertThat(offTopic(underGold)).isLessThan(offTopic(underTrade) - 0.3);
    }

    @Test
    void threadSignalsAreMeasuredAgainstTheSiblingsAndExplained() {
        Signal s = scoreInThread(
                "My grandson just started college and he loves his new dormitory and the food.",
                tradeWar,
                TRADE_THREAD);

        @SuppressWarnings("unchecked")
        Map<String, Object> drift = (Map<String, Object>) s.details().get("drift");
        assertThat(drift).containsEntry("threadSize", TRADE_THREAD.size());
        assertThat((Double) drift.get("threadSimilarity")).isLessThan((Double) drift.get("siblingSimilarity"));
        @SuppressWarnings("unchecked")
        List<String> notEngaged = (List<String>) s.details().get("notEngaged");
        assertThat(notEngaged).anySatisfy(line -> assertThat(line).contains("further from the rest of the thread"));
        assertThat(notEngaged).anySatisfy(line -> assertThat(line).contains("none of the article's names"));
        assertThat(offTopic(s)).isGreaterThanOrEqualTo(0.5);
    }

    @Test
    void aCommentInTheThreadsMainstreamIsNotAThreadOutlier() {
        Signal s = scoreInThread(
                "China will not drop its industrial policy for a tariff truce, the deficit stays.",
                tradeWar,
                TRADE_THREAD);

        assertThat(s.reasons()).doesNotContain("off_topic.thread_outlier", "off_topic");
    }

    @Test
    void withoutArticleOrParentTheThreadIsTheReference() {
        Signal onTopic = scoreInThread(
                "Made in China 2025 is not negotiable for Beijing, the tariffs will stay.", null, TRADE_THREAD);
        Signal offTopic = scoreInThread(
                "Subscribe to my YouTube channel for daily videos on precious metals.", null, TRADE_THREAD);

        assertThat(onTopic.details()).containsEntry("reference", "thread");
        assertThat(offTopic(offTopic)).isGreaterThan(offTopic(onTopic) + 0.3);
    }

    @Test
    void fewerThanThreeSiblingsLeaveTheThreadOut() {
        Signal s = scoreInThread(MADE_IN_CHINA, tradeWar, TRADE_THREAD.subList(0, 2));

        @SuppressWarnings("unchecked")
        Map<String, Object> drift = (Map<String, Object>) s.details().get("drift");
        assertThat(drift).doesNotContainKey("threadSimilarity");
        assertThat(scoreInThread("You should get some gold.", null, TRADE_THREAD.subList(0, 2))
                        .reasons())
                .containsExactly("off_topic.no_context");
    }

    @Test
    void reportsItsIdAttributesAndModelVersion() {
        assertThat(scorer.id()).isEqualTo("off_topic");
        assertThat(scorer.attributes()).containsExactly("off_topic");
        assertThat(scorer.model()).startsWith("offtopic@");
        assertThat(score(GOLD_CRYPTO, tradeWar, null).model()).isEqualTo(scorer.model());
    }
}
