package org.commentguard.article.text;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Behaviour of the extractor, case by case. Most cases are small pages written here for one signal each (layout
 * wrappers, form-wrapped pages, text without paragraphs, JSON-LD bodies, comment threads, split bodies); the measured
 * quality on whole pages is {@link ArticleExtractionEvaluationTest}'s. The five seed pages of {@code ../shared/seeds/}
 * (plain-text dumps of real pages about the 2018 US–China trade talks: 000 and 001 Axios, 002 GZERO Media, 003 Asia
 * Times, 004 ZeroHedge with its comment thread, copied into {@code src/test/resources/.../seeds/}) stay as one check
 * of the plain-text path; no rule or list entry of the extractor is taken from them.
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
                .contains(
                        "The problem is that America’s real gripe is with China’s competing political and economic model.")
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
                .contains(
                        "Both the US and Chinese leaders see trade as a question of national renewal and preeminence.")
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
        CleanArticle dated =
                extractor.fromPlainText("Council Approves Bike Lanes on Main Street\n3 hours ago\n" + story + "\n");

        assertThat(credited.title()).isEqualTo("Council Approves Bike Lanes on Main Street");
        assertThat(credited.body()).isEqualTo(story);
        assertThat(credited.removed())
                .contains(
                        "Photo: A cyclist on Main Street. Photo: J. Whitfield/City Desk",
                        "Local news worth your morning",
                        "Sign up for the City Desk newsletter.");
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

    private static final String STORY_1 = "The water board voted on Tuesday to replace 1,400 lead service lines on the"
            + " east side by 2027, using a federal grant and a rate increase of 3 percent for two years.";
    private static final String STORY_2 = "Residents whose lines are replaced will not be charged, the board said, and"
            + " crews will start on the streets with the most children under six, according to the health department.";

    private static String page(String bodyInner) {
        return "<html><head><title>Water board | Lead lines</title></head><body>" + bodyInner + "</body></html>";
    }

    @Test
    void pageWrappedInALayoutClassNamedAfterItsSidebarStillYieldsItsStory() {
        CleanArticle a = extractor.fromHtml(page("<div id=\"page\" class=\"site has-sidebar comments-open\">"
                + "<div class=\"sidebar\"><ul><li><a href=\"/a\">Other story one</a></li></ul></div>"
                + "<div class=\"content-with-sidebar\"><p>" + STORY_1 + "</p><p>" + STORY_2 + "</p></div></div>"));

        assertThat(a.body()).isEqualTo(STORY_1 + "\n\n" + STORY_2);
    }

    @Test
    void pageInsideOneFormElementKeepsItsStory() {
        CleanArticle a = extractor.fromHtml(page("<form id=\"aspnetForm\"><input type=\"hidden\" value=\"x\">"
                + "<div class=\"bodytext\"><p>" + STORY_1 + "</p><p>" + STORY_2 + "</p></div></form>"));

        assertThat(a.body()).contains(STORY_1).contains(STORY_2);
    }

    @Test
    void textWithoutParagraphTagsIsReadFromLineBreaksAndTableCells() {
        CleanArticle a =
                extractor.fromHtml(page("<table><tr><td><a href=\"/\">Home</a> | <a href=\"/n\">News</a></td></tr>"
                        + "<tr><td><font size=\"3\">" + STORY_1 + "<br><br>" + STORY_2
                        + "<br></font></td></tr></table>"));

        assertThat(a.body()).isEqualTo(STORY_1 + "\n\n" + STORY_2);
    }

    @Test
    void pageWithVisibleParagraphsNeverComesBackEmpty() {
        // Nothing here looks like a story (short lines, each a link or a fragment), but the page shows text.
        CleanArticle shortNote = extractor.fromHtml(page("<div class=\"sidebar\"><p>Match postponed.</p></div>"));
        CleanArticle linksOnly = extractor.fromHtml(page("<ul><li><a href=\"/1\">Results from Saturday</a></li></ul>"));
        CleanArticle textDump = extractor.fromPlainText("Sign up for our newsletter\nSubscribe today");

        assertThat(shortNote.body()).isEqualTo("Match postponed.");
        assertThat(linksOnly.body()).isEqualTo("Results from Saturday");
        assertThat(textDump.body()).isNotBlank();
        assertThat(extractor
                        .fromHtml("<html><body><script>x()</script></body></html>")
                        .body())
                .isEmpty();
    }

    @Test
    void jsonLdArticleBodyIsUsedWhenThePageRendersOnlyATeaser() {
        String html = "<html><head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":"
                + "\"Lead lines to go\",\"articleBody\":\"" + STORY_1 + "\\n\\n" + STORY_2 + "\"}</script></head>"
                + "<body><div id=\"root\"><h1>Lead lines to go</h1><p>Loading the story, please wait.</p></div></body></html>";

        CleanArticle a = extractor.fromHtml(html);

        assertThat(a.title()).isEqualTo("Lead lines to go");
        assertThat(a.body()).isEqualTo(STORY_1 + "\n\n" + STORY_2);
    }

    @Test
    void readerCommentsBelowTheStoryStayOutEvenWithoutCommentClassNames() {
        String comment = "I have lived on Elm Street for thirty years and nobody ever told us about the pipes, so this"
                + " is welcome news, but three years is far too long to wait for families with small children.";
        CleanArticle a = extractor.fromHtml(page("<div class=\"main\"><div class=\"story\"><div class=\"txt\"><p>"
                + STORY_1 + "</p><p>" + STORY_2 + "</p></div></div><div class=\"board\"><ul>"
                + ("<li><div class=\"u\">reader</div><div class=\"b\"><p>" + comment + "</p></div></li>").repeat(3)
                + "</ul></div></div>"));

        assertThat(a.body()).contains(STORY_1).doesNotContain("Elm Street");
    }

    @Test
    void storySplitAcrossSiblingColumnsIsJoinedAndTheAdBetweenThemDropped() {
        CleanArticle a = extractor.fromHtml(page("<section><div class=\"col\"><div><p>" + STORY_1 + "</p></div></div>"
                + "<div class=\"ad-slot\"><p>Advertisement</p></div>"
                + "<div class=\"col\"><div><p>" + STORY_2 + "</p></div></div></section>"
                + "<div class=\"related\"><p><a href=\"/x\">A teaser about something else entirely</a></p></div>"));

        assertThat(a.body()).isEqualTo(STORY_1 + "\n\n" + STORY_2);
    }

    @Test
    void storyAboutNewslettersAndCookiesKeepsItsSentences() {
        String p = "The regulator said on Monday that news sites must let readers refuse tracking cookies as easily as"
                + " they accept them, and that a newsletter sign-up may no longer be a condition for reading articles.";
        CleanArticle a = extractor.fromHtml(page("<article><p>" + p + "</p><p>" + STORY_2 + "</p></article>"));

        assertThat(a.body()).startsWith(p);
    }

    @Test
    void linkListsAndSubheadsWithoutTextAfterThemAreDroppedInsideTheStory() {
        CleanArticle a =
                extractor.fromHtml(page("<article><p>" + STORY_1 + "</p><h2>What happens next</h2><p>" + STORY_2
                        + "</p><p><strong>Read more:</strong> <a href=\"/y\">How lead gets into tap water</a></p>"
                        + "<h3>More on this topic</h3></article>"));

        assertThat(a.body()).isEqualTo(STORY_1 + "\n\nWhat happens next\n\n" + STORY_2);
        assertThat(a.removed()).contains("More on this topic");
    }
}
