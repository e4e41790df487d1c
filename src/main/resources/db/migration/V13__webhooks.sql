CREATE TABLE webhook_endpoint (
    id                    UUID PRIMARY KEY,
    site_id               UUID NOT NULL REFERENCES site (id),
    url                   VARCHAR(2000) NOT NULL,
    event_types           VARCHAR(500) NOT NULL,
    -- The signing secret, AES-GCM encrypted when commentguard.webhook.encryption-key is set ("v1:" prefix).
    secret                VARCHAR(500) NOT NULL,
    active                BOOLEAN NOT NULL,
    consecutive_failures  INT NOT NULL DEFAULT 0,
    failing_since         TIMESTAMPTZ,
    disabled_at           TIMESTAMPTZ,
    disabled_reason       VARCHAR(500),
    -- Deleted by an admin: no new events are queued for it. A merely disabled endpoint (failures) keeps
    -- collecting events so that it gets every one of them once re-enabled.
    retired_at            TIMESTAMPTZ,
    created_at            TIMESTAMPTZ NOT NULL,
    created_by            VARCHAR(300) NOT NULL
);
CREATE INDEX webhook_endpoint_site_idx ON webhook_endpoint (site_id);

-- The outbox: one row per event and endpoint, inserted in the transaction that produced the event.
CREATE TABLE webhook_delivery (
    id               UUID PRIMARY KEY,
    endpoint_id      UUID NOT NULL REFERENCES webhook_endpoint (id),
    site_id          UUID NOT NULL REFERENCES site (id),
    event_id         UUID NOT NULL,
    event_type       VARCHAR(60) NOT NULL,
    payload          TEXT NOT NULL,
    status           VARCHAR(20) NOT NULL CHECK (status IN ('PENDING', 'DELIVERED', 'FAILED')),
    attempts         INT NOT NULL DEFAULT 0,
    next_attempt_at  TIMESTAMPTZ NOT NULL,
    lease_until      TIMESTAMPTZ,
    last_attempt_at  TIMESTAMPTZ,
    last_status      INT,
    last_error       VARCHAR(500),
    created_at       TIMESTAMPTZ NOT NULL,
    delivered_at     TIMESTAMPTZ
);
CREATE INDEX webhook_delivery_due_idx ON webhook_delivery (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX webhook_delivery_endpoint_idx ON webhook_delivery (endpoint_id, created_at DESC, id);
