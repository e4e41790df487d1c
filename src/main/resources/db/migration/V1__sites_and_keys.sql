-- Sites are tenants (publications). Every other table hangs off a site so that isolation is a WHERE clause away.
CREATE TABLE site (
    id          UUID PRIMARY KEY,
    name        VARCHAR(200) NOT NULL,
    url         VARCHAR(2000),
    created_at  TIMESTAMPTZ NOT NULL,
    version     BIGINT NOT NULL DEFAULT 0
);

-- API keys are stored only as SHA-256 hashes of the full secret; the short prefix is kept for display.
CREATE TABLE api_key (
    id            UUID PRIMARY KEY,
    site_id       UUID NOT NULL REFERENCES site (id),
    role          VARCHAR(20) NOT NULL CHECK (role IN ('INGEST', 'MODERATOR', 'ADMIN')),
    label         VARCHAR(200) NOT NULL,
    display_prefix VARCHAR(32) NOT NULL,
    secret_hash   CHAR(64) NOT NULL UNIQUE,
    created_at    TIMESTAMPTZ NOT NULL,
    last_used_at  TIMESTAMPTZ,
    revoked_at    TIMESTAMPTZ
);
CREATE INDEX api_key_site_idx ON api_key (site_id);
