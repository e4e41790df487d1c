package org.commentguard.scoring.toxicity.transformer;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.commentguard.scoring.Span;
import org.commentguard.scoring.toxicity.ToxicityRefiner;
import org.commentguard.scoring.toxicity.ToxicityScores;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The cascade's second stage: the fine-tuned int8 transformer re-scores comments whose first-stage toxicity falls
 * in the grey band ({@code commentguard.scoring.toxicity.grey-band-*}), and the two stages are combined by the
 * {@link CascadeBlend} fitted on held-out data (or a fixed weight an operator sets). Disabled by configuration, it
 * loads nothing and never answers.
 */
@Singleton
public class TransformerRefiner implements ToxicityRefiner {

    private static final Logger LOG = Logger.getLogger(TransformerRefiner.class);
    /** Sentence spans are computed for at most this many sentences of one comment (one inference each). */
    static final int MAX_SPAN_SENTENCES = 16;
    /**
     * A comment longer than one pass ({@code max_length} word pieces) is explained by the span head over at most
     * this many passes (about 8,000 characters); the first is the scoring pass itself.
     */
    public static final int MAX_SPAN_PASSES = 8;

    private final TransformerToxicityModel model;
    private final CascadeBlend blend;
    private final String modelId;
    private final SpanHead spanHead;
    private final int maxConcurrent;
    private final AtomicInteger inFlight = new AtomicInteger();

    @Inject
    public TransformerRefiner(TransformerConfig config) {
        this(config.enabled() ? TransformerToxicityModel.loadShipped(config.threads()) : null, config);
    }

    private TransformerRefiner(TransformerToxicityModel model, TransformerConfig config) {
        this(
                model,
                model == null
                        ? null
                        : config.weight().isPresent()
                                ? CascadeBlend.linear(config.weight().getAsDouble())
                                : CascadeBlend.loadShipped(model.modelId()),
                config.maxConcurrent() > 0
                        ? config.maxConcurrent()
                        : Runtime.getRuntime().availableProcessors(),
                config.spanHead() ? shippedSpanHead(model) : null);
        if (model == null) {
            LOG.info("Transformer toxicity stage disabled by configuration");
        } else {
            LOG.infof(
                    "Transformer toxicity stage %s, blend %s, spans %s, at most %d concurrent",
                    modelId, blend.description(), spanHead == null ? "per sentence" : spanHead.id(), maxConcurrent);
        }
    }

    /**
     * With the shipped span head, when the model has token states.
     *
     * @param model         the transformer, or {@code null} for disabled
     * @param blend         how the two stages combine
     * @param maxConcurrent inferences at once before {@link #saturated()} says so
     */
    public TransformerRefiner(TransformerToxicityModel model, CascadeBlend blend, int maxConcurrent) {
        this(model, blend, maxConcurrent, shippedSpanHead(model));
    }

    /** The shipped span head for {@code model}, or {@code null} when there is no model, no head or no token states. */
    private static SpanHead shippedSpanHead(TransformerToxicityModel model) {
        return model != null && model.hasTokenStates()
                ? SpanHead.loadShipped(model.modelId()).orElse(null)
                : null;
    }

    /**
     * @param spanHead explains refined comments from their scoring pass, or {@code null} to score each sentence
     */
    public TransformerRefiner(
            TransformerToxicityModel model, CascadeBlend blend, int maxConcurrent, SpanHead spanHead) {
        if (model != null && blend == null) {
            throw new IllegalArgumentException("a transformer needs a blend");
        }
        if (maxConcurrent < 1) {
            throw new IllegalArgumentException("maxConcurrent must be >= 1");
        }
        if (spanHead != null && (model == null || !model.hasTokenStates())) {
            throw new IllegalArgumentException("a span head needs a model with token states");
        }
        this.model = model;
        this.blend = blend;
        this.maxConcurrent = maxConcurrent;
        this.spanHead = spanHead;
        // The model, and how the served path reads its input (Deobfuscation): both change what a comment scores.
        this.modelId = model == null ? "disabled" : model.modelId() + "+" + Deobfuscation.VERSION;
    }

    /** The given transformer with the shipped fitted blend, as the service runs it by default (for tools, tests). */
    public static TransformerRefiner withShippedBlend(TransformerToxicityModel model) {
        return new TransformerRefiner(
                model,
                CascadeBlend.loadShipped(model.modelId()),
                Runtime.getRuntime().availableProcessors());
    }

    /** {@link #withShippedBlend(TransformerToxicityModel)} with this span head, or none to score sentences. */
    public static TransformerRefiner withShippedBlend(TransformerToxicityModel model, SpanHead spanHead) {
        return new TransformerRefiner(
                model,
                CascadeBlend.loadShipped(model.modelId()),
                Runtime.getRuntime().availableProcessors(),
                spanHead);
    }

    @Override
    public String model() {
        return modelId;
    }

    @Override
    public Optional<ToxicityScores> refine(String text, ToxicityScores firstStage) {
        if (model == null) {
            return Optional.empty();
        }
        return Optional.of(counted(() -> blend.combine(firstStage, model.predict(model.readable(text)))));
    }

    @Override
    public Optional<Refinement> refineExplained(String text, ToxicityScores firstStage, double spanFloor) {
        if (model == null || spanHead == null) {
            return ToxicityRefiner.super.refineExplained(text, firstStage, spanFloor);
        }
        return Optional.of(counted(() -> {
            Deobfuscation.Readable readable = model.readableMapped(text);
            TransformerToxicityModel.Pass pass = model.predictWithStates(readable.text());
            ToxicityScores scores = blend.combine(firstStage, pass.probabilities());
            if (scores.toxicity() < spanFloor) {
                return new Refinement(scores, List.of());
            }
            try {
                return new Refinement(scores, headSpans(text, readable, pass));
            } catch (RuntimeException e) {
                // The spans explain the score; failing to find them must not cost the comment its refined score.
                LOG.warnf("span head %s failed, sentence spans instead: %s", spanHead.id(), e.toString());
                return new Refinement(scores, null);
            }
        }));
    }

    @Override
    public Optional<List<Span>> spansInBackground(String text) {
        if (model == null || spanHead == null) {
            return Optional.empty();
        }
        Deobfuscation.Readable readable = model.readableMapped(text);
        return Optional.of(headSpans(text, readable, model.predictWithStates(readable.text())));
    }

    @Override
    public String spanModel() {
        return spanHead == null ? null : spanHead.id();
    }

    private List<Span> headSpans(String written, Deobfuscation.Readable readable, TransformerToxicityModel.Pass first) {
        return spanHead.spans(model, written, readable, first, MAX_SPAN_PASSES);
    }

    /** The transformer's calibrated toxicity per sentence (not blended: the first stage scores whole comments). */
    @Override
    public Optional<double[]> sentenceToxicity(List<String> sentences) {
        return perSentence(sentences, true);
    }

    @Override
    public Optional<double[]> sentenceToxicityInBackground(List<String> sentences) {
        return perSentence(sentences, false);
    }

    private Optional<double[]> perSentence(List<String> sentences, boolean counted) {
        if (model == null || sentences.size() > MAX_SPAN_SENTENCES) {
            return Optional.empty();
        }
        List<String> readable = sentences.stream().map(model::readable).toList();
        Supplier<double[]> inference = () -> model.predictSentences(readable).stream()
                .mapToDouble(ToxicityProbabilities::toxicity)
                .toArray();
        return Optional.of(counted ? counted(inference) : inference.get());
    }

    /** Runs one inference while counting it in flight, for {@link #saturated()}. */
    private <T> T counted(Supplier<T> inference) {
        inFlight.incrementAndGet();
        try {
            return inference.get();
        } finally {
            inFlight.decrementAndGet();
        }
    }

    @Override
    public boolean saturated() {
        return inFlight.get() >= maxConcurrent;
    }

    @PreDestroy
    void close() {
        if (model != null) {
            model.close();
        }
    }
}
