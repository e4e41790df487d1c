-- Per-site quota overrides (commentguard.quota.* holds the defaults). NULL keeps the default. Set by the platform
-- administrator only: a tenant must not raise its own limits.
CREATE TABLE site_quota (
    site_id                   UUID PRIMARY KEY REFERENCES site (id),
    site_requests_per_second  DOUBLE PRECISION CHECK (site_requests_per_second > 0),
    site_burst                INT CHECK (site_burst >= 1),
    site_max_concurrent       INT CHECK (site_max_concurrent >= 1),
    key_requests_per_second   DOUBLE PRECISION CHECK (key_requests_per_second > 0),
    key_burst                 INT CHECK (key_burst >= 1),
    key_max_concurrent        INT CHECK (key_max_concurrent >= 1),
    updated_at                TIMESTAMPTZ NOT NULL,
    updated_by                VARCHAR(300) NOT NULL
);
