-- The model versions each site has accepted (commentguard.models.shadow). With shadow on, running versions other than
-- these decide nothing on the site: every automatic verdict is queued (reason models.in_shadow) until an admin accepts
-- the running versions. A site's first versions count as accepted; a site that exists now accepted the versions of the
-- last start (none recorded yet: its first comment records them). models is a JSON object, model by scorer and stage.
CREATE TABLE site_model_acceptance (
    site_id      UUID PRIMARY KEY REFERENCES site (id),
    models       TEXT NOT NULL,
    accepted_at  TIMESTAMPTZ NOT NULL,
    accepted_by  VARCHAR(300) NOT NULL
);

INSERT INTO site_model_acceptance (site_id, models, accepted_at, accepted_by)
SELECT s.id, m.models, m.seen_at, 'system:first-seen'
FROM site s CROSS JOIN model_versions_seen m;
