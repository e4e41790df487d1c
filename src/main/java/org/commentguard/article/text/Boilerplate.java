package org.commentguard.article.text;

import org.jsoup.nodes.Element;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The general vocabulary of page furniture: which class and id words mark navigation, comments, promotions and ads,
 * which mark the story, and which short lines are furniture wherever they appear. The words follow the candidate
 * lists of Mozilla's Readability and the class names that the common CMS themes use; none comes from a test page.
 */
final class Boilerplate {

    private Boilerplate() {}

    /** Class or id words of a reader comment section. */
    private static final Set<String> COMMENT_WORDS =
            Set.of("comment", "comments", "commentlist", "disqus", "replies", "reply", "respond", "shoutbox", "remark");

    /** Class or id words of an element that is furniture, never the story. */
    private static final Set<String> NEGATIVE_WORDS = Set.of(
            "nav",
            "navbar",
            "navigation",
            "menu",
            "menus",
            "submenu",
            "breadcrumb",
            "breadcrumbs",
            "pagination",
            "pager",
            "sidebar",
            "widget",
            "widgets",
            "footer",
            "masthead",
            "topbar",
            "share",
            "sharing",
            "sharedaddy",
            "social",
            "related",
            "relatedposts",
            "recirculation",
            "newsletter",
            "subscribe",
            "subscription",
            "signup",
            "promo",
            "recommended",
            "recommendations",
            "popular",
            "trending",
            "ad",
            "ads",
            "advert",
            "adverts",
            "advertisement",
            "advertising",
            "adslot",
            "adspot",
            "sponsor",
            "sponsored",
            "outbrain",
            "taboola",
            "cookie",
            "cookies",
            "consent",
            "gdpr",
            "paywall",
            "modal",
            "popup",
            "banner",
            "byline",
            "caption",
            "credit",
            "credits",
            "tags",
            "meta",
            "tools",
            "print",
            "skip");

    /** Multi-word class names of text that only screen readers get (and skip links). */
    private static final Pattern SCREEN_READER_ONLY = Pattern.compile(
            "(^|\\s)(screen-reader-text|visually-hidden|sr-only|element-invisible|skip-link|hidden)(\\s|$)");

    /** Words that mark the story container (Readability's positive list). */
    private static final Set<String> POSITIVE_WORDS = Set.of(
            "article",
            "articlebody",
            "body",
            "content",
            "entry",
            "hentry",
            "main",
            "post",
            "story",
            "text",
            "blog",
            "prose");

    /**
     * First or last words of a class name that describe a state or a layout choice rather than what the element is:
     * "has-sidebar", "with-comments", "comments-open", "nav-collapsed" sit on wrappers around the whole page.
     */
    private static final Set<String> STATE_WORDS = Set.of(
            "has",
            "with",
            "without",
            "no",
            "is",
            "show",
            "hide",
            "enable",
            "enabled",
            "disable",
            "disabled",
            "open",
            "opened",
            "closed",
            "collapsed",
            "expanded",
            "active",
            "allowed",
            "count",
            "number");

    /** Elements whose role is furniture, whatever their class. */
    private static final Set<String> NEGATIVE_TAGS = Set.of("nav", "header", "footer", "aside", "menu");

    private static final Set<String> NEGATIVE_ROLES = Set.of(
            "navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar", "dialog", "alert");

    /** Elements that never hold article text: code, media, embeds, form controls, AMP furniture. */
    static final String NEVER_TEXT = "script, style, noscript, template, svg, math, iframe, object, embed, canvas,"
            + " map, picture, video, audio, source, track, figure, figcaption, img, input, textarea, select, option,"
            + " button, label, dialog, amp-ad, amp-sticky-ad, amp-sidebar, amp-analytics, amp-social-share,"
            + " amp-consent, amp-user-notification, [hidden], [aria-hidden=true]";

    /**
     * Lines that are page furniture wherever they stand. Only short lines are tested: a story about a newsletter or a
     * cookie law keeps its sentences.
     */
    static final Pattern FURNITURE_LINE = Pattern.compile("(?iu)("
            + "\\bsign (up|in)\\b|\\bsubscribe\\b|\\bsubscription\\b|\\bnewsletter|\\bunsubscribe|your inbox"
            + "|\\b(download|get) (our|the) .*\\bapp\\b|\\bfollow us\\b|\\bshare (this|on|via)\\b|^share\\b|\\bshare$"
            + "|\\btweet this\\b|\\bclick here\\b|all rights reserved|^©|©\\s*\\d{4}|\\bcopyright\\b"
            + "|privacy (policy|notice)|terms (of|and conditions)|\\bcookie|\\badvertisement\\b|\\badvertising\\b"
            + "|sponsored (content|by)|\\bpaid (content|post)\\b|^\\W*(ad|ads|anzeige|publicidad|werbung)\\W*$"
            + "|^(photo|photos|picture|illustration|image|video|credit|source|file photo)s?\\s*:"
            + "|^\\(?(photo|image|picture)s? (by|courtesy)|\\b(getty images|afp|reuters|ap photo|associated press"
            + "|shutterstock|epa)\\)?\\s*$"
            + "|^\\d+ (min(ute)?s?|hours?|days?) (ago|read)\\b|^updated\\b.*\\d{4}$"
            + "|^(read|see) (more|also)\\b|^related\\b|^(leave|post|add) a (comment|reply)\\b|^\\d+ (comments?|responses?)$"
            + "|^(print|email)( this)?( article| story| page)?$|^back to top$|^(previous|next) (post|article|story)$"
            + "|^(tags?|categories|filed under)\\s*:)");

    private static final int FURNITURE_LINE_MAX = 160;

    /** A short line of page furniture (sign-ups, legal lines, share rows, photo credits, "3 hours ago"). */
    static boolean isFurnitureLine(String line) {
        return line.length() <= FURNITURE_LINE_MAX
                && FURNITURE_LINE.matcher(line).find();
    }

    /** The element is furniture by tag, ARIA role, or a class or id word. */
    static boolean isNegative(Element e) {
        if (NEGATIVE_TAGS.contains(e.normalName())) {
            return true;
        }
        String role = e.attr("role").toLowerCase(Locale.ROOT);
        if (!role.isEmpty() && NEGATIVE_ROLES.contains(role)) {
            return true;
        }
        if (SCREEN_READER_ONLY.matcher(e.className().toLowerCase(Locale.ROOT)).find()) {
            return true;
        }
        return hasWord(e.className(), NEGATIVE_WORDS) || hasWord(e.id(), NEGATIVE_WORDS) || isCommentSection(e);
    }

    /** The element is (part of) a reader comment section, by class or id. */
    static boolean isCommentSection(Element e) {
        return hasWord(e.className(), COMMENT_WORDS) || hasWord(e.id(), COMMENT_WORDS);
    }

    /** The element declares itself the story by class, id, {@code name} or schema.org property. */
    static boolean isPositive(Element e) {
        return hasWord(e.className() + " " + e.id() + " " + e.attr("name") + " " + e.attr("itemprop"), POSITIVE_WORDS);
    }

    /** schema.org's explicit marker of the article text, as microdata or RDFa, or a {@code name="articleBody"}. */
    static boolean isArticleBodyMarker(Element e) {
        return e.attr("itemprop").equalsIgnoreCase("articleBody")
                || e.attr("property").equalsIgnoreCase("articleBody")
                || e.attr("property").equalsIgnoreCase("schema:articleBody")
                || e.attr("name").equalsIgnoreCase("articleBody");
    }

    /**
     * Whether one of the class names (or the id) carries a word of the set. Class names are split on '-', '_' and
     * camel case; a class name that begins or ends with a state word describes a page layout, not the element.
     */
    private static boolean hasWord(String classes, Set<String> words) {
        // Hand-rolled rather than regex splitting: a large page has 100,000 elements, most of them with classes.
        int n = classes.length();
        int i = 0;
        List<String> parts = new ArrayList<>(6);
        while (i < n) {
            while (i < n && Character.isWhitespace(classes.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && !Character.isWhitespace(classes.charAt(i))) {
                i++;
            }
            if (i > start && classNameHasWord(classes, start, i, words, parts)) {
                return true;
            }
        }
        return false;
    }

    private static boolean classNameHasWord(String s, int from, int to, Set<String> words, List<String> parts) {
        parts.clear();
        int start = from;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c == '-' || c == '_') {
                if (i > start) {
                    parts.add(s.substring(start, i).toLowerCase(Locale.ROOT));
                }
                start = i + 1;
            } else if (i > start
                    && (Character.isUpperCase(c) && Character.isLowerCase(s.charAt(i - 1))
                            || Character.isDigit(c) && Character.isLetter(s.charAt(i - 1)))) {
                parts.add(s.substring(start, i).toLowerCase(Locale.ROOT));
                start = i;
            }
        }
        if (to > start) {
            parts.add(s.substring(start, to).toLowerCase(Locale.ROOT));
        }
        if (parts.size() > 1
                && (STATE_WORDS.contains(parts.get(0)) || STATE_WORDS.contains(parts.get(parts.size() - 1)))) {
            return false;
        }
        for (String p : parts) {
            if (words.contains(p)) {
                return true;
            }
        }
        return false;
    }
}
