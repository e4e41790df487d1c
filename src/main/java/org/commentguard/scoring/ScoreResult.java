package org.commentguard.scoring;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything the pipeline concluded about one comment: the merged scores (every attribute present, {@code null}
 * where it could not be computed), all evidence spans, reasons, and the model behind each scorer.
 *
 * @param language the comment's language (declared by the client, else detected), {@code und} if unknown
 * @param signals  each scorer's own signal, in pipeline order
 */
public record ScoreResult(
        String language,
        Map<String, Double> scores,
        List<Span> spans,
        List<String> reasons,
        Map<String, String> models,
        Map<String, Map<String, Object>> details,
        List<Signal> signals) {

    static ScoreResult merge(String language, List<Signal> signals) {
        Map<String, Double> scores = new LinkedHashMap<>();
        Attributes.ALL.forEach(a -> scores.put(a, null));
        List<Span> spans = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        Map<String, String> models = new LinkedHashMap<>();
        Map<String, Map<String, Object>> details = new LinkedHashMap<>();
        for (Signal s : signals) {
            s.scores().forEach((attribute, value) -> {
                if (value != null || !scores.containsKey(attribute)) {
                    scores.put(attribute, value == null ? null : clamp(value));
                }
            });
            spans.addAll(s.spans());
            reasons.addAll(s.reasons());
            models.put(s.scorer(), s.model());
            if (!s.details().isEmpty()) {
                details.put(s.scorer(), s.details());
            }
        }
        spans.sort(Span.ORDER);
        return new ScoreResult(
                language,
                Collections.unmodifiableMap(scores),
                List.copyOf(spans),
                List.copyOf(reasons.stream().distinct().toList()),
                Collections.unmodifiableMap(models),
                Collections.unmodifiableMap(details),
                List.copyOf(signals));
    }

    private static double clamp(double v) {
        if (Double.isNaN(v)) {
            throw new IllegalArgumentException("a scorer produced NaN");
        }
        return Math.max(0.0, Math.min(1.0, v));
    }

    /** The score of one attribute, {@code null} when it could not be computed. */
    public Double score(String attribute) {
        return scores.get(attribute);
    }
}
