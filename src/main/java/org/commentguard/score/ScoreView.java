package org.commentguard.score;

import org.commentguard.scoring.ScoreResult;
import org.commentguard.scoring.Span;

import java.util.List;
import java.util.Map;

/**
 * The answer to a score request. {@code scores} holds every attribute; {@code null} means it could not be
 * computed (no article for off_topic, a language the model does not know, a failed scorer).
 */
public record ScoreView(
        String language,
        Map<String, Double> scores,
        List<SpanView> spans,
        List<String> reasons,
        Map<String, String> models,
        Map<String, Map<String, Object>> details) {

    public record SpanView(
            int begin, int end, String attribute, double score, String text, String term, String severity) {
        static SpanView of(Span s) {
            return new SpanView(s.begin(), s.end(), s.attribute(), round(s.score()), s.text(), s.term(), s.severity());
        }
    }

    public static ScoreView of(ScoreResult r) {
        Map<String, Double> scores = new java.util.LinkedHashMap<>();
        r.scores().forEach((k, v) -> scores.put(k, v == null ? null : round(v)));
        return new ScoreView(
                r.language(),
                scores,
                r.spans().stream().map(SpanView::of).toList(),
                r.reasons(),
                r.models(),
                r.details());
    }

    /** Four decimals: more precision than any model has, and stable JSON. */
    static double round(double v) {
        return Math.round(v * 10_000.0) / 10_000.0;
    }
}
