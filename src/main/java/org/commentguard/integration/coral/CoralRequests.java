package org.commentguard.integration.coral;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Coral's External Moderation Phase wire format, and the admin API's bodies. The request and response mirror
 * {@code ExternalModerationRequest} and {@code ExternalModerationResponseSchema} in coralproject/talk,
 * {@code server/src/core/server/services/comments/pipeline/phases/external.ts}; unknown fields are ignored, as
 * Coral may add some.
 */
public final class CoralRequests {

    private CoralRequests() {}

    /**
     * What Coral POSTs for every comment that reaches its {@code external} phase. It carries no comment id: Coral
     * asks before it stores the comment ({@code action: NEW}) or the edit ({@code EDIT}).
     */
    public record ModerationRequest(
            String action,
            CommentPart comment,
            AuthorPart author,
            StoryPart story,
            SitePart site,
            String tenantID,
            String tenantDomain) {}

    /** {@code body} is HTML or HTML-stripped text, as the phase's format says; {@code parentID} is Coral's id. */
    public record CommentPart(String body, String parentID) {}

    /** Coral's user id and role ({@code GQLUSER_ROLE}: ADMIN, MODERATOR, STAFF, MEMBER, COMMENTER). */
    public record AuthorPart(String id, String role) {}

    public record StoryPart(String id, String url) {}

    public record SitePart(String id) {}

    /**
     * The answer, within Coral's Joi schema: {@code status} one of {@code GQLCOMMENT_STATUS}, {@code actions}
     * FLAG actions with reason {@code COMMENT_DETECTED_TOXIC} or {@code COMMENT_DETECTED_SPAM}. No tags are sent.
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record ModerationResponse(String status, List<FlagAction> actions) {}

    public record FlagAction(String actionType, String reason) {}

    /** {@code PUT /api/v1/sites/{id}/integrations/coral}. */
    public record IntegrationRequest(
            String tenantId, String coralSiteId, String bodyFormat, List<SecretInput> secrets) {}

    /**
     * One of the phase's signing secrets as Coral shows it. {@code inactiveAt}: when Coral stops signing with it
     * (the end of the overlap chosen when the secret was rotated); absent while it is Coral's current secret.
     */
    public record SecretInput(String secret, Instant inactiveAt) {}

    /** The stored integration; secrets only by fingerprint and last four characters. */
    public record IntegrationView(
            UUID siteId,
            String tenantId,
            String coralSiteId,
            String bodyFormat,
            List<SecretView> secrets,
            String moderationPath,
            Instant createdAt,
            Instant updatedAt) {}

    /**
     * @param fingerprint the first 12 hex digits of the secret's SHA-256
     * @param hint        {@code …} and the secret's last four characters, to tell secrets apart in Coral's admin
     */
    public record SecretView(String fingerprint, String hint, Instant inactiveAt, boolean active) {}
}
