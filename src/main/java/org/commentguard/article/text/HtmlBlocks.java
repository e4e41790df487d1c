package org.commentguard.article.text;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;

/**
 * Cuts a DOM into text blocks the way a browser lays it out: every block-level element and every line break starts
 * a new block, inline markup ({@code <a>}, {@code <span>}, {@code <font>}) stays inside its block. One pass, linear in
 * the size of the page.
 */
final class HtmlBlocks {

    private HtmlBlocks() {}

    /** The kind of element a block's text sits directly in. */
    enum Kind {
        PARAGRAPH,
        HEADING,
        LIST_ITEM,
        OTHER
    }

    /**
     * One block of visible text.
     *
     * @param text      the text, whitespace collapsed
     * @param container the innermost block-level element the text sits directly in
     * @param kind      what that element is
     * @param chars     non-space characters of the text
     * @param linkChars non-space characters inside links
     */
    record Block(String text, Element container, Kind kind, int chars, int linkChars) {
        double linkDensity() {
            return chars == 0 ? 0 : linkChars / (double) chars;
        }

        int words() {
            int n = 0;
            boolean inWord = false;
            for (int i = 0; i < text.length(); i++) {
                boolean letter = !Character.isWhitespace(text.charAt(i));
                if (letter && !inWord) {
                    n++;
                }
                inWord = letter;
            }
            return n;
        }
    }

    private static final Set<String> BLOCK_TAGS = Set.of(
            "address",
            "article",
            "aside",
            "blockquote",
            "body",
            "caption",
            "center",
            "dd",
            "details",
            "div",
            "dl",
            "dt",
            "fieldset",
            "figcaption",
            "figure",
            "footer",
            "form",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "header",
            "hgroup",
            "hr",
            "html",
            "li",
            "main",
            "menu",
            "nav",
            "ol",
            "p",
            "pre",
            "section",
            "summary",
            "table",
            "tbody",
            "td",
            "tfoot",
            "th",
            "thead",
            "tr",
            "ul",
            "dialog",
            "legend",
            "frameset",
            "noframes");

    static boolean isBlock(Element e) {
        return BLOCK_TAGS.contains(e.normalName());
    }

    /** The blocks under {@code root}, in document order. */
    static List<Block> of(Element root) {
        Collector c = new Collector(root);
        NodeTraversor.traverse(c, root);
        c.flush();
        return c.blocks;
    }

    private static final class Collector implements NodeVisitor {
        private final List<Block> blocks = new ArrayList<>();
        private final Deque<Element> open = new ArrayDeque<>();
        private final StringBuilder text = new StringBuilder();
        private int chars;
        private int linkChars;
        private int linkDepth;

        Collector(Element root) {
            open.push(root);
        }

        @Override
        public void head(Node node, int depth) {
            if (node instanceof TextNode t) {
                String s = t.getWholeText();
                text.append(s);
                int visible = visibleChars(s);
                chars += visible;
                if (linkDepth > 0) {
                    linkChars += visible;
                }
            } else if (node instanceof Element e) {
                if (e.normalName().equals("br")) {
                    flush();
                } else if (isBlock(e) && depth > 0) {
                    flush();
                    open.push(e);
                } else if (e.normalName().equals("a")) {
                    linkDepth++;
                }
            }
        }

        @Override
        public void tail(Node node, int depth) {
            if (node instanceof Element e) {
                if (isBlock(e) && depth > 0) {
                    flush();
                    open.pop();
                } else if (e.normalName().equals("a")) {
                    linkDepth--;
                }
            }
        }

        void flush() {
            if (chars > 0) {
                String s = collapse(text);
                Element container = open.peek();
                blocks.add(new Block(s, container, kindOf(container), chars, linkChars));
            }
            text.setLength(0);
            chars = 0;
            linkChars = 0;
        }
    }

    private static Kind kindOf(Element e) {
        String tag = e.normalName();
        if (tag.length() == 2 && tag.charAt(0) == 'h' && tag.charAt(1) >= '1' && tag.charAt(1) <= '6') {
            return Kind.HEADING;
        }
        return switch (tag) {
            case "p", "blockquote", "pre" -> Kind.PARAGRAPH;
            case "li", "dd", "dt" -> Kind.LIST_ITEM;
            default -> Kind.OTHER;
        };
    }

    private static int visibleChars(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!Character.isWhitespace(c) && c != '\u00a0' && c != '\u200b') {
                n++;
            }
        }
        return n;
    }

    /** Collapses runs of whitespace (no-break spaces included) to one space and trims. */
    static String collapse(CharSequence s) {
        StringBuilder out = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || c == '\u00a0' || c == '\u200b' || c == '\u2028' || c == '\u2029') {
                space = !out.isEmpty();
            } else {
                if (space) {
                    out.append(' ');
                    space = false;
                }
                out.append(c);
            }
        }
        return out.toString();
    }
}
