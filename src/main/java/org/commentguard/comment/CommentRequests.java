package org.commentguard.comment;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.commentguard.scoring.Span;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Request and response bodies of the comment API. */
public final class CommentRequests {

    private CommentRequests() {}

    /** The author as the site knows them. */
    public record AuthorRef(
            @NotBlank @Size(max = 200) String id,
            @Size(max = 200) String name) {}

    /**
     * A new comment. {@code articleId} is the article's external id (registered with PUT /api/v1/articles first);
     * {@code parentId} the external id of an earlier comment it replies to.
     */
    public record CommentRequest(
            @NotBlank @Size(max = 200) String externalId,
            @NotBlank @Size(max = 200) String articleId,
            @Size(max = 200) String parentId,
            @NotNull @Valid AuthorRef author,
            String text,
            List<@Size(max = 20) String> languages) {}

    public record EditRequest(String text) {}

    public record ReportRequest(String reporterId, String reason) {}

    /** The answer to ingestion and edits: the verdict with its reasons and the scores behind it. */
    public record VerdictView(
            UUID id,
            String externalId,
            String status,
            List<String> reasons,
            Map<String, Double> scores,
            int policyVersion) {
        public static VerdictView of(Comment c) {
            return new VerdictView(
                    c.id, c.externalId, c.status.name(), c.reasons(), rounded(c.scores()), c.policyVersion);
        }
    }

    public record CommentView(
            UUID id,
            String externalId,
            String articleId,
            String parentId,
            String authorId,
            String authorName,
            String text,
            String displayText,
            String status,
            String autoStatus,
            List<String> reasons,
            Map<String, Double> scores,
            List<Span> spans,
            Map<String, String> models,
            String language,
            int policyVersion,
            Instant createdAt,
            Instant updatedAt,
            Instant editedAt) {}

    public record CommentPage(List<CommentView> items, String nextCursor) {}

    static Map<String, Double> rounded(Map<String, Double> scores) {
        Map<String, Double> m = new java.util.LinkedHashMap<>();
        scores.forEach((k, v) -> m.put(k, v == null ? null : Math.round(v * 10_000.0) / 10_000.0));
        return m;
    }
}
