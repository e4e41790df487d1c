package org.commentguard.site;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithName;

import java.util.Optional;

/** Platform administration. With no key configured there is no administrative access at all. */
@ConfigMapping(prefix = "commentguard.admin")
public interface AdminConfig {

    /**
     * The platform administrator key ({@code COMMENTGUARD_ADMIN_API_KEY}); it creates sites and their first keys.
     * It must be at least {@link ApiKeys#MIN_ADMIN_KEY_LENGTH} characters: a short one stops start-up.
     */
    @WithName("api-key")
    Optional<String> apiKey();
}
