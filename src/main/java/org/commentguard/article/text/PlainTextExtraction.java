package org.commentguard.article.text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Article text from a page's plain-text dump, one block per line. Without markup only the lines themselves are
 * evidence: furniture vocabulary, lines repeated or built from one template, link-row and menu shapes, and the
 * section headings after which a page carries teasers or its comment thread.
 */
final class PlainTextExtraction {

    private PlainTextExtraction() {}

    /**
     * A line that starts one of these sections ends the article: everything after it is teasers for other stories
     * or the comment thread, never more of the story.
     */
    private static final Pattern END_OF_ARTICLE = Pattern.compile(
            "(?iu)^(comments?( \\(\\d+\\))?|\\d+ comments?|more from\\b.*|related( stories| articles| coverage)?"
                    + "|read more|recommended( for you)?|you (may|might) also like.*|most (popular|read)"
                    + "|trending( now)?|more stories|latest (news|stories)|what to read next|join the conversation"
                    + "|leave a (comment|reply)|show comments|view comments)[:.]?$");

    /** A comment header of forum-style threads: "name Tue, 05/01/2018 - 21:37 Permalink", "In reply to …". */
    private static final Pattern COMMENT_HEADER = Pattern.compile(
            "(?iu).*\\b\\d{1,2}/\\d{1,2}/\\d{2,4}\\s*-\\s*\\d{1,2}:\\d{2}\\s*(permalink)?$|.*\\bpermalink$"
                    + "|^in reply to\\b.*");

    /**
     * "5 hours ago - Sport": a story's own dateline stands above its text, so one after the story's text belongs to
     * the next item of a teaser list.
     */
    private static final Pattern RELATIVE_DATELINE = Pattern.compile("(?iu)^\\d+ (minutes?|hours?|days?) ago\\b");

    /** A photo credit or a dateline ("3 hours ago", "Updated …"): page furniture, but not a promo. */
    private static final Pattern CREDIT_OR_DATELINE = Pattern.compile(
            "(?iu)^(photo|photos|illustration|image)s?\\s*:|^\\d+ (minutes?|hours?|days?) ago\\b|^updated\\b");

    /** A caption that carries its credit on the same line: "... at the harbour. Photo: Name/Agency". */
    private static final Pattern INLINE_CREDIT = Pattern.compile("(?iu)\\b(photo|photos|illustration|image)s?:\\s*\\S");

    /** "Name Surname / Agency" or "AGENCY/Name": the shape of a photo credit line. */
    private static final Pattern CREDIT_SHAPE =
            Pattern.compile("^[\\p{L}.'’ -]{2,40}\\s?/\\s?[\\p{L}.'’ ]{2,40}(/[\\p{L} .]{2,30})?\\)?$");

    private static final Pattern BULLET = Pattern.compile("^\\s*([•·▪●◦‣\\-*–]|\\d+\\.)\\s+");

    private static final Pattern SENTENCE_END = Pattern.compile("[.!?…\"”’')\\]:]$");

    /** How many lines share one template (the same words once names are taken out) before they count as a list. */
    private static final int TEMPLATE_REPEATS = 3;

    static CleanArticle extract(String text) {
        List<String> lines = new ArrayList<>();
        for (String raw : (text == null ? "" : text).split("\\R")) {
            String l = raw.replace('\u00a0', ' ').strip();
            if (!l.isEmpty()) {
                lines.add(l);
            }
        }
        Map<String, Integer> counts = new HashMap<>();
        Map<String, Integer> templates = new HashMap<>();
        for (String l : lines) {
            counts.merge(l, 1, Integer::sum);
            templates.merge(template(l), 1, Integer::sum);
        }
        boolean[] drop = new boolean[lines.size()];
        int end = lines.size();
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            // Only after some article text: a "Comments" link in the page header must not end the article.
            if (i > 0
                    && hasBodyBefore(lines, drop, i)
                    && (END_OF_ARTICLE.matcher(l).matches()
                            || COMMENT_HEADER.matcher(l).matches()
                            || RELATIVE_DATELINE.matcher(l).find())) {
                end = i;
                break;
            }
            String tpl = template(l);
            drop[i] = Boilerplate.isFurnitureLine(l)
                    || INLINE_CREDIT.matcher(l).find()
                    || counts.get(l) > 1
                    || (tpl.split(" ").length >= 4 && templates.get(tpl) >= TEMPLATE_REPEATS)
                    || isNavigation(l)
                    || COMMENT_HEADER.matcher(l).matches()
                    || (l.length() <= 80
                            && CREDIT_SHAPE.matcher(l).matches()
                            && !SENTENCE_END.matcher(l).find());
        }
        // A short heading directly above a dropped promo ("Local news worth your morning" / "Sign up …") belongs to
        // the promo. A photo credit or a dateline is not a promo: the line above it is usually the headline.
        for (int i = end - 2; i >= 0; i--) {
            if (!drop[i]
                    && drop[i + 1]
                    && isHeadingLike(lines.get(i))
                    && Boilerplate.isFurnitureLine(lines.get(i + 1))
                    && !CREDIT_OR_DATELINE.matcher(lines.get(i + 1)).find()) {
                drop[i] = true;
            }
        }
        // Before the story starts, a line between two furniture lines is part of the same promotion block.
        for (int i = 1; i < end - 1 && !hasBodyBefore(lines, drop, i); i++) {
            String before = lines.get(i - 1);
            boolean promoBefore = drop[i - 1]
                    && Boilerplate.isFurnitureLine(before)
                    && !CREDIT_OR_DATELINE.matcher(before).find()
                    && !INLINE_CREDIT.matcher(before).find();
            if (!drop[i] && promoBefore && drop[i + 1] && lines.get(i).length() <= 200) {
                drop[i] = true;
            }
        }
        List<String> removed = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        String title = null;
        for (int i = 0; i < end; i++) {
            String l = lines.get(i);
            if (drop[i]) {
                removed.add(l);
                continue;
            }
            String clean = BULLET.matcher(l).replaceFirst("");
            if (isHeadingLike(clean) || (title == null && kept.isEmpty() && isTitleCase(clean))) {
                // The first heading of a text dump is the headline; later ones are sub-heads, which carry no
                // sentences of their own and would only match short comments by accident.
                if (title == null && kept.isEmpty()) {
                    title = clean;
                } else {
                    removed.add(l);
                }
                continue;
            }
            kept.add(clean);
        }
        removed.addAll(lines.subList(end, lines.size()));
        if (kept.isEmpty()) {
            // Nothing looked like a story (a stub, a short note): keep its lines rather than return nothing.
            for (int i = 0; i < lines.size(); i++) {
                if (!drop[i] && !lines.get(i).equals(title)) {
                    kept.add(lines.get(i));
                }
            }
            if (kept.isEmpty()) {
                kept.addAll(lines);
            }
            removed.removeAll(kept);
        }
        return new CleanArticle(title == null ? "" : title, String.join("\n\n", kept), removed);
    }

    /** A line without its capitalised words and numbers: "Weather for Leeds today" → "weather for today". */
    private static String template(String l) {
        StringBuilder sb = new StringBuilder();
        String[] words = l.split("\\s+");
        for (int i = 0; i < words.length; i++) {
            String w = words[i];
            boolean name =
                    i > 0 && !w.isEmpty() && (Character.isUpperCase(w.charAt(0)) || Character.isDigit(w.charAt(0)));
            if (!name) {
                sb.append(sb.isEmpty() ? "" : " ").append(w.toLowerCase(Locale.ROOT));
            }
        }
        return sb.toString();
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

    /** "Council Approves Bike Lanes": short, and nearly every word capitalised. */
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
        boolean separated =
                l.split("\\s[|•·]\\s").length >= 3 && !SENTENCE_END.matcher(l).find();
        return allCaps || separated;
    }
}
