package org.commentguard.learning;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.commentguard.scoring.ScoringPipeline;

import java.util.Map;

/**
 * The model versions this instance scores with, and whether versions a site has not accepted run in shadow. One bean
 * for both, so that a test can simulate a start with new versions or with shadow on without a second start.
 */
@ApplicationScoped
public class RunningModels {

    private final ScoringPipeline pipeline;
    private final boolean shadow;

    @Inject
    public RunningModels(ScoringPipeline pipeline, ModelsConfig config) {
        this(pipeline, config.shadow());
    }

    public RunningModels(ScoringPipeline pipeline, boolean shadow) {
        this.pipeline = pipeline;
        this.shadow = shadow;
    }

    /** Every loaded model by scorer (and stage), as each score's {@code models} names them. */
    public Map<String, String> versions() {
        return pipeline.models();
    }

    /** {@code commentguard.models.shadow}. */
    public boolean shadow() {
        return shadow;
    }
}
