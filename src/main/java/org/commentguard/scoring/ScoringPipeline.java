package org.commentguard.scoring;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.arc.All;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Runs every scorer on a comment and merges their signals. Unlike a short-circuiting pipeline it always runs all
 * of them, so the explanation is complete; a scorer that throws degrades to a {@code null} signal with a reason
 * instead of failing the comment (the site policy decides whether that fails open or closed).
 */
@ApplicationScoped
public class ScoringPipeline {

    private static final Logger LOG = Logger.getLogger(ScoringPipeline.class);

    private final List<Scorer> scorers;
    private final Optional<Scorer> language;
    private final MeterRegistry meters;
    /** One latency timer per scorer id, registered once (empty without metrics). */
    private final Map<String, Timer> timers;

    /** Without metrics (tests and tools). */
    public ScoringPipeline(List<Scorer> scorers) {
        this(scorers, null);
    }

    /**
     * @param meters where each scorer's latency ({@code commentguard.scoring.duration}) and every reason it gives
     *               ({@code commentguard.scoring.reasons}, e.g. how many comments the toxicity transformer refined
     *               or skipped while busy) are counted; {@code null} for none
     */
    @Inject
    public ScoringPipeline(@All List<Scorer> scorers, MeterRegistry meters) {
        this.meters = meters;
        // The language scorer runs first because the others depend on its verdict; the rest in id order so that
        // spans and reasons come out in a stable order.
        this.language = scorers.stream()
                .filter(s -> s.id().equals(Attributes.LANGUAGE_SCORER))
                .findFirst();
        this.scorers = scorers.stream()
                .filter(s -> !s.id().equals(Attributes.LANGUAGE_SCORER))
                .sorted(Comparator.comparing(Scorer::id))
                .toList();
        this.timers = meters == null
                ? Map.of()
                : scorers.stream()
                        .map(Scorer::id)
                        .distinct()
                        .collect(Collectors.toUnmodifiableMap(
                                id -> id, id -> meters.timer("commentguard.scoring.duration", "scorer", id)));
    }

    /** Every loaded model by scorer (and stage), for readiness. */
    public Map<String, String> models() {
        Map<String, String> models = new java.util.LinkedHashMap<>();
        language.ifPresent(s -> models.putAll(s.loadedModels()));
        scorers.forEach(s -> models.putAll(s.loadedModels()));
        return models;
    }

    public ScoreResult score(ScoringContext context) {
        List<Signal> signals = new ArrayList<>(scorers.size() + 1);
        String lang = Attributes.UNDETERMINED;
        if (language.isPresent()) {
            Signal detected = run(language.get(), context);
            signals.add(detected);
            Object code = detected.details().get("language");
            if (code instanceof String s && !s.isBlank()) {
                lang = s;
            }
        }
        // A language the client declared wins over detection (the language scorer, when present, says the same).
        if (!context.languages().isEmpty()) {
            lang = Iso639.primary(context.languages().get(0));
        }
        for (Scorer scorer : scorers) {
            if (!understands(scorer, lang)) {
                signals.add(new Signal(
                        scorer.id(),
                        scorer.model(),
                        nulls(scorer),
                        List.of(),
                        List.of(scorer.id() + ".language_unsupported"),
                        Map.of("language", lang),
                        null));
                continue;
            }
            signals.add(run(scorer, context));
        }
        return ScoreResult.merge(lang, signals);
    }

    /**
     * Undetermined language is scored: short comments are usually in the site's language (only pipelines without
     * a language scorer see it; the language scorer always names the language to score in).
     */
    static boolean understands(Scorer scorer, String lang) {
        return scorer.languages().isEmpty()
                || lang.equals(Attributes.UNDETERMINED)
                || scorer.languages().contains(lang);
    }

    private Signal run(Scorer scorer, ScoringContext context) {
        try {
            long start = System.nanoTime();
            Signal signal = scorer.score(context);
            if (signal == null) {
                throw new IllegalStateException("scorer returned no signal");
            }
            // A NaN is a broken model, not a probability: it fails this scorer like an exception would, instead of
            // failing the whole comment when the scores are merged.
            if (signal.scores().values().stream().anyMatch(v -> v != null && v.isNaN())) {
                throw new IllegalStateException("scorer produced NaN");
            }
            if (meters != null) {
                timers.get(scorer.id()).record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
                // Reasons are a fixed vocabulary per scorer (never comment text), so the tag stays bounded.
                signal.reasons()
                        .forEach(r -> meters.counter("commentguard.scoring.reasons", "scorer", scorer.id(), "reason", r)
                                .increment());
            }
            return signal;
        } catch (RuntimeException | StackOverflowError e) {
            // The comment text is deliberately not logged here (it may be abusive or personal).
            LOG.errorf(e, "Scorer %s (%s) failed", scorer.id(), scorer.model());
            return Signal.failed(
                    scorer.id(),
                    scorer.model(),
                    scorer.attributes(),
                    e.getClass().getSimpleName());
        }
    }

    private static Map<String, Double> nulls(Scorer scorer) {
        Map<String, Double> m = new java.util.LinkedHashMap<>();
        scorer.attributes().forEach(a -> m.put(a, null));
        return m;
    }
}
