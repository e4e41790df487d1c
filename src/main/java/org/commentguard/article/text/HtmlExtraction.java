package org.commentguard.article.text;

import org.commentguard.article.text.HtmlBlocks.Block;
import org.commentguard.article.text.HtmlBlocks.Kind;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Article text from a page's HTML, in five steps:
 * <ol>
 *   <li>the headline and any JSON-LD {@code articleBody} are read before anything is removed;</li>
 *   <li>the page is cut into text blocks, and each block is judged content-like or not by its length, sentence
 *   shape and link density;</li>
 *   <li>furniture (navigation, comments, promotions, ads: by tag, ARIA role or class word) is set aside, except an
 *   element that holds the story itself, which a page-wide wrapper such as {@code class="has-sidebar"} can;</li>
 *   <li>the story container is the element whose own paragraphs score highest (Readability's scoring: paragraph
 *   length and commas, halved for the grandparent, discounted by link density), joined with nearby containers
 *   that continue the story;</li>
 *   <li>inside it, link lists, furniture lines and bylines are dropped; JSON-LD wins when the DOM holds much less
 *   than the declared body, and a page with visible paragraphs never comes back empty.</li>
 * </ol>
 */
final class HtmlExtraction {

    private HtmlExtraction() {}

    /** A paragraph this short, or shorter, is never judged on its own as content. */
    private static final int MIN_CONTENT_CHARS = 25;
    /** Long enough to be content without ending like a sentence (some CMSs drop the final stop). */
    private static final int LONG_BLOCK_CHARS = 80;
    /** Share of link text above which a block is a link list or a teaser, not a paragraph. */
    private static final double MAX_CONTENT_LINK_DENSITY = 0.35;
    /**
     * A furniture element holding at least this share of the page's content-like text is a page-wide wrapper (its
     * class describes the layout), unless it is a comment section.
     */
    private static final double WRAPPER_SHARE = 0.6;
    /** A second container continues the story when it scores at least this share of the best one... */
    private static final double CONTINUATION_SHARE = 0.2;
    /** ...and both sit at most this many levels below their common ancestor (columns, split bodies). */
    private static final int CONTINUATION_LEVELS = 2;
    /** The DOM text must reach this share of a JSON-LD articleBody, or the declared body is used. */
    private static final double DOM_SHARE_OF_JSON_LD = 0.6;

    private static final int MIN_JSON_LD_BODY = 200;

    private static final Pattern SENTENCE_END = Pattern.compile("[.!?…:;\"”»’')\\]]$");
    private static final Pattern BYLINE = Pattern.compile("(?iu)^(by|von|por|par|di|door|av|af)\\s+\\p{Lu}.*");
    private static final Pattern COMMA = Pattern.compile("[,，、،]");
    private static final Pattern QUOTES = Pattern.compile("[\"“”„«»'‘’]");

    static CleanArticle extract(String html) {
        Document doc = Jsoup.parse(html == null ? "" : html);
        JsonLd jsonLd = JsonLd.of(doc);
        String title = headline(doc, jsonLd);
        doc.select(Boilerplate.NEVER_TEXT).remove();
        Element body = doc.body();
        List<Block> blocks = HtmlBlocks.of(body);
        Page page = new Page(doc, blocks);

        Element root = page.storyContainer(body);
        List<String> kept = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        page.filter(root, title, kept, removed);

        String declared = jsonLd.articleBody();
        if (declared.length() >= MIN_JSON_LD_BODY && chars(kept) < DOM_SHARE_OF_JSON_LD * declared.length()) {
            List<String> paragraphs = paragraphsOf(declared);
            if (!paragraphs.isEmpty()) {
                removed.addAll(kept);
                kept = paragraphs;
            }
        }
        if (kept.isEmpty()) {
            kept = page.fallback();
        }
        return new CleanArticle(title, String.join("\n\n", kept), removed);
    }

    /** The blocks of a page with what is known about each element; scores are computed once, bottom-up. */
    private static final class Page {
        private final List<Block> blocks;
        private final boolean[] contentLike;
        private final Map<Element, Integer> contentChars = new IdentityHashMap<>();
        private final Map<Element, Boolean> furniture = new IdentityHashMap<>();
        private final Set<Element> holdsMarker = Collections.newSetFromMap(new IdentityHashMap<>());
        private final int totalContentChars;

        Page(Document doc, List<Block> blocks) {
            this.blocks = blocks;
            this.contentLike = new boolean[blocks.size()];
            int total = 0;
            for (int i = 0; i < blocks.size(); i++) {
                Block b = blocks.get(i);
                contentLike[i] = isContentLike(b);
                if (contentLike[i]) {
                    total += b.chars();
                    for (Element e = b.container(); e != null; e = e.parent()) {
                        contentChars.merge(e, b.chars(), Integer::sum);
                    }
                }
            }
            this.totalContentChars = total;
            for (Element marker : doc.select("main, [role=main]")) {
                markAncestors(marker);
            }
            for (Element e : doc.getAllElements()) {
                if (Boilerplate.isArticleBodyMarker(e)) {
                    markAncestors(e);
                }
            }
        }

        private void markAncestors(Element e) {
            for (Element a = e; a != null; a = a.parent()) {
                holdsMarker.add(a);
            }
        }

        /** Whether the element or one of its ancestors is page furniture (memoised: pages nest deeply). */
        boolean inFurniture(Element e) {
            if (e == null) {
                return false;
            }
            Boolean known = furniture.get(e);
            if (known != null) {
                return known;
            }
            boolean result = isFurnitureItself(e) || inFurniture(e.parent());
            furniture.put(e, result);
            return result;
        }

        private boolean isFurnitureItself(Element e) {
            String tag = e.normalName();
            if (tag.equals("body") || tag.equals("html") || holdsMarker.contains(e) || !Boilerplate.isNegative(e)) {
                return false;
            }
            int held = contentChars.getOrDefault(e, 0);
            boolean wrapper = totalContentChars > 0 && held >= WRAPPER_SHARE * totalContentChars;
            return !wrapper || Boilerplate.isCommentSection(e);
        }

        /** The element holding the story: the best-scoring container, joined with the containers that continue it. */
        Element storyContainer(Element body) {
            Map<Element, Double> own = new IdentityHashMap<>();
            Map<Element, Double> score = new IdentityHashMap<>();
            for (int i = 0; i < blocks.size(); i++) {
                Block b = blocks.get(i);
                if (!contentLike[i] || inFurniture(b.container())) {
                    continue;
                }
                double s = 1 + count(COMMA, b.text()) + Math.min(b.chars() / 100.0, 3);
                // A paragraph scores for the element that holds it (Readability: parent full, grandparent half);
                // text set directly in a <div> or <td> scores for that element.
                Element c = b.kind() == Kind.OTHER || b.container().parent() == null
                        ? b.container()
                        : b.container().parent();
                own.merge(c, s, Double::sum);
                score.merge(c, s, Double::sum);
                if (c.parent() != null) {
                    score.merge(c.parent(), s / 2, Double::sum);
                }
            }
            if (score.isEmpty()) {
                return body;
            }
            Map<Element, int[]> links = linkTotals();
            Element top = null;
            double best = -1;
            for (Map.Entry<Element, Double> en : score.entrySet()) {
                Element e = en.getKey();
                int[] l = links.getOrDefault(e, new int[2]);
                double density = l[0] == 0 ? 0 : l[1] / (double) l[0];
                double s = en.getValue() * (1 - density) * weight(e);
                en.setValue(s);
                if (s > best) {
                    best = s;
                    top = e;
                }
            }
            Element root = top;
            for (Map.Entry<Element, Double> en : own.entrySet()) {
                Element c = en.getKey();
                if (c == top || score.getOrDefault(c, 0.0) < CONTINUATION_SHARE * best || isInside(c, root)) {
                    continue;
                }
                Element common = commonAncestor(top, c);
                if (common != null
                        && levels(top, common) <= CONTINUATION_LEVELS
                        && levels(c, common) <= CONTINUATION_LEVELS
                        && !inFurniture(common)) {
                    root = commonAncestor(root, common);
                }
            }
            return root;
        }

        private double weight(Element e) {
            double w = 1;
            if (Boilerplate.isArticleBodyMarker(e)) {
                w *= 1.5;
            }
            if (Boilerplate.isPositive(e)) {
                w *= 1.2;
            }
            if (e.normalName().equals("article")) {
                w *= 1.1;
            }
            if (Boilerplate.isNegative(e)) {
                w *= 0.6;
            }
            return w;
        }

        /** Per element: visible characters and link characters of the non-furniture blocks under it. */
        private Map<Element, int[]> linkTotals() {
            Map<Element, int[]> totals = new IdentityHashMap<>();
            for (Block b : blocks) {
                if (inFurniture(b.container())) {
                    continue;
                }
                for (Element e = b.container(); e != null; e = e.parent()) {
                    int[] t = totals.computeIfAbsent(e, k -> new int[2]);
                    t[0] += b.chars();
                    t[1] += b.linkChars();
                }
            }
            return totals;
        }

        void filter(Element root, String title, List<String> kept, List<String> removed) {
            String titleKey = key(title);
            Set<String> seen = new HashSet<>();
            List<Boolean> heading = new ArrayList<>();
            for (int i = 0; i < blocks.size(); i++) {
                Block b = blocks.get(i);
                if (!isInside(b.container(), root)) {
                    continue;
                }
                String text = b.text();
                String k = key(text);
                if (inFurniture(b.container()) || isDroppedInStory(b) || !seen.add(k) || k.equals(titleKey)) {
                    removed.add(text);
                    continue;
                }
                kept.add(text);
                heading.add(b.kind() == Kind.HEADING);
            }
            // A sub-head belongs to the story only when story text follows it ("Related" headings close a body).
            for (int i = kept.size() - 1; i >= 0; i--) {
                if (heading.get(i) && (i == kept.size() - 1 || heading.get(i + 1))) {
                    removed.add(kept.remove(i));
                    heading.remove(i);
                }
            }
        }

        /** Blocks inside the story container that are still not story text. */
        private static boolean isDroppedInStory(Block b) {
            String text = b.text();
            if (b.kind() == Kind.HEADING) {
                return b.container().normalName().equals("h1")
                        || b.linkDensity() > 0.5
                        || Boilerplate.isFurnitureLine(text);
            }
            if (b.linkDensity() >= 0.5 || (b.chars() < 60 && b.linkDensity() > 0.25)) {
                return true;
            }
            if (Boilerplate.isFurnitureLine(text)) {
                return true;
            }
            boolean sentence = SENTENCE_END.matcher(text).find();
            if (b.words() < 4 && !sentence) {
                return true;
            }
            return b.words() <= 8 && !sentence && BYLINE.matcher(text).matches();
        }

        /** Never empty while the page shows text: its paragraphs, else whatever text blocks it has. */
        List<String> fallback() {
            List<String> out = new ArrayList<>();
            for (Block b : blocks) {
                if (b.linkDensity() < 0.5 && b.words() >= 5 && !Boilerplate.isFurnitureLine(b.text())) {
                    out.add(b.text());
                }
            }
            if (out.isEmpty()) {
                for (Block b : blocks) {
                    out.add(b.text());
                }
            }
            return out;
        }
    }

    private static boolean isContentLike(Block b) {
        if (b.kind() == Kind.HEADING
                || b.chars() < MIN_CONTENT_CHARS
                || b.linkDensity() > MAX_CONTENT_LINK_DENSITY
                || Boilerplate.isFurnitureLine(b.text())) {
            return false;
        }
        return b.chars() >= LONG_BLOCK_CHARS
                || (b.words() >= 6 && SENTENCE_END.matcher(b.text()).find());
    }

    /** The headline: Open Graph, then JSON-LD, then the page's {@code <h1>}, then the longest part of the title. */
    private static String headline(Document doc, JsonLd jsonLd) {
        Element h1 = doc.selectFirst("article h1, main h1, [role=main] h1, h1");
        String h1Text = h1 == null ? "" : HtmlBlocks.collapse(h1.text());
        String og = firstNonBlank(
                doc.select("meta[property=og:title]").attr("content"),
                doc.select("meta[name=twitter:title]").attr("content"),
                jsonLd.headline().orElse(""));
        og = HtmlBlocks.collapse(og);
        if (!og.isEmpty()) {
            // "Headline | Site": the page's own <h1> is the headline without the site's name.
            return !h1Text.isEmpty() && og.contains(h1Text) && og.length() > h1Text.length() ? h1Text : og;
        }
        if (!h1Text.isEmpty()) {
            return h1Text;
        }
        String best = "";
        for (String part : HtmlBlocks.collapse(doc.title()).split("\\s+(\\||-|–|—|::|»|·|:)\\s+")) {
            if (part.length() > best.length()) {
                best = part.strip();
            }
        }
        return best;
    }

    /** Paragraphs of a JSON-LD articleBody: markup is parsed when present, otherwise line breaks separate them. */
    private static List<String> paragraphsOf(String declared) {
        List<String> out = new ArrayList<>();
        if (declared.indexOf('<') >= 0 && declared.indexOf('>') > 0) {
            Document fragment = Jsoup.parseBodyFragment(declared);
            for (Block b : HtmlBlocks.of(fragment.body())) {
                out.add(b.text());
            }
            return out;
        }
        for (String p : Parser.unescapeEntities(declared, false).split("\\R+")) {
            String s = HtmlBlocks.collapse(p);
            if (!s.isEmpty()) {
                out.add(s);
            }
        }
        return out;
    }

    private static boolean isInside(Element e, Element ancestor) {
        for (Element a = e; a != null; a = a.parent()) {
            if (a == ancestor) {
                return true;
            }
        }
        return false;
    }

    private static Element commonAncestor(Element a, Element b) {
        Set<Element> path = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Element e = a; e != null; e = e.parent()) {
            path.add(e);
        }
        for (Element e = b; e != null; e = e.parent()) {
            if (path.contains(e)) {
                return e;
            }
        }
        return null;
    }

    private static int levels(Element from, Element ancestor) {
        int n = 0;
        for (Element e = from; e != null && e != ancestor; e = e.parent()) {
            n++;
        }
        return n;
    }

    private static int count(Pattern p, String s) {
        int n = 0;
        for (var m = p.matcher(s); m.find(); ) {
            n++;
        }
        return n;
    }

    private static int chars(List<String> texts) {
        int n = 0;
        for (String t : texts) {
            n += t.length();
        }
        return n;
    }

    /** Comparison key: case, quotes and spacing do not make two lines different. */
    private static String key(String s) {
        return QUOTES.matcher(HtmlBlocks.collapse(s).toLowerCase(Locale.ROOT)).replaceAll("");
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
