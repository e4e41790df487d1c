package org.commentguard.site;

import org.commentguard.platform.failure.Forbidden;
import org.commentguard.platform.failure.NotFound;

import java.util.Optional;
import java.util.UUID;

/**
 * Who is calling: the platform administrator, or a key of exactly one site with one role. The site of a request
 * always comes from here, never from a request parameter.
 *
 * @param siteId the key's site, empty for the platform administrator
 * @param keyId  the key's id, empty for the platform administrator
 * @param role   the key's role, empty for the platform administrator
 * @param label  the key's label, used as the actor in audit entries
 */
public record Caller(Optional<UUID> siteId, Optional<UUID> keyId, Optional<Role> role, String label) {

    public static Caller platformAdmin() {
        return new Caller(Optional.empty(), Optional.empty(), Optional.empty(), "platform-admin");
    }

    public static Caller siteKey(ApiKey key) {
        return new Caller(Optional.of(key.siteId), Optional.of(key.id), Optional.of(key.role), key.label);
    }

    public boolean isPlatformAdmin() {
        return siteId.isEmpty();
    }

    /** The caller's site; the platform administrator has none and may not act as a site. */
    public UUID site() {
        return siteId.orElseThrow(() -> new Forbidden(
                "site_key_required", "This operation acts on behalf of a site; use one of the site's API keys"));
    }

    /** Actor name for audit entries: {@code key:<label>#<key id prefix>}. */
    public String actor() {
        return keyId.map(id -> "key:" + label + "#" + id.toString().substring(0, 8))
                .orElse("platform-admin");
    }

    /**
     * Lets the platform administrator or an admin key of {@code site} through. Another site's key sees the site
     * as non-existent, so ids of other tenants cannot even be probed.
     */
    public void requireSiteAdmin(UUID site) {
        if (isPlatformAdmin()) {
            return;
        }
        if (!siteId.get().equals(site)) {
            throw new NotFound("Site " + site);
        }
        if (!role.get().grants(Role.ADMIN)) {
            throw new Forbidden("forbidden", "This operation needs a key with role admin");
        }
    }
}
