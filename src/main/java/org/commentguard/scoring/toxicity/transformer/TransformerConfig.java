package org.commentguard.scoring.toxicity.transformer;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import java.util.OptionalDouble;

/** The transformer second stage ({@code commentguard.scoring.toxicity.transformer.*}). */
@ConfigMapping(prefix = "commentguard.scoring.toxicity.transformer")
public interface TransformerConfig {

    /** Whether the transformer refines the first stage at all. */
    @WithDefault("true")
    boolean enabled();

    /**
     * A fixed weight {@code w} for the refined score {@code w·transformer + (1−w)·first stage}, overriding the blend
     * fitted on held-out data ({@code models/toxicity-transformer/cascade.properties}). Unset: the fitted blend.
     * Checked in {@link CascadeBlend#linear} (must lie in [0,1]), so a bad value fails start-up.
     */
    OptionalDouble weight();

    /**
     * Whether a refined comment's spans are the words the span head marks in its scoring pass
     * ({@code models/toxicity-transformer/span-head.properties}); {@code false}: its sentences, each scored by the
     * transformer in a pass of its own, as before the head shipped.
     */
    @WithDefault("true")
    boolean spanHead();

    /** onnxruntime intra-op threads per inference; one keeps throughput per core predictable. */
    @WithDefault("1")
    @Min(1)
    @Max(64)
    int threads();

    /**
     * Inferences running at once from which the stage counts as saturated and only the busy band is refined
     * ({@code commentguard.scoring.toxicity.busy-band-*}); 0 means the number of available processors.
     */
    @WithDefault("0")
    @Min(0)
    @Max(1024)
    int maxConcurrent();
}
