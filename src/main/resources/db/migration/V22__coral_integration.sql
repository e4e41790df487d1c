-- Coral Talk's External Moderation Phase. A Commentguard site answers for one Coral tenant (all of its Coral sites,
-- or the one named in coral_site_id) and checks every request against the phase's signing secrets.
CREATE TABLE coral_integration (
    site_id        UUID PRIMARY KEY REFERENCES site (id),
    tenant_id      VARCHAR(200) NOT NULL,
    -- NULL: every Coral site of the tenant.
    coral_site_id  VARCHAR(200),
    -- The phase's "Comment Body Format" in Coral: HTML (Coral's default) or PLAIN_TEXT.
    body_format    VARCHAR(20) NOT NULL CHECK (body_format IN ('HTML', 'PLAIN_TEXT')),
    -- JSON list of {secret, inactiveAt}, AES-GCM encrypted when commentguard.webhook.encryption-key is set
    -- ("v1:" prefix), like webhook secrets.
    secrets        TEXT NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL,
    updated_at     TIMESTAMPTZ NOT NULL,
    updated_by     VARCHAR(300) NOT NULL
);
-- A request must name exactly one site: one row per tenant and Coral site, the tenant-wide row counting as ''.
CREATE UNIQUE INDEX coral_integration_tenant_site_uk ON coral_integration (tenant_id, COALESCE(coral_site_id, ''));

-- Coral names a story by its URL; articles are looked up by it. md5 keeps index entries small for long URLs.
CREATE INDEX article_site_url_idx ON article (site_id, md5(url)) WHERE url IS NOT NULL;
