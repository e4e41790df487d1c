package org.commentguard.article.text;

import jakarta.enterprise.context.ApplicationScoped;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Removes page boilerplate (newsletter sign-ups, "More from …" and "Go deeper" teasers, photo credits, share
 * buttons, navigation, comment threads) from an article page, given either its raw HTML or its plain text.
 * Stateless and thread-safe; usable with {@code new} or injected.
 */
@ApplicationScoped
public class ArticleTextExtractor {

    /**
     * A line that starts one of these sections ends the article: everything after it is teasers for other
     * stories or the comment thread, never more of the story.
     */
    private static final Pattern END_OF_ARTICLE = Pattern.compile(
            "(?i)^(comments?( \\(\\d+\\))?|\\d+ comments?|go deeper|more from\\b.*|related( stories| articles| coverage)?"
                    + "|read more|recommended( for you)?|you (may|might) also like.*|most popular|trending( now)?"
                    + "|more stories|latest (news|stories)|what to read next|join the conversation|leave a (comment|reply)"
                    + "|show comments|view comments)[:.]?$");

    /** ZeroHedge-style comment header: "name [name] Tue, 05/01/2018 - 21:37 Permalink". */
    private static final Pattern COMMENT_HEADER = Pattern.compile(
            "(?i).*\\b\\d{1,2}/\\d{1,2}/\\d{2,4}\\s*-\\s*\\d{1,2}:\\d{2}\\s*(permalink)?$|.*\\bpermalink$|^in reply to by\\b.*");

    /** Phrases that only occur in page furniture. */
    private static final Pattern BOILERPLATE = Pattern.compile("(?i)("
            + "\\bsign up\\b|\\bsubscribe\\b|newsletter|daily (briefing|digest)|\\bdigest of\\b|unsubscribe"
            + "|catch up on .*(stories|reports)|worthy of your time|inside stories|your inbox|in just \\d+ minutes"
            + "|download (our|the) .*\\bapp\\b|get the app|follow us|share (this|on)|\\bshare\\b$|tweet this"
            + "|click here|all rights reserved|©|copyright \\d{4}|privacy policy|terms of (use|service)|cookie"
            + "|advertisement|sponsored content|support (our|independent) journalism|has relaunched"
            + "|^(photo|photos|illustration|image|video|credit|source|file photo)s?\\s*:"
            + "|\\b(getty images|afp|reuters|ap photo|associated press|shutterstock|sipa usa|pool)\\)?\\s*$"
            + "|^reuters/|^\\(?(photo|image)s? (by|courtesy)"
            + "|^\\d+ (minutes?|hours?|days?) ago\\b|^updated\\b.*\\d{4}$)");

    /** A photo credit or a dateline ("3 hours ago", "Updated …"): page furniture, but not a promo. */
    private static final Pattern CREDIT_OR_DATELINE = Pattern.compile(
            "(?i)^(photo|photos|illustration|image)s?\\s*:|^\\d+ (minutes?|hours?|days?) ago\\b|^updated\\b");

    /** A caption that carries its credit on the same line: "... in Washington. Photo: Name/Agency". */
    private static final Pattern INLINE_CREDIT = Pattern.compile("(?i)\\b(photo|photos|illustration|image)s?:\\s*\\S");

    private static final Pattern BULLET = Pattern.compile("^\\s*([•·▪●◦‣\\-*–]|\\d+\\.)\\s+");

    private static final Pattern SENTENCE_END = Pattern.compile("[.!?…\"”’')\\]:]$");

    /** Article text from raw HTML: a real DOM parse, furniture removed by tag and class, then text density. */
    public CleanArticle fromHtml(String html) {
        Document doc = Jsoup.parse(html == null ? "" : html);
        String title = firstNonBlank(
                doc.select("meta[property=og:title]").attr("content"),
                doc.select("article h1, h1").text(),
                doc.title());
        doc.select("script, style, noscript, template, svg, iframe, form, button, input, select, nav, footer,"
                + " header, aside, figure, figcaption, picture, video, audio, [role=navigation], [role=banner],"
                + " [role=contentinfo], [aria-hidden=true], [hidden]").remove();
        for (Element e : new ArrayList<>(doc.getAllElements())) {
            String marker = (e.id() + " " + e.className()).toLowerCase(Locale.ROOT);
            if (e.parent() != null && !e.tagName().equals("body") && !e.tagName().equals("html")
                    && FURNITURE_CLASS.matcher(marker).find()) {
                e.remove();
            }
        }
        Element root = densestContainer(doc);
        List<String> blocks = new ArrayList<>();
        for (Element e : root.select("p, h2, h3, h4, li, blockquote, pre")) {
            // Nested blocks (a <p> inside an <li>) are read once, from the innermost element.
            if (!e.select("p, li, blockquote").not(":root").isEmpty() && !e.tagName().equals("p")) {
                continue;
            }
            String text = e.text().strip();
            if (text.isEmpty()) {
                continue;
            }
            double linkShare = linkText(e) / (double) text.length();
            // A block that is mostly link text is navigation or a teaser list.
            blocks.add(linkShare > 0.6 ? "\u0000" + text : text);
        }
        CleanArticle fromText = filterLines(blocks, title);
        return new CleanArticle(title.strip(), fromText.body(), fromText.removed());
    }

    /** Article text from a page's plain-text dump, one block per line, using line-level heuristics. */
    public CleanArticle fromPlainText(String text) {
        List<String> lines = new ArrayList<>();
        for (String line : (text == null ? "" : text).split("\\R")) {
            lines.add(line);
        }
        return filterLines(lines, null);
    }

    private static final Pattern FURNITURE_CLASS = Pattern.compile(
            "(^|[\\s_-])(comments?|comment-list|disqus|share|sharing|social|related|newsletter|subscribe|signup"
                    + "|promo|teaser|recommend\\w*|more-from|nav|navbar|menu|breadcrumbs?|sidebar|footer|masthead"
                    + "|advert\\w*|ads?|sponsor\\w*|cookie\\w*|consent|caption|credit|byline|tags|paywall|modal"
                    + "|popup|outbrain|taboola)([\\s_-]|$)");

    private static Element densestContainer(Document doc) {
        Element article = doc.selectFirst("article, [itemprop=articleBody], main");
        if (article != null && article.select("p").text().length() > 200) {
            return article;
        }
        // The container whose direct paragraphs hold the most non-link text: the body of the story.
        Map<Element, Integer> score = new HashMap<>();
        for (Element p : doc.select("p")) {
            Element parent = p.parent();
            if (parent == null) {
                continue;
            }
            int len = p.text().length() - linkText(p);
            score.merge(parent, Math.max(0, len), Integer::sum);
        }
        return score.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
                .orElse(doc.body() == null ? doc : doc.body());
    }

    private static int linkText(Element e) {
        int n = 0;
        for (Element a : e.select("a")) {
            n += a.text().length();
        }
        return n;
    }

    private CleanArticle filterLines(List<String> rawLines, String knownTitle) {
        List<String> lines = new ArrayList<>();
        for (String raw : rawLines) {
            String l = raw.replace('\u00a0', ' ').strip();
            if (!l.isEmpty()) {
                lines.add(l);
            }
        }
        Map<String, Integer> counts = new HashMap<>();
        for (String l : lines) {
            counts.merge(l, 1, Integer::sum);
        }
        List<String> removed = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        boolean[] drop = new boolean[lines.size()];
        int end = lines.size();
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            boolean linky = l.startsWith("\u0000");
            String text = linky ? l.substring(1) : l;
            // Only after some article text: a "Comments" link in the page header must not end the article.
            if (i > 0 && hasBodyBefore(lines, drop, i)
                    && (END_OF_ARTICLE.matcher(text).matches() || COMMENT_HEADER.matcher(text).matches())) {
                end = i;
                break;
            }
            drop[i] = linky || BOILERPLATE.matcher(text).find() || INLINE_CREDIT.matcher(text).find()
                    || counts.get(l) > 1 || isNavigation(text) || COMMENT_HEADER.matcher(text).matches();
        }
        // A short heading directly above a dropped promo ("Tech news worthy of your time" / "Sign up …")
        // belongs to the promo. A photo credit or a dateline is not a promo: the line above it is usually the headline.
        for (int i = end - 2; i >= 0; i--) {
            if (!drop[i] && drop[i + 1] && isHeadingLike(lines.get(i)) && BOILERPLATE.matcher(lines.get(i + 1)).find()
                    && !CREDIT_OR_DATELINE.matcher(lines.get(i + 1)).find()) {
                drop[i] = true;
            }
        }
        String title = knownTitle;
        for (int i = 0; i < end; i++) {
            String l = lines.get(i);
            String text = l.startsWith("\u0000") ? l.substring(1) : l;
            if (drop[i]) {
                removed.add(text);
                continue;
            }
            String clean = BULLET.matcher(text).replaceFirst("");
            if (isHeadingLike(clean) || (title == null && kept.isEmpty() && isTitleCase(clean))) {
                // The first heading of a text dump is the headline; later ones are sub-heads, which carry no
                // sentences of their own and would only match short comments by accident.
                if (title == null && kept.isEmpty()) {
                    title = clean;
                } else {
                    removed.add(text);
                }
                continue;
            }
            kept.add(clean);
        }
        for (int i = end; i < lines.size(); i++) {
            String l = lines.get(i);
            removed.add(l.startsWith("\u0000") ? l.substring(1) : l);
        }
        return new CleanArticle(title == null ? "" : title, String.join("\n\n", kept), removed);
    }

    private static boolean hasBodyBefore(List<String> lines, boolean[] drop, int i) {
        for (int j = 0; j < i; j++) {
            if (!drop[j] && lines.get(j).length() > 80) {
                return true;
            }
        }
        return false;
    }

    /** A line without sentence punctuation and of few words: a headline, a sub-head or a menu entry. */
    private static boolean isHeadingLike(String l) {
        return !SENTENCE_END.matcher(l).find() && l.split("\\s+").length <= 14;
    }

    /** "America First Meets China, Inc.": short, and nearly every word capitalised. */
    private static boolean isTitleCase(String l) {
        String[] words = l.split("\\s+");
        if (words.length > 14) {
            return false;
        }
        int capitalised = 0;
        for (String w : words) {
            if (!w.isEmpty() && Character.isUpperCase(w.charAt(0))) {
                capitalised++;
            }
        }
        return capitalised >= Math.max(2, words.length * 0.7);
    }

    /** ALL-CAPS menus and pipe- or bullet-separated link rows. */
    private static boolean isNavigation(String l) {
        int letters = 0;
        int upper = 0;
        for (int i = 0; i < l.length(); i++) {
            char c = l.charAt(i);
            if (Character.isLetter(c)) {
                letters++;
                if (Character.isUpperCase(c)) {
                    upper++;
                }
            }
        }
        boolean allCaps = letters >= 4 && upper == letters && l.split("\\s+").length <= 8;
        boolean separated = l.split("\\s[|•·]\\s").length >= 3 && !SENTENCE_END.matcher(l).find();
        return allCaps || separated;
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return "";
    }
}
