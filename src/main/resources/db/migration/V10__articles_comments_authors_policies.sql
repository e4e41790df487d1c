-- Articles a site's comments belong to. body is what the site sent (text or HTML); clean_text is the article text
-- with markup and boilerplate removed, which is what off-topic scoring compares comments against.
CREATE TABLE article (
    id           UUID PRIMARY KEY,
    site_id      UUID NOT NULL REFERENCES site (id),
    external_id  VARCHAR(200) NOT NULL,
    title        VARCHAR(1000) NOT NULL,
    url          VARCHAR(2000),
    body         TEXT NOT NULL,
    clean_text   TEXT NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL,
    updated_at   TIMESTAMPTZ NOT NULL,
    CONSTRAINT article_site_external_uk UNIQUE (site_id, external_id)
);

-- Comment authors as the site knows them (its own user ids), with their sanctions.
CREATE TABLE author (
    id                  UUID PRIMARY KEY,
    site_id             UUID NOT NULL REFERENCES site (id),
    external_id         VARCHAR(200) NOT NULL,
    name                VARCHAR(200),
    created_at          TIMESTAMPTZ NOT NULL,
    banned              BOOLEAN NOT NULL DEFAULT FALSE,
    suspended_until     TIMESTAMPTZ,
    always_premoderate  BOOLEAN NOT NULL DEFAULT FALSE,
    trusted             BOOLEAN NOT NULL DEFAULT FALSE,
    sanction_reason     VARCHAR(500),
    sanctioned_by       VARCHAR(300),
    sanctioned_at       TIMESTAMPTZ,
    CONSTRAINT author_site_external_uk UNIQUE (site_id, external_id)
);

-- Per-site policy overrides, one row per version; the newest version is in force. Nothing is ever updated, so
-- every stored verdict can name the exact policy that produced it.
CREATE TABLE site_policy (
    id          UUID PRIMARY KEY,
    site_id     UUID NOT NULL REFERENCES site (id),
    version     INT NOT NULL CHECK (version > 0),
    overrides   TEXT NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    created_by  VARCHAR(300) NOT NULL,
    CONSTRAINT site_policy_version_uk UNIQUE (site_id, version)
);

CREATE TABLE comment (
    id              UUID PRIMARY KEY,
    site_id         UUID NOT NULL REFERENCES site (id),
    external_id     VARCHAR(200) NOT NULL,
    article_id      UUID NOT NULL REFERENCES article (id),
    parent_id       UUID REFERENCES comment (id),
    author_id       UUID NOT NULL REFERENCES author (id),
    text            TEXT NOT NULL,
    display_text    TEXT NOT NULL,
    status          VARCHAR(20) NOT NULL CHECK (status IN ('PUBLISHED', 'PENDING', 'REJECTED')),
    -- The automatic verdict, kept apart from status so moderator reversals can be measured.
    auto_status     VARCHAR(20) NOT NULL CHECK (auto_status IN ('PUBLISHED', 'PENDING', 'REJECTED')),
    reasons         TEXT NOT NULL,
    scores          TEXT NOT NULL,
    spans           TEXT NOT NULL,
    scorer_reasons  TEXT NOT NULL,
    models          TEXT NOT NULL,
    language        VARCHAR(20),
    policy_version  INT NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL,
    edited_at       TIMESTAMPTZ,
    CONSTRAINT comment_site_external_uk UNIQUE (site_id, external_id)
);
CREATE INDEX comment_site_created_idx ON comment (site_id, created_at DESC, id DESC);
CREATE INDEX comment_article_idx ON comment (article_id, status, created_at DESC, id DESC);
CREATE INDEX comment_author_idx ON comment (author_id, created_at DESC);
