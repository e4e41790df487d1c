package org.commentguard.scoring.toxicity.transformer;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
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

    private final TransformerToxicityModel model;
    private final CascadeBlend blend;
    private final String modelId;
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
                        : Runtime.getRuntime().availableProcessors());
        if (model == null) {
            LOG.info("Transformer toxicity stage disabled by configuration");
        } else {
            LOG.infof(
                    "Transformer toxicity stage %s, blend %s, at most %d concurrent",
                    modelId, blend.description(), maxConcurrent);
        }
    }

    /**
     * @param model         the transformer, or {@code null} for disabled
     * @param blend         how the two stages combine
     * @param maxConcurrent inferences at once before {@link #saturated()} says so
     */
    public TransformerRefiner(TransformerToxicityModel model, CascadeBlend blend, int maxConcurrent) {
        if (model != null && blend == null) {
            throw new IllegalArgumentException("a transformer needs a blend");
        }
        if (maxConcurrent < 1) {
            throw new IllegalArgumentException("maxConcurrent must be >= 1");
        }
        this.model = model;
        this.blend = blend;
        this.maxConcurrent = maxConcurrent;
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
