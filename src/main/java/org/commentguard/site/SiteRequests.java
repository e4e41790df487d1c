package org.commentguard.site;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.UUID;

/** Request and response bodies of the site and key API. */
public final class SiteRequests {

    private SiteRequests() {}

    public record CreateSiteRequest(
            @NotBlank @Size(max = 200) String name,

            @Size(max = 2000) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL")
            String url) {}

    public record CreateKeyRequest(
            @NotNull Role role, @NotBlank @Size(max = 200) String label) {}

    public record SiteView(UUID id, String name, String url, Instant createdAt) {
        static SiteView of(Site site) {
            return new SiteView(site.id, site.name, site.url, site.createdAt);
        }
    }

    /** A key as listed: never the secret, only its recognisable prefix. */
    public record KeyView(
            UUID id,
            String role,
            String label,
            String prefix,
            Instant createdAt,
            Instant lastUsedAt,
            Instant revokedAt,
            boolean active) {
        static KeyView of(ApiKey key) {
            return new KeyView(
                    key.id,
                    key.role.name().toLowerCase(),
                    key.label,
                    key.displayPrefix,
                    key.createdAt,
                    key.lastUsedAt,
                    key.revokedAt,
                    key.isActive());
        }
    }

    /** A key at issue: the only answer that ever contains {@code key}, the secret. */
    public record IssuedKeyView(UUID id, String role, String label, String prefix, Instant createdAt, String key) {
        static IssuedKeyView of(ApiKeys.IssuedKey issued) {
            ApiKey k = issued.key();
            return new IssuedKeyView(
                    k.id, k.role.name().toLowerCase(), k.label, k.displayPrefix, k.createdAt, issued.secret());
        }
    }

    public record CreatedSiteView(SiteView site, IssuedKeyView adminKey) {}
}
