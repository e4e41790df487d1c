package org.commentguard.integration.coral;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import org.commentguard.article.ArticleRegistry;
import org.commentguard.audit.Acting;
import org.commentguard.comment.CommentIngestion;
import org.commentguard.comment.CommentRequests.AuthorRef;
import org.commentguard.comment.CommentRequests.CommentRequest;
import org.commentguard.comment.CommentRequests.VerdictView;
import org.commentguard.integration.coral.CoralRequests.ModerationRequest;
import org.commentguard.integration.coral.CoralRequests.ModerationResponse;
import org.commentguard.platform.failure.Invalid;
import org.commentguard.platform.failure.Unauthenticated;
import org.commentguard.score.ScoreLimits;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Coral's External Moderation Phase: authenticate the request by its signature, find the story's article, run the
 * comment through {@link CommentIngestion} (full site policy, queue, audit, webhooks, learning data) and answer
 * Coral's status and flags.
 */
@ApplicationScoped
public class CoralModeration {

    static final int MAX_URL_CHARS = 2000;
    private static final Set<String> ACTIONS = Set.of("NEW", "EDIT");

    private final CoralIntegrations integrations;
    private final ArticleRegistry articles;
    private final CommentIngestion ingestion;
    private final ObjectMapper mapper;
    private final boolean explainLater;

    public CoralModeration(
            CoralIntegrations integrations,
            ArticleRegistry articles,
            CommentIngestion ingestion,
            ObjectMapper mapper,
            @ConfigProperty(name = "commentguard.coral.explain-later", defaultValue = "true") boolean explainLater) {
        this.integrations = integrations;
        this.articles = articles;
        this.ingestion = ingestion;
        this.mapper = mapper;
        this.explainLater = explainLater;
    }

    /**
     * Moderates one signed request. Nothing is read beyond the tenant and site ids, and nothing is written, before
     * the signature checks out.
     *
     * @return Coral's answer, empty for "no objection"
     */
    public Optional<ModerationResponse> moderate(byte[] body, String signature, String requestId) throws IOException {
        if (signature == null || signature.isBlank()) {
            throw new Unauthenticated("unauthenticated", "Coral signs every request in the X-Coral-Signature header");
        }
        if (body == null || body.length == 0) {
            throw new Invalid("body", "must be Coral's moderation request");
        }
        ModerationRequest r = mapper.readValue(body, ModerationRequest.class);
        if (r == null) {
            throw new Invalid("body", "must be Coral's moderation request");
        }
        CoralIntegrations.Target target = authenticate(r, body, signature);

        String action = required("action", r.action(), 10);
        if (!ACTIONS.contains(action)) {
            throw new Invalid("action", "must be NEW or EDIT");
        }
        if (r.comment() == null || r.comment().body() == null) {
            throw new Invalid("comment.body", "must be present");
        }
        String parentId = optional("comment.parentID", r.comment().parentID(), CoralIntegrations.MAX_ID_CHARS);
        String authorId =
                required("author.id", r.author() == null ? null : r.author().id(), CoralIntegrations.MAX_ID_CHARS);
        String storyId =
                required("story.id", r.story() == null ? null : r.story().id(), CoralIntegrations.MAX_ID_CHARS);
        String storyUrl = url(r.story().url());
        String text = CoralBody.text(r.comment().body(), target.html());
        ScoreLimits.checkText("comment.body", text);

        String articleId = articles.forUrl(target.siteId(), storyUrl, "coral-story:" + storyId);
        // Coral's request names no comment: it asks before storing. The id is derived from everything the request
        // says, so a retry (or a replay of a captured request) answers the stored verdict and stores nothing new.
        String externalId = "coral:"
                + digest(
                        r.tenantID(),
                        r.site().id(),
                        storyId,
                        authorId,
                        parentId,
                        action,
                        r.comment().body());
        // Coral's parentID is Coral's own id, which Commentguard never saw (it stores Coral comments under derived
        // ids), so replies are stored without their parent. Likewise an EDIT is stored as a comment of its own.
        // Coral's phase timeout (100–10,000 ms, default 200 ms; not sent with the request) is this call's budget:
        // past it Coral skips the phase and ignores the answer, while the comment is still stored and queued here.
        // Where CommentIngestion takes a deadline, this is the call to give it one (per-site setting).
        // Coral's answer carries no spans: the per-sentence toxicity spans moderators read are added after it.
        CommentIngestion.Ingested ingested = ingestion.ingest(
                target.siteId(),
                new CommentRequest(externalId, articleId, null, new AuthorRef(authorId, null), text, List.of()),
                Acting.system("coral", requestId),
                explainLater);
        VerdictView verdict = ingested.view();
        return CoralVerdicts.answer(verdict.status(), verdict.reasons());
    }

    /** The site whose secrets signed this body; forged, stale and unknown-tenant requests are all 401. */
    private CoralIntegrations.Target authenticate(ModerationRequest r, byte[] body, String signature) {
        String tenant = r.tenantID();
        String site = r.site() == null ? null : r.site().id();
        if (tenant == null
                || tenant.isBlank()
                || tenant.length() > CoralIntegrations.MAX_ID_CHARS
                || site == null
                || site.length() > CoralIntegrations.MAX_ID_CHARS) {
            throw invalidSignature("The request names no configured Coral tenant and site");
        }
        // An unknown tenant reads exactly like a bad signature, so tenants cannot be probed.
        CoralIntegrations.Target target = integrations
                .forRequest(tenant, site)
                .orElseThrow(() -> invalidSignature("The signature does not match any active signing secret"));
        if (CoralSignature.verify(body, signature, target.activeSecrets())) {
            return target;
        }
        if (CoralSignature.verify(body, signature, target.inactiveSecrets())) {
            throw invalidSignature("The request is signed with a secret that is no longer active; configure "
                    + "Coral's current signing secret");
        }
        throw invalidSignature("The signature does not match any active signing secret");
    }

    private static Unauthenticated invalidSignature(String detail) {
        return new Unauthenticated("invalid_signature", detail);
    }

    private static String required(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw new Invalid(field, "must not be blank");
        }
        return optional(field, value, max);
    }

    private static String optional(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > max) {
            throw new Invalid(field, "must be at most " + max + " characters");
        }
        return value.strip();
    }

    private static String url(String value) {
        String url = required("story.url", value, MAX_URL_CHARS);
        try {
            URI uri = new URI(url);
            if (uri.getScheme() == null
                    || uri.getHost() == null
                    || !(uri.getScheme().equalsIgnoreCase("http")
                            || uri.getScheme().equalsIgnoreCase("https"))) {
                throw new Invalid("story.url", "must be an absolute http(s) URL");
            }
        } catch (java.net.URISyntaxException e) {
            throw new Invalid("story.url", "must be an absolute http(s) URL");
        }
        return url;
    }

    private static String digest(String... parts) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String p : parts) {
                // Length-prefixed, so that no two different requests hash the same parts.
                byte[] bytes = p == null ? new byte[0] : p.getBytes(StandardCharsets.UTF_8);
                sha.update((p == null ? "-1" : Integer.toString(bytes.length)).getBytes(StandardCharsets.UTF_8));
                sha.update((byte) ':');
                sha.update(bytes);
            }
            return HexFormat.of().formatHex(sha.digest(), 0, 20);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
