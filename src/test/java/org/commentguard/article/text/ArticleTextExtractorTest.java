package org.commentguard.article.text;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fixtures are the five seed pages of {@code ../shared/seeds/} (plain-text dumps of real pages about the 2018
 * US–China trade talks: 000 and 001 Axios, 002 GZERO Media, 003 Asia Times, 004 ZeroHedge with its comment
 * thread), copied unchanged into {@code src/test/resources/org/commentguard/article/text/seeds/}.
 */
class ArticleTextExtractorTest {

    private final ArticleTextExtractor extractor = new ArticleTextExtractor();

    private static String seed(String name) throws IOException {
        try (InputStream in = ArticleTextExtractorTest.class.getResourceAsStream("seeds/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void axiosPageKeepsTheStoryAndDropsCreditsNewsletterAndGoDeeperTeasers() throws IOException {
        CleanArticle a = extractor.fromPlainText(seed("000_d022ffe205932621.txt"));

        assertThat(a.body())
                .contains("Tomorrow, a seven person U.S. trade delegation will arrive in Beijing")
                .contains("In key industries, Chinese firms have matched or even surpassed their U.S. competitors.")
                .contains("President Xi sees U.S. trade threats as an attempt to contain")
                .doesNotContain("Photo: Brendan Smialowski")
                .doesNotContain("Sign up for Signal")
                .doesNotContain("Go deeper")
                .doesNotContain("Fund managers start to board the stock bandwagon")
                .doesNotContain("Roger Stone")
                .doesNotContain("2 hours ago");
    }

    @Test
    void axiosNewsletterBannerIsRemovedBeforeTheStory() throws IOException {
        CleanArticle a = extractor.fromPlainText(seed("001_c552013b70769501.txt"));

        assertThat(a.body())
                .startsWith("Tomorrow, a seven person U.S. trade delegation")
                .contains("The problem is that America’s real gripe is with China’s competing political and economic model.")
                .doesNotContain("Sign up")
                .doesNotContain("daily digest")
                .doesNotContain("Sports news worthy of your time")
                .doesNotContain("Get the inside stories")
                .doesNotContain("curated by Mike Allen");
    }

    @Test
    void gzeroPageKeepsHeadlineAndStoryButNotTheMoreFromSection() throws IOException {
        CleanArticle a = extractor.fromPlainText(seed("002_e6bd56ca8fbb9500.txt"));

        assertThat(a.title()).isEqualTo("America First Meets China, Inc.");
        assertThat(a.body())
                .contains("Both the US and Chinese leaders see trade as a question of national renewal and preeminence.")
                .doesNotContain("More from GZERO Media")
                .doesNotContain("Kishida")
                .doesNotContain("REUTERS/")
                .doesNotContain("Haiti");
    }

    @Test
    void asiaTimesPageDropsSubheadsAndTheAppPromotion() throws IOException {
        CleanArticle a = extractor.fromPlainText(seed("003_ecd857375214579b.txt"));

        assertThat(a.body())
                .contains("US Treasury Secretary Steven Mnuchin will head to Beijing next week for trade talks.")
                .contains("Round two in Beijing next week will certainly be an ideological slugfest.")
                .doesNotContain("Asia Times has relaunched")
                .doesNotContain("Download our");
        assertThat(a.removed()).contains("Verbal volleys", "Communist Party");
    }

    @Test
    void zeroHedgeCommentThreadNeverEndsUpInTheArticleBody() throws IOException {
        CleanArticle a = extractor.fromPlainText(seed("004_cbdc01941bd59647.txt"));

        assertThat(a.title()).isEqualTo("White House Pushes Beijing To Roll Back \"Made In China 2025\" Initiative");
        assertThat(a.body())
                .contains("China has presented the Trump administration with plans to boost aircraft")
                .contains("investors will likely be watching closely for headlines from the talks")
                .doesNotContain("Permalink")
                .doesNotContain("In reply to")
                .doesNotContain("gold, crypto")
                .doesNotContain("Batman11")
                .doesNotContain("FUCKING")
                .doesNotContain("Corn Laws");
        assertThat(a.removed()).contains("You should get some gold, crypto, stocks, and property.");
    }

    @Test
    void headlineAbovePhotoCreditOrDatelineIsKeptWhileAHeadingAboveASignUpIsDropped() {
        String story = "The council voted on Monday to build protected bike lanes along two miles of Main Street,"
                + " removing about 120 parking spaces after a year of debate.";
        CleanArticle credited = extractor.fromPlainText("Council Approves Bike Lanes on Main Street\n"
                + "Photo: A cyclist on Main Street. Photo: J. Whitfield/City Desk\n" + story + "\n"
                + "Local news worth your morning\nSign up for the City Desk newsletter.\n");
        CleanArticle dated = extractor.fromPlainText("Council Approves Bike Lanes on Main Street\n3 hours ago\n"
                + story + "\n");

        assertThat(credited.title()).isEqualTo("Council Approves Bike Lanes on Main Street");
        assertThat(credited.body()).isEqualTo(story);
        assertThat(credited.removed()).contains("Photo: A cyclist on Main Street. Photo: J. Whitfield/City Desk",
                "Local news worth your morning", "Sign up for the City Desk newsletter.");
        assertThat(dated.title()).isEqualTo("Council Approves Bike Lanes on Main Street");
        assertThat(dated.removed()).containsExactly("3 hours ago");
    }

    @Test
    void htmlPageIsReducedToItsArticleParagraphs() {
        String html = """
                <html><head><title>Site | Trade talks</title>
                <meta property="og:title" content="US and China resume trade talks"></head>
                <body>
                  <header><nav><a href="/">HOME</a> | <a href="/world">WORLD</a> | <a href="/biz">BUSINESS</a></nav></header>
                  <div class="newsletter-signup"><p>Sign up for our daily briefing. Catch up in 5 minutes.</p></div>
                  <article>
                    <h1>US and China resume trade talks</h1>
                    <figure><img src="x.jpg"><figcaption>Mnuchin in Beijing. Photo: Someone/Getty Images</figcaption></figure>
                    <p>Treasury Secretary Steven Mnuchin will lead a delegation to Beijing next week to resume talks on tariffs.</p>
                    <p>The two sides remain far apart on intellectual property and the trade deficit, officials said on Tuesday.</p>
                    <div class="share-buttons"><a href="#">Share on Twitter</a><a href="#">Share on Facebook</a></div>
                    <p>Photo: Reuters/Pool</p>
                  </article>
                  <aside class="related"><h3>Related stories</h3><ul><li><a href="/a">Gold hits record high</a></li></ul></aside>
                  <section id="comments"><p>First! Buy gold and crypto now.</p></section>
                  <footer><p>© 2018 Example News. All rights reserved.</p></footer>
                  <script>var tracking = 1;</script>
                </body></html>
                """;

        CleanArticle a = extractor.fromHtml(html);

        assertThat(a.title()).isEqualTo("US and China resume trade talks");
        assertThat(a.body())
                .contains("Treasury Secretary Steven Mnuchin will lead a delegation to Beijing")
                .contains("The two sides remain far apart on intellectual property")
                .doesNotContain("Sign up")
                .doesNotContain("Getty")
                .doesNotContain("Share on")
                .doesNotContain("Gold hits record high")
                .doesNotContain("Buy gold")
                .doesNotContain("All rights reserved")
                .doesNotContain("HOME")
                .doesNotContain("tracking");
    }
}
