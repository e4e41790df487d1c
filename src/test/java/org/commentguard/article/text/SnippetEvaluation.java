package org.commentguard.article.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

/**
 * The snippet method of {@code src/test/resources/article-eval/DATA_CARD.md}: each page lists text that must be kept
 * and text that must not be; a must-keep snippet found in the output is a hit (true positive), one not found a miss
 * (false negative), a must-drop snippet found is a false positive. Precision, recall and F1 are micro-averaged over
 * all snippets of a split. Matching is on normalised text (NFKC, lower case, typographic quotes and dashes folded,
 * whitespace collapsed).
 */
public final class SnippetEvaluation {

    static final String BASE = "/article-eval/";

    /** One annotated page. */
    public record Page(String split, String name, String html, String title, List<String> keep, List<String> drop) {}

    /** What an extractor produced for a page. */
    record Output(String title, String text) {}

    /** Counts for one page or a whole split. */
    record Score(int hits, int misses, int falsePositives, int titleHits, int pages) {
        double precision() {
            return hits + falsePositives == 0 ? 1 : hits / (double) (hits + falsePositives);
        }

        double recall() {
            return hits + misses == 0 ? 1 : hits / (double) (hits + misses);
        }

        double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }

        Score plus(Score o) {
            return new Score(
                    hits + o.hits,
                    misses + o.misses,
                    falsePositives + o.falsePositives,
                    titleHits + o.titleHits,
                    pages + o.pages);
        }

        @Override
        public String toString() {
            return String.format(
                    Locale.ROOT,
                    "P %.3f  R %.3f  F1 %.3f  (keep %d/%d, drop found %d, titles %d/%d)",
                    precision(),
                    recall(),
                    f1(),
                    hits,
                    hits + misses,
                    falsePositives,
                    titleHits,
                    pages);
        }
    }

    /** A page's score together with what was missed and wrongly kept. */
    record PageResult(Page page, Score score, List<String> missed, List<String> wronglyKept) {}

    private SnippetEvaluation() {}

    /** The pages of a split ("holdout" or "dev"), as listed in its {@code pages.txt}. */
    static List<Page> split(String split) {
        List<Page> pages = new ArrayList<>();
        for (String line : read(BASE + split + "/pages.txt").split("\\R")) {
            String name = line.strip();
            if (name.isEmpty() || name.startsWith("#")) {
                continue;
            }
            pages.add(page(split, name));
        }
        return pages;
    }

    public static Page page(String split, String name) {
        String html = read(BASE + split + "/" + name + ".html");
        String title = "";
        List<String> keep = new ArrayList<>();
        List<String> drop = new ArrayList<>();
        for (String line : read(BASE + split + "/" + name + ".snippets").split("\\R")) {
            if (line.startsWith("title: ")) {
                title = line.substring(7).strip();
            } else if (line.startsWith("keep: ")) {
                keep.add(line.substring(6).strip());
            } else if (line.startsWith("drop: ")) {
                drop.add(line.substring(6).strip());
            } else if (!line.isBlank() && !line.startsWith("#")) {
                throw new IllegalStateException(name + ": unreadable annotation line: " + line);
            }
        }
        return new Page(split, name, html, title, List.copyOf(keep), List.copyOf(drop));
    }

    static PageResult score(Page page, Output out) {
        String text = normalise(out.text());
        List<String> missed = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        for (String k : page.keep()) {
            if (!text.contains(normalise(k))) {
                missed.add(k);
            }
        }
        for (String d : page.drop()) {
            if (text.contains(normalise(d))) {
                wrong.add(d);
            }
        }
        int titleHit = normalise(out.title()).equals(normalise(page.title())) ? 1 : 0;
        Score s = new Score(page.keep().size() - missed.size(), missed.size(), wrong.size(), titleHit, 1);
        return new PageResult(page, s, missed, wrong);
    }

    static List<PageResult> run(List<Page> pages, Function<String, Output> extractor) {
        List<PageResult> results = new ArrayList<>();
        for (Page p : pages) {
            results.add(score(p, extractor.apply(p.html())));
        }
        return results;
    }

    static Score total(List<PageResult> results) {
        Score s = new Score(0, 0, 0, 0, 0);
        for (PageResult r : results) {
            s = s.plus(r.score());
        }
        return s;
    }

    /** Our extractor, scored on its body text. */
    static Output ours(String html) {
        CleanArticle a = new ArticleTextExtractor().fromHtml(html);
        return new Output(a.title(), a.body());
    }

    public static String normalise(String s) {
        String n = Normalizer.normalize(s == null ? "" : s, Normalizer.Form.NFKC)
                .toLowerCase(Locale.ROOT)
                .replaceAll("[‘’‚‛′`]", "'")
                .replaceAll("[“”„‟″«»]", "\"")
                .replaceAll("[‐‑‒–—―]", "-");
        return n.replaceAll("[\\s\\u00a0\\u200b]+", " ").strip();
    }

    /**
     * A page of about {@code targetBytes}: the given page with its menus, link lists, inline scripts and styles
     * inflated, the way tag-manager scripts, mega-menus and endless "more stories" rails inflate real pages. The
     * story itself is unchanged, so the page's annotations still apply; the teasers it adds are furniture.
     */
    public static String inflate(String html, int targetBytes) {
        StringBuilder menu = new StringBuilder("<div class=\"mega-menu\"><ul>");
        StringBuilder rail = new StringBuilder("<div class=\"more-stories\"><h3>More stories</h3><ul>");
        StringBuilder scripts = new StringBuilder();
        int i = 0;
        int size = html.length();
        while (size + menu.length() + rail.length() + scripts.length() < targetBytes) {
            menu.append("<li class=\"menu-item menu-item-type-taxonomy menu-item-object-category menu-item-")
                    .append(i)
                    .append("\"><a href=\"/section/topic-")
                    .append(i)
                    .append("/\"><span class=\"menu-text\">Topic ")
                    .append(i)
                    .append("</span></a></li>\n");
            rail.append("<li class=\"story-card\"><a href=\"/archive/")
                    .append(i)
                    .append("\"><div class=\"story-card__image\"><img src=\"/img/")
                    .append(i)
                    .append(".jpg\" alt=\"\"></div><h4 class=\"story-card__title\">Archive story number ")
                    .append(i)
                    .append(" from the paper's back catalogue</h4><p class=\"story-card__excerpt\">Teaser line for")
                    .append(" archive story ")
                    .append(i)
                    .append(", shown in the endless rail.</p></a></li>\n");
            if (i % 20 == 0) {
                scripts.append("<script>window.dataLayer=window.dataLayer||[];dataLayer.push({event:'slot")
                        .append(i)
                        .append("',payload:'")
                        .append("x".repeat(400))
                        .append("'});</script>\n")
                        .append("<style>.story-card-")
                        .append(i)
                        .append("{margin:0 auto;padding:4px 8px}</style>\n");
            }
            i++;
        }
        menu.append("</ul></div>");
        rail.append("</ul></div>");
        int bodyOpen = html.indexOf('>', html.toLowerCase(Locale.ROOT).indexOf("<body")) + 1;
        int bodyClose = html.toLowerCase(Locale.ROOT).lastIndexOf("</body>");
        return html.substring(0, bodyOpen)
                + menu
                + scripts
                + html.substring(bodyOpen, bodyClose)
                + rail
                + html.substring(bodyClose);
    }

    private static String read(String resource) {
        try (InputStream in = SnippetEvaluation.class.getResourceAsStream(resource)) {
            Objects.requireNonNull(in, resource);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Prints every page's score and failures: {@code java ... SnippetEvaluation [split]}. */
    public static void main(String[] args) {
        for (String split : args.length == 0 ? new String[] {"dev", "holdout"} : args) {
            List<PageResult> results = run(split(split), SnippetEvaluation::ours);
            System.out.println("== " + split + ": " + total(results));
            for (PageResult r : results) {
                System.out.printf(Locale.ROOT, "%-32s %s%n", r.page().name(), r.score());
                r.missed().forEach(m -> System.out.println("    missed: " + m));
                r.wronglyKept().forEach(m -> System.out.println("    kept:   " + m));
            }
        }
    }
}
