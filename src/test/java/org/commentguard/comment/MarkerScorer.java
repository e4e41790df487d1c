package org.commentguard.comment;

import org.commentguard.scoring.Attributes;
import org.commentguard.scoring.Scorer;
import org.commentguard.scoring.ScoringContext;
import org.commentguard.scoring.Signal;
import org.commentguard.scoring.Span;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A test scorer driven by markers in the comment text: {@code {toxicity=0.97}} sets a score (with a span over the
 * marker), {@code {fail}} makes it throw. It remembers the last context, so tests can check what ingestion hands
 * to scorers. Real scorers live on other branches; the policy logic is tested against these fake signals.
 */
public final class MarkerScorer implements Scorer {

    private static final Pattern MARKER = Pattern.compile("\\{([a-z_]+)=([0-9.]+)}");
    public static final AtomicReference<ScoringContext> LAST = new AtomicReference<>();

    private final String model;

    public MarkerScorer() {
        this("marker@test");
    }

    /** A marker scorer that reports another model version, as after a start with new models. */
    public MarkerScorer(String model) {
        this.model = model;
    }

    @Override
    public String id() {
        return "toxicity";
    }

    @Override
    public List<String> attributes() {
        return Attributes.ALL;
    }

    @Override
    public String model() {
        return model;
    }

    @Override
    public Signal score(ScoringContext context) {
        LAST.set(context);
        if (context.text().contains("{fail}")) {
            throw new IllegalStateException("marker scorer asked to fail");
        }
        Map<String, Double> scores = new LinkedHashMap<>();
        List<Span> spans = new ArrayList<>();
        Matcher m = MARKER.matcher(context.text());
        while (m.find()) {
            double value = Double.parseDouble(m.group(2));
            scores.put(m.group(1), value);
            spans.add(new Span(m.start(), m.end(), m.group(1), value, m.group(), null, null));
        }
        return Signal.of(id(), model(), scores, spans, List.of());
    }
}
