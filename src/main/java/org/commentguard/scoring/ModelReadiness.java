package org.commentguard.scoring;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.commentguard.scoring.model.CpuKernels;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;

/**
 * Loads every scorer's model at start-up, so a missing or corrupt model file (sha256 mismatch) stops the service
 * instead of failing requests, and reports the loaded model versions in readiness.
 */
@Readiness
@ApplicationScoped
public class ModelReadiness implements HealthCheck {

    private static final Logger LOG = Logger.getLogger(ModelReadiness.class);

    private final ScoringPipeline pipeline;

    public ModelReadiness(ScoringPipeline pipeline) {
        this.pipeline = pipeline;
    }

    void loadAtStartup(@Observes StartupEvent event) {
        long start = System.nanoTime();
        var models = pipeline.models();
        LOG.infof(
                "Loaded %d scorers in %d ms: %s (onnxruntime int8 kernels: %s)",
                models.size(), (System.nanoTime() - start) / 1_000_000, models, CpuKernels.instructionSet());
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder builder = HealthCheckResponse.named("models").up();
        pipeline.models().forEach(builder::withData);
        // Which int8 kernels onnxruntime runs here: it changes speed, not scores (u8 x u8 models, exact everywhere).
        builder.withData("onnxruntime.cpu", CpuKernels.instructionSet());
        return builder.build();
    }
}
