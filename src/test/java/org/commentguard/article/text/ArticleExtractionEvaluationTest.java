package org.commentguard.article.text;

import org.commentguard.article.text.SnippetEvaluation.Page;
import org.commentguard.article.text.SnippetEvaluation.PageResult;
import org.commentguard.article.text.SnippetEvaluation.Score;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The figures of {@code models/article-text/MODEL_CARD.md}, by the snippet method of
 * {@code src/test/resources/article-eval/DATA_CARD.md}. The holdout split was written and committed before the
 * extractor was, and no rule was changed after looking at its results; the dev split is the one the rules were tuned
 * on. Snippet counts are integers from a deterministic extractor, so they are asserted exactly: a change that moves
 * them must update the card. The blind split was written later by an engineer who did not read the rules, and is held
 * to a floor just under its one measured F1.
 */
class ArticleExtractionEvaluationTest {

    /** The holdout pages plus the 5 MB page (one holdout page inflated with menus, scripts and teaser rails). */
    static List<Page> holdout() {
        List<Page> pages = new ArrayList<>(SnippetEvaluation.split("holdout"));
        Page base = SnippetEvaluation.page("holdout", "div-soup-newsletter");
        pages.add(new Page(
                "holdout",
                "div-soup-newsletter-5mb",
                SnippetEvaluation.inflate(base.html(), 5_000_000),
                base.title(),
                base.keep(),
                base.drop()));
        return pages;
    }

    @Test
    void untouchedSplitReachesTheF1OfTheCard() {
        List<PageResult> results = SnippetEvaluation.run(holdout(), SnippetEvaluation::ours);
        Score total = SnippetEvaluation.total(results);

        assertThat(total.pages()).isEqualTo(11);
        assertThat(total.f1()).as(describe(results)).isGreaterThanOrEqualTo(0.85);
        // MODEL_CARD.md: 59 of 59 must-keep snippets kept, 0 of 110 must-drop snippets kept, 11 of 11 headlines.
        assertThat(total.hits()).as(describe(results)).isEqualTo(59);
        assertThat(total.falsePositives()).as(describe(results)).isZero();
        assertThat(total.titleHits()).isEqualTo(11);
    }

    @Test
    void tunedSplitKeepsItsFiguresToo() {
        List<PageResult> results = SnippetEvaluation.run(SnippetEvaluation.split("dev"), SnippetEvaluation::ours);
        Score total = SnippetEvaluation.total(results);

        assertThat(total.pages()).isEqualTo(7);
        // MODEL_CARD.md: 31 of 31 kept, 1 must-drop snippet kept (a print-edition line inside the story's section).
        assertThat(total.hits()).as(describe(results)).isEqualTo(31);
        assertThat(total.falsePositives()).as(describe(results)).isEqualTo(1);
        assertThat(total.titleHits()).isEqualTo(7);
        assertThat(total.f1()).isGreaterThanOrEqualTo(0.98);
    }

    @Test
    void blindSplitWrittenWithoutReadingTheRulesReachesTheF1OfTheCard() {
        // Written by an engineer who never read the extractor's sources, and committed before its first run.
        // MODEL_CARD.md, measured once on 2026-12-02: 111 of 119 must-keep kept, 1 of 202 must-drop kept, F1 0.961.
        // The floor is that figure less 0.02.
        List<PageResult> results = SnippetEvaluation.run(SnippetEvaluation.split("blind"), SnippetEvaluation::ours);
        Score total = SnippetEvaluation.total(results);

        assertThat(total.pages()).isEqualTo(13);
        assertThat(total.f1()).as(describe(results)).isGreaterThanOrEqualTo(0.94);
        assertThat(total.titleHits()).as(describe(results)).isEqualTo(13);
    }

    @Test
    void everyAnnotationIsTextThatThePageReallyShows() {
        // A snippet that is not on the page at all would count as a free "drop" (or an impossible "keep").
        for (String split : new String[] {"dev", "holdout", "blind"}) {
            for (Page p : SnippetEvaluation.split(split)) {
                String all = SnippetEvaluation.normalise(
                        org.jsoup.Jsoup.parse(p.html()).text() + " " + p.html());
                for (String s : p.keep()) {
                    assertThat(all).as(p.name() + " keep").contains(SnippetEvaluation.normalise(s));
                }
                for (String s : p.drop()) {
                    assertThat(all).as(p.name() + " drop").contains(SnippetEvaluation.normalise(s));
                }
            }
        }
    }

    @Test
    void scoreCountsKeptDroppedAndMissedSnippets() {
        Page page = new Page("t", "t", "", "Head", List.of("alpha beta", "gamma delta"), List.of("menu item"));
        PageResult r = SnippetEvaluation.score(page, new SnippetEvaluation.Output("Head", "Alpha  BETA and menu item"));

        assertThat(r.score().hits()).isEqualTo(1);
        assertThat(r.score().misses()).isEqualTo(1);
        assertThat(r.score().falsePositives()).isEqualTo(1);
        assertThat(r.score().precision()).isEqualTo(0.5);
        assertThat(r.score().recall()).isEqualTo(0.5);
        assertThat(r.score().titleHits()).isEqualTo(1);
    }

    private static String describe(List<PageResult> results) {
        StringBuilder sb = new StringBuilder();
        for (PageResult r : results) {
            sb.append(r.page().name())
                    .append(": ")
                    .append(r.score())
                    .append(" missed ")
                    .append(r.missed())
                    .append(" kept ")
                    .append(r.wronglyKept())
                    .append('\n');
        }
        return sb.toString();
    }
}
