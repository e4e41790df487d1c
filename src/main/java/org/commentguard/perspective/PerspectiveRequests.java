package org.commentguard.perspective;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.Map;

/** Perspective's wire format (v1alpha1), as far as Commentguard implements it. Unknown fields are ignored. */
public final class PerspectiveRequests {

    private PerspectiveRequests() {}

    public record TextEntry(String text, String type) {}

    public record Context(List<TextEntry> entries) {}

    public record AttributeParameters(String scoreType, Double scoreThreshold) {}

    public record AnalyzeRequest(
            TextEntry comment,
            Context context,
            Map<String, AttributeParameters> requestedAttributes,
            Boolean spanAnnotations,
            List<String> languages,
            Boolean doNotStore,
            String clientToken,
            String sessionId,
            String communityId) {}

    public record Score(double value, String type) {
        static Score probability(double value) {
            return new Score(value, "PROBABILITY");
        }
    }

    public record SpanScore(int begin, int end, Score score) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AttributeScores(List<SpanScore> spanScores, Score summaryScore) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AnalyzeResponse(
            Map<String, AttributeScores> attributeScores,
            List<String> languages,
            List<String> detectedLanguages,
            String clientToken) {}

    public record SuggestedScore(Score summaryScore) {}

    public record SuggestedSummary(Double value) {}

    public record SuggestedAttribute(SuggestedSummary summaryScore) {}

    public record SuggestScoreRequest(
            TextEntry comment,
            Context context,
            Map<String, SuggestedAttribute> attributeScores,
            List<String> languages,
            String communityId,
            String clientToken) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SuggestScoreResponse(
            List<String> detectedLanguages, List<String> requestedLanguages, String clientToken) {}
}
