-- Scores suggested by clients (Perspective's comments:suggestscore), kept per site for retraining.
CREATE TABLE score_feedback (
    id              UUID PRIMARY KEY,
    site_id         UUID NOT NULL REFERENCES site (id),
    attribute       VARCHAR(40) NOT NULL,
    suggested_value DOUBLE PRECISION NOT NULL CHECK (suggested_value >= 0 AND suggested_value <= 1),
    text            TEXT NOT NULL,
    context_json    TEXT,
    language        VARCHAR(20),
    community_id    VARCHAR(500),
    client_token    VARCHAR(500),
    created_at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX score_feedback_site_idx ON score_feedback (site_id, created_at);
