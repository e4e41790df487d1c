package org.commentguard.article;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.UUID;

/** Request and response bodies of the article API. */
public final class ArticleRequests {

    /** A plain-text dump of a page: generous, but bounded well below the request size limit. */
    static final int MAX_BODY_CHARS = 900_000;

    /**
     * A page's HTML: real article pages reach 5 MB (inline scripts, mega-menus, teaser rails). Bounded by the 8 MiB
     * limit of the article route and by {@link org.commentguard.platform.error.JsonStrictness#MAX_STRING_CHARS}.
     */
    static final int MAX_HTML_CHARS = 6_000_000;

    private ArticleRequests() {}

    /** Exactly one of {@code body} (plain text) and {@code html} (the page) must be given. */
    public record ArticleRequest(
            @NotBlank @Size(max = 1000) String title,

            @Size(max = 2000) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL")
            String url,

            @Size(max = MAX_BODY_CHARS) @JsonDeserialize(using = PageTextDeserializer.class)
            String body,

            @Size(max = MAX_HTML_CHARS) @JsonDeserialize(using = PageTextDeserializer.class)
            String html) {}

    public record ArticleView(
            UUID id, String externalId, String title, String url, String text, Instant createdAt, Instant updatedAt) {
        static ArticleView of(Article a) {
            return new ArticleView(a.id, a.externalId, a.title, a.url, a.cleanText, a.createdAt, a.updatedAt);
        }
    }
}
