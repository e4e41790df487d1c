package org.commentguard.perspective;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.commentguard.perspective.PerspectiveRequests.AnalyzeRequest;
import org.commentguard.perspective.PerspectiveRequests.AnalyzeResponse;
import org.commentguard.perspective.PerspectiveRequests.AttributeParameters;
import org.commentguard.perspective.PerspectiveRequests.AttributeScores;
import org.commentguard.perspective.PerspectiveRequests.Score;
import org.commentguard.perspective.PerspectiveRequests.SpanScore;
import org.commentguard.perspective.PerspectiveRequests.SuggestScoreRequest;
import org.commentguard.perspective.PerspectiveRequests.SuggestScoreResponse;
import org.commentguard.perspective.PerspectiveRequests.TextEntry;
import org.commentguard.platform.error.ApiProblem;
import org.commentguard.quota.RequestScoring;
import org.commentguard.score.ScoreLimits;
import org.commentguard.scoring.Attributes;
import org.commentguard.scoring.ScoreResult;
import org.commentguard.scoring.ScoringContext;
import org.commentguard.scoring.Signal;
import org.commentguard.scoring.SiteLanguages;
import org.commentguard.scoring.SiteScoringData;
import org.commentguard.site.Allow;
import org.commentguard.site.CurrentCaller;
import org.commentguard.site.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Google Perspective's {@code v1alpha1} API, so that clients built on it (Coral Talk first) switch by changing the
 * endpoint URL to {@code https://<commentguard>/v1alpha1}. The key may travel as {@code ?key=} as Perspective's
 * did. OFF_TOPIC reads {@code context.entries}: the first entry is the article, a second the parent comment.
 */
@Path("/v1alpha1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Perspective compatibility")
@Allow(value = Role.INGEST, keyInQuery = true)
public class PerspectiveResource {

    private final RequestScoring scoring;
    private final CurrentCaller caller;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final SiteLanguages siteLanguages;

    public PerspectiveResource(
            RequestScoring scoring,
            CurrentCaller caller,
            ObjectMapper mapper,
            Clock clock,
            SiteLanguages siteLanguages) {
        this.scoring = scoring;
        this.siteLanguages = siteLanguages;
        this.caller = caller;
        this.mapper = mapper;
        this.clock = clock;
    }

    @POST
    @Path("/comments:analyze")
    @Operation(summary = "Perspective-compatible analysis")
    public AnalyzeResponse analyze(AnalyzeRequest request) {
        if (request == null) {
            throw error("INVALID_ARGUMENT", "Request body is required");
        }
        String text = commentText(request.comment());
        if (request.requestedAttributes() == null
                || request.requestedAttributes().isEmpty()) {
            throw error("NO_REQUESTED_ATTRIBUTES", "No requested attributes.");
        }
        Map<PerspectiveAttribute, AttributeParameters> requested = new LinkedHashMap<>();
        request.requestedAttributes().forEach((name, params) -> {
            PerspectiveAttribute attribute = PerspectiveAttribute.named(name)
                    .orElseThrow(() -> error("INVALID_ARGUMENT", "Unknown attribute: " + name));
            if (params != null
                    && params.scoreType() != null
                    && !params.scoreType().equals("PROBABILITY")) {
                throw error(
                        "INVALID_ARGUMENT",
                        "Unsupported scoreType " + params.scoreType() + " for " + name
                                + "; only PROBABILITY is available");
            }
            if (params != null
                    && params.scoreThreshold() != null
                    && (params.scoreThreshold() < 0 || params.scoreThreshold() > 1)) {
                throw error("INVALID_ARGUMENT", "scoreThreshold must be within [0, 1]");
            }
            requested.put(attribute, params);
        });
        List<String> languages = languages(request.languages());
        List<String> entries = contextTexts(request.context());
        ScoringContext context = new ScoringContext(
                text,
                entries.isEmpty() ? Optional.empty() : Optional.of(new ScoringContext.ArticleText("", entries.get(0))),
                entries.size() > 1 ? Optional.of(entries.get(1)) : Optional.empty(),
                languages,
                SiteScoringData.languagesOnly(
                        siteLanguages.languages(caller.get().siteId())));
        boolean spans = Boolean.TRUE.equals(request.spanAnnotations());
        // Refusals (quotas, deadline) answer Google's RESOURCE_EXHAUSTED / UNAVAILABLE, which Coral handles. Without
        // spanAnnotations (Coral asks for none) no toxicity spans are computed.
        ScoreResult result = scoring.one(spans ? context : context.withoutSpans());

        Map<String, AttributeScores> scores = new LinkedHashMap<>();
        requested.forEach((attribute, params) -> {
            Double value = result.score(attribute.attribute());
            if (value == null) {
                throw unavailable(attribute, result, entries.isEmpty());
            }
            double threshold = params == null || params.scoreThreshold() == null ? 0.0 : params.scoreThreshold();
            if (value < threshold) {
                return;
            }
            List<SpanScore> spanScores = spans
                    ? result.spans().stream()
                            .filter(s -> s.attribute().equals(attribute.attribute()))
                            .map(s -> new SpanScore(s.begin(), s.end(), Score.probability(s.score())))
                            .toList()
                    : null;
            scores.put(attribute.name(), new AttributeScores(spanScores, Score.probability(value)));
        });
        // "languages" are those the comment was scored in (requested, or chosen from detection and the site's
        // languages); "detectedLanguages" only what detection was confident of.
        Map<String, Object> language = result.details().getOrDefault(Attributes.LANGUAGE_SCORER, Map.of());
        Object confident = language.getOrDefault("detected", result.language());
        List<String> detected =
                confident instanceof String d && !d.equals(Attributes.UNDETERMINED) ? List.of(d) : List.of();
        return new AnalyzeResponse(
                scores, languages.isEmpty() ? List.of(result.language()) : languages, detected, request.clientToken());
    }

    @POST
    @Path("/comments:suggestscore")
    @Transactional
    @Operation(summary = "Store a suggested score as feedback for retraining")
    public SuggestScoreResponse suggestScore(SuggestScoreRequest request) {
        if (request == null) {
            throw error("INVALID_ARGUMENT", "Request body is required");
        }
        String text = commentText(request.comment());
        if (request.attributeScores() == null || request.attributeScores().isEmpty()) {
            throw error("NO_REQUESTED_ATTRIBUTES", "No attribute scores were suggested.");
        }
        List<String> languages = languages(request.languages());
        String contextJson;
        try {
            contextJson = request.context() == null ? null : mapper.writeValueAsString(request.context());
        } catch (JsonProcessingException e) {
            throw error("INVALID_ARGUMENT", "context cannot be stored");
        }
        List<ScoreFeedback> rows = new ArrayList<>();
        request.attributeScores().forEach((name, suggested) -> {
            PerspectiveAttribute attribute = PerspectiveAttribute.named(name)
                    .orElseThrow(() -> error("INVALID_ARGUMENT", "Unknown attribute: " + name));
            Double value = suggested == null || suggested.summaryScore() == null
                    ? null
                    : suggested.summaryScore().value();
            if (value == null || value.isNaN() || value < 0 || value > 1) {
                throw error(
                        "INVALID_ARGUMENT", "attributeScores." + name + ".summaryScore.value must be within [0, 1]");
            }
            rows.add(new ScoreFeedback(
                    caller.get().site(),
                    attribute.attribute(),
                    value,
                    text,
                    contextJson,
                    languages.isEmpty() ? null : languages.get(0),
                    limit(request.communityId()),
                    limit(request.clientToken()),
                    clock.instant()));
        });
        // Validated in full first: a request with one bad attribute stores nothing.
        rows.forEach(r -> r.persist());
        return new SuggestScoreResponse(null, languages.isEmpty() ? null : languages, request.clientToken());
    }

    private static String limit(String s) {
        if (s != null && s.length() > 500) {
            throw error("INVALID_ARGUMENT", "communityId and clientToken are limited to 500 characters");
        }
        return s;
    }

    private static String commentText(TextEntry comment) {
        if (comment == null || comment.text() == null || comment.text().isBlank()) {
            throw error("COMMENT_EMPTY", "Comment must be non-empty.");
        }
        if (comment.type() != null && !comment.type().equals("PLAIN_TEXT")) {
            throw error(
                    "INVALID_ARGUMENT",
                    "Unsupported comment type " + comment.type() + "; only PLAIN_TEXT is supported");
        }
        if (comment.text().length() > ScoreLimits.MAX_TEXT_CHARS) {
            throw error(
                    "COMMENT_TOO_LONG",
                    "Comment text was too long: " + comment.text().length() + " characters; the limit is "
                            + ScoreLimits.MAX_TEXT_CHARS);
        }
        return comment.text();
    }

    private static List<String> languages(List<String> languages) {
        if (languages == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String l : languages) {
            if (l == null || !l.matches("[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})?")) {
                throw error("INVALID_ARGUMENT", "Invalid language code");
            }
            // Perspective took BCP 47 tags; the models are keyed by the primary language.
            out.add(l.split("[-_]")[0].toLowerCase(java.util.Locale.ROOT));
        }
        return out;
    }

    private static List<String> contextTexts(PerspectiveRequests.Context context) {
        if (context == null || context.entries() == null) {
            return List.of();
        }
        List<String> texts = new ArrayList<>();
        for (TextEntry e : context.entries()) {
            if (e != null && e.text() != null && !e.text().isBlank()) {
                if (e.text().length() > 200_000) {
                    throw error("INVALID_ARGUMENT", "A context entry exceeds 200,000 characters");
                }
                texts.add(e.text());
            }
        }
        return texts;
    }

    private static ApiProblem unavailable(PerspectiveAttribute attribute, ScoreResult result, boolean noContext) {
        Optional<Signal> owner = result.signals().stream()
                .filter(s -> s.scores().containsKey(attribute.attribute()))
                .findFirst();
        if (owner.isPresent() && owner.get().reasons().stream().anyMatch(r -> r.endsWith(".language_unsupported"))) {
            return error(
                    "LANGUAGE_NOT_SUPPORTED_BY_ATTRIBUTE",
                    "Attribute " + attribute.name() + " does not support request languages: " + result.language());
        }
        // An article too short to compare against is the client's context, not a failure of ours (no 503).
        boolean contextTooShort = owner.isPresent() && owner.get().reasons().contains("off_topic.no_context");
        if (attribute == PerspectiveAttribute.OFF_TOPIC && (noContext || contextTooShort)) {
            return error(
                    "INVALID_ARGUMENT",
                    "OFF_TOPIC needs the article (and optionally the parent comment) in context.entries");
        }
        return new ApiProblem(
                503,
                "attribute_unavailable",
                "Service unavailable",
                "Attribute " + attribute.name() + " could not be scored right now");
    }

    /** A Perspective error with one of its documented error types (COMMENT_EMPTY, COMMENT_TOO_LONG, …). */
    static ApiProblem error(String errorType, String message) {
        return new ApiProblem(400, errorType, "Invalid argument", message);
    }
}
