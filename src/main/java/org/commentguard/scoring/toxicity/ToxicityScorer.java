package org.commentguard.scoring.toxicity;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.commentguard.scoring.Scorer;
import org.commentguard.scoring.ScoringContext;
import org.commentguard.scoring.Signal;
import org.commentguard.scoring.Span;
import org.commentguard.scoring.model.ModelArtifact;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Scores {@code toxicity} and its five sub-attributes with the fast first-stage {@link ToxicityModel}, optionally
 * refined by a {@link ToxicityRefiner} when the first-stage toxicity falls in the grey band. Explains itself with
 * spans and one reason per attribute at or above the threshold: a refined comment's spans are the words the refiner
 * marks in the same pass ({@link ToxicityRefiner#refineExplained}, the transformer's span head), or, where it has no
 * such spans, its sentences, each scored on its own.
 */
@Singleton
public class ToxicityScorer implements Scorer {

    public static final String ID = "toxicity";
    public static final String MODEL_NAME = "toxicity-maxent";
    public static final String MODEL_VERSION = "1.0.0";
    /** Directory of the shipped model under {@code models/}. */
    public static final String MODEL_DIR = "toxicity";

    /** {@code details.spans} of a comment scored for a caller that shows no spans ({@link #explain} adds them). */
    public static final String SPANS_NOT_REQUESTED = "not_requested";

    /** Long comments are explained by their first sentences only, which bounds the cost of a pasted essay. */
    static final int MAX_SENTENCES = 64;

    private static final Logger LOG = Logger.getLogger(ToxicityScorer.class);

    /**
     * Scoring knobs (see {@link ToxicityConfig}).
     *
     * @param threshold    probability at which an attribute becomes a reason
     * @param greyBandLow  first-stage toxicity from which the refiner is asked (inclusive)
     * @param greyBandHigh first-stage toxicity up to which the refiner is asked (inclusive)
     * @param busyBandLow  while the refiner is saturated, first-stage toxicity from which it is still asked
     * @param busyBandHigh while the refiner is saturated, first-stage toxicity up to which it is still asked
     * @param spanFloor    minimum sentence toxicity for a span
     */
    public record Settings(
            double threshold,
            double greyBandLow,
            double greyBandHigh,
            double busyBandLow,
            double busyBandHigh,
            double spanFloor) {

        public static final Settings DEFAULT = new Settings(0.5, 0.0, 1.0, 0.3, 0.7, 0.5);

        public Settings {
            for (double v : new double[] {threshold, greyBandLow, greyBandHigh, busyBandLow, busyBandHigh, spanFloor}) {
                if (!(v >= 0 && v <= 1)) {
                    throw new IllegalArgumentException("toxicity settings must lie in [0,1]: " + v);
                }
            }
            if (greyBandLow > greyBandHigh) {
                throw new IllegalArgumentException("grey band low " + greyBandLow + " > high " + greyBandHigh);
            }
            if (busyBandLow > busyBandHigh) {
                throw new IllegalArgumentException("busy band low " + busyBandLow + " > high " + busyBandHigh);
            }
        }

        /** One band for calm and busy times alike (never sheds). */
        public Settings(double threshold, double greyBandLow, double greyBandHigh, double spanFloor) {
            this(threshold, greyBandLow, greyBandHigh, greyBandLow, greyBandHigh, spanFloor);
        }

        static Settings of(ToxicityConfig c) {
            return new Settings(
                    c.threshold(), c.greyBandLow(), c.greyBandHigh(), c.busyBandLow(), c.busyBandHigh(), c.spanFloor());
        }

        boolean inGreyBand(double firstStageToxicity) {
            return firstStageToxicity >= greyBandLow && firstStageToxicity <= greyBandHigh;
        }

        boolean inBusyBand(double firstStageToxicity) {
            return inGreyBand(firstStageToxicity)
                    && firstStageToxicity >= busyBandLow
                    && firstStageToxicity <= busyBandHigh;
        }
    }

    private final ToxicityModel model;
    private final String modelId;
    private final Settings settings;
    private final ToxicityRefiner refiner;

    /**
     * The plain constructor used by tests and tools.
     *
     * @param refiner second stage, or {@code null} for first stage only
     */
    public ToxicityScorer(ToxicityModel model, String modelId, Settings settings, ToxicityRefiner refiner) {
        this.model = Objects.requireNonNull(model, "model");
        this.modelId = Objects.requireNonNull(modelId, "modelId");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.refiner = refiner;
    }

    /** CDI: loads the shipped model (sha256-checked, so a bad file fails start-up) and any refiner bean. */
    @Inject
    public ToxicityScorer(ToxicityConfig config, Instance<ToxicityRefiner> refiners) {
        this(
                loadShipped(),
                MODEL_NAME + "@" + shippedVersion(),
                Settings.of(config),
                refiners.isResolvable() ? refiners.get() : null);
    }

    private static ModelArtifact artifact;

    private static synchronized ModelArtifact shipped() {
        if (artifact == null) {
            artifact = ModelArtifact.load(MODEL_DIR);
        }
        return artifact;
    }

    private static String shippedVersion() {
        return shipped().version();
    }

    /** Loads {@code models/toxicity/} from the class path, verifying its sha256. */
    public static ToxicityModel loadShipped() {
        try {
            return ToxicityModel.read(shipped().open());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the toxicity model", e);
        }
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<String> attributes() {
        return ToxicityAttribute.IDS;
    }

    @Override
    public String model() {
        return modelId;
    }

    /** The first stage, and the second when one is deployed (a disabled refiner reports "disabled"). */
    @Override
    public Map<String, String> loadedModels() {
        Map<String, String> models = new LinkedHashMap<>();
        models.put(ID, modelId);
        if (refiner != null) {
            models.put(ID + ".refiner", refiner.model());
        }
        return models;
    }

    /** Both stages were trained on English comments only. */
    @Override
    public java.util.Set<String> languages() {
        return java.util.Set.of("en");
    }

    /** The first stage alone: calibrated scores of the whole text. */
    public ToxicityScores firstStage(String text) {
        return model.score(text);
    }

    @Override
    public Signal score(ScoringContext context) {
        String text = context.text();
        ToxicityScores first = model.score(text);
        ToxicityScores result = first;
        String usedModel = modelId;
        List<String> reasons = new ArrayList<>();
        boolean refined = false;
        List<Span> passSpans = null;
        if (refiner != null && settings.inGreyBand(first.toxicity())) {
            if (!settings.inBusyBand(first.toxicity()) && refiner.saturated()) {
                reasons.add("toxicity.refine_skipped_busy");
            } else {
                try {
                    // Spans nobody reads would cost a long toxic comment further passes: a floor above 1 asks for none.
                    double floor = context.spans() ? settings.spanFloor() : Double.POSITIVE_INFINITY;
                    Optional<ToxicityRefiner.Refinement> r = refiner.refineExplained(text, first, floor);
                    if (r.isPresent()) {
                        result = r.get().scores();
                        passSpans = r.get().spans();
                        refined = true;
                        usedModel = refinedModel();
                        reasons.add("toxicity.refined");
                    }
                } catch (RuntimeException e) {
                    // the second stage is an improvement, not a dependency: keep the first stage's answer
                    LOG.warnf("toxicity refiner %s failed: %s", refiner.model(), e.toString());
                    reasons.add("toxicity.refiner_failed");
                }
            }
        }
        for (ToxicityAttribute a : ToxicityAttribute.values()) {
            if (result.get(a) >= settings.threshold()) {
                reasons.add(a == ToxicityAttribute.TOXICITY ? "toxicity.high" : "toxicity." + a.id());
            }
        }
        Map<String, Object> details = new LinkedHashMap<>();
        List<Span> spans;
        if (!context.spans()) {
            // Nobody reads them: no sentence is scored again, by either stage.
            spans = List.of();
            details.put("spans", SPANS_NOT_REQUESTED);
        } else if (passSpans != null) {
            // Read off the pass that scored the comment: no sentence is scored again.
            spans = passSpans;
            details.put("spans", "refined");
            details.put("spanModel", refiner.spanModel());
        } else {
            spans = refined ? refinedSpans(text, first, result, details, false) : firstStageSpans(text, first);
        }
        details.putIfAbsent("spans", "first");
        details.put("stage", refined ? "refined" : "first");
        details.put("firstStage", first.asMap());
        details.put("threshold", settings.threshold());
        return new Signal(ID, usedModel, result.asMap(), spans, reasons, details, null);
    }

    /**
     * The spans {@link #score} left out for a caller that showed none, computed later from what it answered: the
     * same spans it would have given, except that the refiner is asked even when saturated (the caller yields to
     * waiting comments itself) and its passes do not count towards {@link ToxicityRefiner#saturated()}.
     *
     * @param model   the toxicity model the comment was scored with ({@code Signal.model})
     * @param scores  the signal's scores
     * @param details the signal's details ({@code firstStage} and {@code stage} are read)
     * @return the spans and where they came from ({@code first}, {@code refined}), or no spans and
     *     {@code model_changed} when the comment was scored by models no longer loaded
     */
    public Explanation explain(String text, String model, Map<String, Double> scores, Map<String, ?> details) {
        boolean refined = "refined".equals(details.get("stage"));
        String expected = refined && refiner != null ? refinedModel() : modelId;
        if (!expected.equals(model)) {
            return new Explanation(List.of(), "model_changed");
        }
        ToxicityScores first = scoresOf(details.get("firstStage") instanceof Map<?, ?> m ? m : Map.of());
        ToxicityScores served = scoresOf(scores);
        // Below the floor refinedSpans gives none; above it, the refiner's own spans when it has them.
        if (refined && served.toxicity() >= settings.spanFloor()) {
            try {
                Optional<List<Span>> fromPass = refiner.spansInBackground(text);
                if (fromPass.isPresent()) {
                    return new Explanation(fromPass.get(), "refined");
                }
            } catch (RuntimeException e) {
                LOG.warnf("toxicity refiner %s failed on spans: %s", refiner.model(), e.toString());
            }
        }
        Map<String, Object> source = new LinkedHashMap<>();
        List<Span> spans = refined ? refinedSpans(text, first, served, source, true) : firstStageSpans(text, first);
        return new Explanation(spans, (String) source.getOrDefault("spans", "first"));
    }

    /** The signal's {@code model} when the refiner answered. */
    private String refinedModel() {
        return modelId + "+" + refiner.model();
    }

    /**
     * Spans computed after the answer, and {@code details.spans} for them.
     *
     * @param source {@code first}, {@code refined} or {@code model_changed}
     */
    public record Explanation(List<Span> spans, String source) {}

    private static ToxicityScores scoresOf(Map<?, ?> values) {
        double[] v = new double[ToxicityAttribute.values().length];
        for (ToxicityAttribute a : ToxicityAttribute.values()) {
            if (!(values.get(a.id()) instanceof Number n)) {
                throw new IllegalArgumentException("stored toxicity scores lack " + a.id());
            }
            v[a.ordinal()] = n.doubleValue();
        }
        return ToxicityScores.of(v);
    }

    /**
     * Scores each sentence on its own with the first stage and reports those at or above the span floor, so a
     * moderator sees which sentences drive the score. A single-sentence comment reuses the whole-text score.
     */
    private List<Span> firstStageSpans(String text, ToxicityScores whole) {
        List<int[]> sentences = sentences(text);
        double[] p = new double[sentences.size()];
        for (int i = 0; i < p.length; i++) {
            int[] s = sentences.get(i);
            p[i] = sentences.size() == 1
                    ? whole.toxicity()
                    : model.score(text.substring(s[0], s[1])).toxicity();
        }
        return spans(text, sentences, p);
    }

    /**
     * Spans of a refined comment come from the refiner: a comment it scores below the span floor has none (the
     * first stage's sentence scores would contradict the refined score), a one-sentence comment reuses the refined
     * score, and a longer one is explained by the refiner's score of each sentence. When the refiner cannot score
     * sentences (too many of them, it fails, or it is saturated), the first stage explains and
     * {@code details.spans} says so.
     */
    private List<Span> refinedSpans(
            String text,
            ToxicityScores first,
            ToxicityScores refined,
            Map<String, Object> details,
            boolean background) {
        if (refined.toxicity() < settings.spanFloor()) {
            details.put("spans", "refined");
            return List.of();
        }
        List<int[]> sentences = sentences(text);
        if (sentences.size() == 1) {
            details.put("spans", "refined");
            return spans(text, sentences, new double[] {refined.toxicity()});
        }
        if (!background && refiner.saturated()) {
            // Under load the explanation comes from the first stage rather than a second transformer pass.
            return firstStageSpans(text, first);
        }
        List<String> texts =
                sentences.stream().map(s -> text.substring(s[0], s[1])).toList();
        try {
            Optional<double[]> p =
                    background ? refiner.sentenceToxicityInBackground(texts) : refiner.sentenceToxicity(texts);
            if (p.isPresent()) {
                details.put("spans", "refined");
                return spans(text, sentences, p.get());
            }
        } catch (RuntimeException e) {
            LOG.warnf("toxicity refiner %s failed on sentences: %s", refiner.model(), e.toString());
        }
        return firstStageSpans(text, first);
    }

    private static List<int[]> sentences(String text) {
        List<int[]> all = SentenceSplitter.split(text);
        return all.size() > MAX_SENTENCES ? all.subList(0, MAX_SENTENCES) : all;
    }

    private List<Span> spans(String text, List<int[]> sentences, double[] toxicity) {
        List<Span> spans = new ArrayList<>();
        for (int i = 0; i < sentences.size(); i++) {
            if (toxicity[i] >= settings.spanFloor()) {
                int[] s = sentences.get(i);
                spans.add(new Span(
                        s[0],
                        s[1],
                        ToxicityAttribute.TOXICITY.id(),
                        toxicity[i],
                        text.substring(s[0], s[1]),
                        null,
                        null));
            }
        }
        return spans;
    }
}
