-- The review queue. An item is OPEN until a moderator decides it; at most one open item per comment.
-- rank = priority - age_weight * hours-since-epoch(created_at): ordering by rank equals ordering by
-- "priority + age bonus" at any moment, without rewriting rows as time passes.
CREATE TABLE review_item (
    id                UUID PRIMARY KEY,
    site_id           UUID NOT NULL REFERENCES site (id),
    comment_id        UUID NOT NULL REFERENCES comment (id),
    state             VARCHAR(20) NOT NULL CHECK (state IN ('OPEN', 'DECIDED')),
    cause             VARCHAR(20) NOT NULL CHECK (cause IN ('VERDICT', 'REPORTS', 'EDIT')),
    escalated         BOOLEAN NOT NULL DEFAULT FALSE,
    priority          DOUBLE PRECISION NOT NULL,
    rank              DOUBLE PRECISION NOT NULL,
    report_weight     DOUBLE PRECISION NOT NULL DEFAULT 0,
    claimed_by        VARCHAR(300),
    claim_expires_at  TIMESTAMPTZ,
    created_at        TIMESTAMPTZ NOT NULL,
    decided_at        TIMESTAMPTZ,
    decided_by        VARCHAR(300),
    decision          VARCHAR(20) CHECK (decision IN ('APPROVE', 'REJECT', 'SUPERSEDED')),
    decision_reason   VARCHAR(60),
    decision_note     TEXT,
    status_before     VARCHAR(20)
);
CREATE UNIQUE INDEX review_item_one_open_uk ON review_item (comment_id) WHERE state = 'OPEN';
CREATE INDEX review_item_queue_idx ON review_item (site_id, state, rank DESC, id);
CREATE INDEX review_item_created_idx ON review_item (site_id, state, created_at, id);

-- Reader reports. One per reader and comment; outcome is filled when a moderator decides the comment, and feeds
-- the reporter's track record (the weight of their next reports).
CREATE TABLE reader_report (
    id           UUID PRIMARY KEY,
    site_id      UUID NOT NULL REFERENCES site (id),
    comment_id   UUID NOT NULL REFERENCES comment (id),
    reporter_id  VARCHAR(200) NOT NULL,
    reason       VARCHAR(40) NOT NULL,
    weight       DOUBLE PRECISION NOT NULL,
    outcome      VARCHAR(20) CHECK (outcome IN ('UPHELD', 'DISMISSED')),
    created_at   TIMESTAMPTZ NOT NULL,
    CONSTRAINT reader_report_once_uk UNIQUE (comment_id, reporter_id)
);
CREATE INDEX reader_report_reporter_idx ON reader_report (site_id, reporter_id);
