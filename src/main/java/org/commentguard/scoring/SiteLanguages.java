package org.commentguard.scoring;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The languages a site declares for its comments, most common first. Implemented by the site policy; the stateless
 * scoring endpoints read it so that a comment detection cannot place is scored in the site's language.
 */
public interface SiteLanguages {

    /** ISO 639-1 codes, never empty. */
    List<String> languages(UUID siteId);

    /** The service-wide default languages, for a caller without a site (the platform administrator). */
    List<String> defaultLanguages();

    /** The site's languages, or the defaults when there is no site. */
    default List<String> languages(Optional<UUID> siteId) {
        return siteId.map(this::languages).orElseGet(this::defaultLanguages);
    }
}
