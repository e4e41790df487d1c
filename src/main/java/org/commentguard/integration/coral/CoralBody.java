package org.commentguard.integration.coral;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * The text of a Coral comment body. Coral sends the comment's HTML unless the phase's format is "Plain Text"
 * ({@code phase.format === GQLCOMMENT_BODY_FORMAT.HTML ? comment.body : bodyText} in {@code external.ts}). Scoring
 * reads text: markup would count as words, and a link's address, which spam scoring needs, sits in an attribute.
 */
final class CoralBody {

    private CoralBody() {}

    /** Plain text with line breaks where the HTML had blocks or {@code <br>}, and each link's address kept. */
    static String text(String body, boolean html) {
        if (!html) {
            return body;
        }
        Document doc = Jsoup.parseBodyFragment(body);
        StringBuilder out = new StringBuilder(body.length());
        append(doc.body(), out);
        return out.toString().strip();
    }

    private static void append(Node node, StringBuilder out) {
        for (Node child : node.childNodes()) {
            if (child instanceof TextNode t) {
                out.append(t.getWholeText());
            } else if (child instanceof Element e) {
                String tag = e.normalName();
                if (tag.equals("br")) {
                    out.append('\n');
                    continue;
                }
                boolean block = switch (tag) {
                    case "p", "div", "blockquote", "li", "ul", "ol", "pre", "h1", "h2", "h3", "h4", "h5", "h6" -> true;
                    default -> false;
                };
                if (block && !out.isEmpty() && out.charAt(out.length() - 1) != '\n') {
                    out.append('\n');
                }
                append(e, out);
                // Coral's linkify phase makes <a href="URL">URL</a>; a link whose text hides its address keeps it.
                String href = tag.equals("a") ? e.attr("href").strip() : "";
                if (!href.isEmpty() && !e.text().contains(href)) {
                    out.append(" (").append(href).append(')');
                }
                if (block) {
                    out.append('\n');
                }
            }
        }
    }
}
