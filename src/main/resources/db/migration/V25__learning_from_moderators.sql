-- Learning from moderators (issue 15). Numbered max+3 so that branches merged alongside can take V23/V24.

-- One labelled example per comment: the latest human decision on it. A later decision (another queue item, a
-- decision on the site, a blind sample decision) replaces the row; an undo deletes it. Scores, reasons and models
-- are copied at decision time, so the example says what the moderator saw the service conclude.
CREATE TABLE decision_example (
    comment_id      UUID PRIMARY KEY REFERENCES comment (id),
    site_id         UUID NOT NULL REFERENCES site (id),
    review_item_id  UUID,
    source          VARCHAR(20) NOT NULL CHECK (source IN ('QUEUE', 'SITE', 'SAMPLE')),
    label           VARCHAR(20) NOT NULL CHECK (label IN ('APPROVE', 'REJECT')),
    reason          VARCHAR(60),
    moderator       VARCHAR(300) NOT NULL,
    auto_status     VARCHAR(20) NOT NULL,
    scores          TEXT NOT NULL,
    reasons         TEXT NOT NULL,
    models          TEXT NOT NULL,
    decided_at      TIMESTAMPTZ NOT NULL,
    -- Cursor order of the export: (seq) increases with every write, so a replaced label moves to the end.
    seq             BIGSERIAL NOT NULL
);
CREATE UNIQUE INDEX decision_example_site_seq_idx ON decision_example (site_id, seq);

-- Per-site learning settings; a missing row means the service defaults.
CREATE TABLE learning_settings (
    site_id                  UUID PRIMARY KEY REFERENCES site (id),
    enabled_model_version    INT,
    site_reject_review       DOUBLE PRECISION,
    site_reject_reject       DOUBLE PRECISION,
    sample_share             DOUBLE PRECISION,
    sample_daily_cap         INT,
    identity_overturn_limit  DOUBLE PRECISION,
    export_text_days         INT,
    updated_at               TIMESTAMPTZ NOT NULL,
    updated_by               VARCHAR(300) NOT NULL
);

-- Fitted per-site verdict models, one row per version; never updated.
CREATE TABLE site_verdict_model (
    id           UUID PRIMARY KEY,
    site_id      UUID NOT NULL REFERENCES site (id),
    version      INT NOT NULL CHECK (version > 0),
    features     TEXT NOT NULL,
    weights      TEXT NOT NULL,
    metrics      TEXT NOT NULL,
    examples     INT NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL,
    created_by   VARCHAR(300) NOT NULL,
    CONSTRAINT site_verdict_model_version_uk UNIQUE (site_id, version)
);

-- The blind quality sample: automatically published or rejected comments that moderators decide without scores.
CREATE TABLE sample_item (
    id           UUID PRIMARY KEY,
    site_id      UUID NOT NULL REFERENCES site (id),
    comment_id   UUID NOT NULL UNIQUE REFERENCES comment (id),
    auto_status  VARCHAR(20) NOT NULL CHECK (auto_status IN ('PUBLISHED', 'REJECTED')),
    created_at   TIMESTAMPTZ NOT NULL,
    decision     VARCHAR(20) CHECK (decision IN ('APPROVE', 'REJECT')),
    reason       VARCHAR(60),
    decided_by   VARCHAR(300),
    decided_at   TIMESTAMPTZ,
    applied      BOOLEAN NOT NULL DEFAULT FALSE
);
CREATE INDEX sample_item_open_idx ON sample_item (site_id, decided_at, created_at, id);

-- Identity-term alerts already sent, so a webhook fires once per site, term and week.
CREATE TABLE identity_alert (
    site_id        UUID NOT NULL REFERENCES site (id),
    term           VARCHAR(60) NOT NULL,
    week           DATE NOT NULL,
    overturn_rate  DOUBLE PRECISION NOT NULL,
    flagged        INT NOT NULL,
    overturned     INT NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (site_id, term, week)
);

-- The model versions the service last started with, so a start with new versions can be noticed.
CREATE TABLE model_versions_seen (
    id       INT PRIMARY KEY CHECK (id = 1),
    models   TEXT NOT NULL,
    seen_at  TIMESTAMPTZ NOT NULL
);

-- Re-scoring a site's recent comments after a model change: bounded (since, at most max_comments), resumable
-- (the keyset cursor is stored after every batch), and its verdict-flip report in the shape of the policy dry run.
CREATE TABLE rescore_job (
    id                 UUID PRIMARY KEY,
    site_id            UUID NOT NULL REFERENCES site (id),
    models_before      TEXT NOT NULL,
    models_after       TEXT NOT NULL,
    since              TIMESTAMPTZ NOT NULL,
    max_comments       INT NOT NULL,
    state              VARCHAR(20) NOT NULL CHECK (state IN ('RUNNING', 'DONE')),
    cursor_created_at  TIMESTAMPTZ,
    cursor_id          UUID,
    evaluated          INT NOT NULL DEFAULT 0,
    changed            INT NOT NULL DEFAULT 0,
    counts_before      TEXT NOT NULL,
    counts_after       TEXT NOT NULL,
    changes            TEXT NOT NULL,
    created_at         TIMESTAMPTZ NOT NULL,
    finished_at        TIMESTAMPTZ
);
CREATE INDEX rescore_job_site_idx ON rescore_job (site_id, created_at DESC);
