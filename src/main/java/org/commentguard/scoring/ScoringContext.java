package org.commentguard.scoring;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a scorer may look at for one comment. Each scorer derives what it needs (normalised text, tokens)
 * from {@code text} itself; {@link org.commentguard.scoring.text.TextNormalizer} is the shared normaliser.
 *
 * @param text      the comment exactly as received
 * @param article   the article the comment belongs to, if known
 * @param parent    the text of the comment it replies to, if any
 * @param languages languages the client declared, empty when it did not
 * @param site      per-site lexicon additions and the recent-comment window, {@link SiteScoringData#NONE} if none
 * @param thread    texts of other recent comments under the same article, newest first, without this comment
 *                  (off-topic scoring compares the comment with its siblings); empty when unknown
 * @param spans     whether the caller shows character spans; when it does not (Perspective's analyze without
 *                  {@code spanAnnotations}, as Coral calls it), a scorer leaves out span work that costs model passes
 */
public record ScoringContext(
        String text,
        Optional<ArticleText> article,
        Optional<String> parent,
        List<String> languages,
        SiteScoringData site,
        List<String> thread,
        boolean spans) {

    public ScoringContext {
        Objects.requireNonNull(text, "text");
        article = article == null ? Optional.empty() : article;
        parent = parent == null ? Optional.empty() : parent;
        languages = languages == null ? List.of() : List.copyOf(languages);
        site = site == null ? SiteScoringData.NONE : site;
        thread = thread == null ? List.of() : List.copyOf(thread);
    }

    /** A context whose spans are shown. */
    public ScoringContext(
            String text,
            Optional<ArticleText> article,
            Optional<String> parent,
            List<String> languages,
            SiteScoringData site,
            List<String> thread) {
        this(text, article, parent, languages, site, thread, true);
    }

    /** A context without the comment's thread. */
    public ScoringContext(
            String text,
            Optional<ArticleText> article,
            Optional<String> parent,
            List<String> languages,
            SiteScoringData site) {
        this(text, article, parent, languages, site, List.of());
    }

    /** The same context for a caller that shows no spans. */
    public ScoringContext withoutSpans() {
        return new ScoringContext(text, article, parent, languages, site, thread, false);
    }

    public static ScoringContext of(String text) {
        return new ScoringContext(text, Optional.empty(), Optional.empty(), List.of(), SiteScoringData.NONE);
    }

    /** The article a comment is judged against: title and body with page boilerplate already removed. */
    public record ArticleText(String title, String body) {
        public ArticleText {
            title = title == null ? "" : title;
            body = body == null ? "" : body;
        }
    }
}
