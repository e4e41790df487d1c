package org.commentguard.scoring.toxicity.transformer;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.commentguard.scoring.toxicity.ToxicityRefiner;
import org.commentguard.scoring.toxicity.ToxicityScores;
import org.jboss.logging.Logger;

import java.util.Optional;

/**
 * The cascade's second stage: the fine-tuned int8 transformer re-scores comments whose first-stage toxicity falls
 * in the grey band ({@code commentguard.scoring.toxicity.grey-band-*}; set it to 0–1 to refine every comment).
 * Disabled by configuration, it loads nothing and never answers.
 */
@Singleton
public class TransformerRefiner implements ToxicityRefiner {

    private static final Logger LOG = Logger.getLogger(TransformerRefiner.class);

    private final TransformerToxicityModel model;
    private final double weight;
    private final String modelId;

    @Inject
    public TransformerRefiner(TransformerConfig config) {
        this(config.enabled() ? TransformerToxicityModel.loadShipped(config.threads()) : null, config.weight());
        if (model == null) {
            LOG.info("Transformer toxicity stage disabled by configuration");
        }
    }

    /** {@code model} null means disabled. */
    public TransformerRefiner(TransformerToxicityModel model, double weight) {
        this.model = model;
        this.weight = weight;
        this.modelId = model == null ? "disabled" : model.modelId();
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
        ToxicityProbabilities p = model.predict(text);
        return Optional.of(new ToxicityScores(
                mix(p.toxicity(), firstStage.toxicity()),
                mix(p.severeToxicity(), firstStage.severeToxicity()),
                mix(p.obscene(), firstStage.obscene()),
                mix(p.threat(), firstStage.threat()),
                mix(p.insult(), firstStage.insult()),
                mix(p.identityAttack(), firstStage.identityAttack())));
    }

    private double mix(double transformer, double first) {
        return Math.max(0.0, Math.min(1.0, weight * transformer + (1 - weight) * first));
    }

    @PreDestroy
    void close() {
        if (model != null) {
            model.close();
        }
    }
}
