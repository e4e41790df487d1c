package org.commentguard.learning;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How new model versions reach a site's verdicts; see {@link ModelAcceptance}. */
@ConfigMapping(prefix = "commentguard.models")
public interface ModelsConfig {

    /**
     * With {@code true}, running model versions that a site has not accepted decide nothing there: every automatic
     * verdict is queued until an admin accepts them. With {@code false} (the default) new versions apply at once.
     */
    @WithDefault("false")
    boolean shadow();
}
