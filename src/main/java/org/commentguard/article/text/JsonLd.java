package org.commentguard.article.text;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What a page's schema.org JSON-LD says about its article: the headline and, where the publisher gives it, the
 * whole {@code articleBody}. Pages that render the story with JavaScript often carry it only there.
 */
final class JsonLd {

    /** Publishers' JSON-LD is often not strict JSON: raw line breaks inside strings, trailing commas, comments. */
    private static final ObjectMapper LENIENT = JsonMapper.builder(JsonFactory.builder()
                    .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
                    .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
                    .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
                    .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES)
                    .build())
            .build();

    /** Nesting deeper than this is not an article description; stops hostile documents early. */
    private static final int MAX_DEPTH = 24;

    private final String headline;
    private final String articleBody;

    private JsonLd(String headline, String articleBody) {
        this.headline = headline;
        this.articleBody = articleBody;
    }

    static JsonLd of(Document doc) {
        String headline = "";
        String body = "";
        for (Element script : doc.select("script[type]")) {
            if (!script.attr("type").toLowerCase(Locale.ROOT).contains("ld+json")) {
                continue;
            }
            JsonNode root;
            try (JsonParser p = LENIENT.createParser(script.data())) {
                root = LENIENT.readTree(p);
            } catch (Exception e) {
                // A broken block is the publisher's problem; the DOM still has the page.
                continue;
            }
            String[] found = {headline, body};
            walk(root, found, 0);
            headline = found[0];
            body = found[1];
        }
        return new JsonLd(headline, body);
    }

    private static void walk(JsonNode node, String[] found, int depth) {
        if (node == null || depth > MAX_DEPTH) {
            return;
        }
        if (node.isArray()) {
            for (JsonNode n : node) {
                walk(n, found, depth + 1);
            }
            return;
        }
        if (!node.isObject()) {
            return;
        }
        JsonNode body = node.get("articleBody");
        if (body != null && body.isTextual() && body.asText().length() > found[1].length()) {
            found[1] = body.asText();
        }
        JsonNode headline = node.get("headline");
        if (found[0].isEmpty() && headline != null && headline.isTextual() && isArticle(node)) {
            found[0] = headline.asText().strip();
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            JsonNode child = it.next().getValue();
            if (child.isContainerNode()) {
                walk(child, found, depth + 1);
            }
        }
    }

    private static boolean isArticle(JsonNode node) {
        JsonNode type = node.get("@type");
        String t = type == null ? "" : type.toString().toLowerCase(Locale.ROOT);
        return t.contains("article")
                || t.contains("posting")
                || t.contains("report")
                || t.contains("webpage")
                || t.isEmpty();
    }

    Optional<String> headline() {
        return headline.isBlank() ? Optional.empty() : Optional.of(headline);
    }

    /** The declared article text, entity-decoded and without markup; empty when the page declares none. */
    String articleBody() {
        return articleBody;
    }
}
