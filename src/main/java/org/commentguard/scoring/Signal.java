package org.commentguard.scoring;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one scorer concluded about one comment. Scores are probability-like values in [0,1]; an attribute the
 * scorer could not compute maps to {@code null} rather than to an invented number.
 *
 * @param scorer  stable scorer id ({@code profanity}, {@code spam}, {@code toxicity}, {@code off_topic}, {@code language})
 * @param model   {@code name@version} of the model or lexicon that produced it
 * @param scores  attribute → score or {@code null}
 * @param spans   evidence in the original text
 * @param reasons short machine-readable reasons ({@code profanity.strong}, {@code spam.link} …)
 * @param details scorer-specific extra facts (detected language, closest article sentences …), JSON-friendly
 * @param error   set when the scorer failed; then every score is {@code null}
 */
public record Signal(
        String scorer,
        String model,
        Map<String, Double> scores,
        List<Span> spans,
        List<String> reasons,
        Map<String, Object> details,
        String error) {

    public Signal {
        scores = Collections.unmodifiableMap(new LinkedHashMap<>(scores));
        spans = List.copyOf(spans);
        reasons = List.copyOf(reasons);
        details = details == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    public static Signal of(
            String scorer, String model, Map<String, Double> scores, List<Span> spans, List<String> reasons) {
        return new Signal(scorer, model, scores, spans, reasons, Map.of(), null);
    }

    /** A failed scorer: all of its attributes are unknown, and the failure is recorded. */
    public static Signal failed(String scorer, String model, List<String> attributes, String error) {
        Map<String, Double> unknown = new LinkedHashMap<>();
        attributes.forEach(a -> unknown.put(a, null));
        return new Signal(scorer, model, unknown, List.of(), List.of(scorer + ".failed"), Map.of(), error);
    }
}
