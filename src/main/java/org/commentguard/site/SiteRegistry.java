package org.commentguard.site;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import org.commentguard.platform.failure.NotFound;

import java.time.Clock;
import java.util.UUID;

/**
 * Creates and finds sites. A new site gets its first admin key, and {@link SiteCreated} is observed, in the same
 * transaction.
 */
@ApplicationScoped
public class SiteRegistry {

    private final ApiKeys keys;
    private final Clock clock;
    private final Event<SiteCreated> created;

    public SiteRegistry(ApiKeys keys, Clock clock, Event<SiteCreated> created) {
        this.keys = keys;
        this.clock = clock;
        this.created = created;
    }

    public record CreatedSite(Site site, ApiKeys.IssuedKey adminKey) {}

    @Transactional
    public CreatedSite create(String name, String url) {
        Site site = new Site(name.strip(), url, clock.instant());
        site.persist();
        ApiKeys.IssuedKey admin = keys.issue(site.id, Role.ADMIN, "initial admin key");
        created.fire(new SiteCreated(site.id, site.createdAt));
        return new CreatedSite(site, admin);
    }

    @Transactional
    public Site get(UUID id) {
        return Site.byId(id).orElseThrow(() -> new NotFound("Site " + id));
    }
}
