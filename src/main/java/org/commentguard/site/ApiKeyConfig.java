package org.commentguard.site;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** How API keys are checked ({@code commentguard.api-keys.*}). */
@ConfigMapping(prefix = "commentguard.api-keys")
public interface ApiKeyConfig {

    /**
     * How long this instance trusts an active key it has read from the database before reading it again. A key
     * revoked through this instance stops working at once; through another instance on the same database, within
     * this time. {@code PT0S} reads the key on every request.
     */
    @WithDefault("PT2S")
    Duration cacheTtl();
}
