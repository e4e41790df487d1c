package org.commentguard.site;

import java.time.Instant;
import java.util.UUID;

/** Fired synchronously in the transaction that creates a site, so that features can record the site's first state. */
public record SiteCreated(UUID siteId, Instant createdAt) {}
