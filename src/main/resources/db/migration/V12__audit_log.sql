-- Append-only audit log, written in the same transaction as the action it records. The trigger makes the
-- append-only rule hold for every client of the database, not only for this application.
CREATE TABLE audit_entry (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    site_id         UUID NOT NULL REFERENCES site (id),
    comment_id      UUID,
    author_id       UUID,
    review_item_id  UUID,
    actor           VARCHAR(300) NOT NULL,
    action          VARCHAR(60) NOT NULL,
    before_state    TEXT,
    after_state     TEXT,
    reason          VARCHAR(200),
    note            TEXT,
    request_id      VARCHAR(128),
    policy_version  INT,
    created_at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX audit_entry_site_idx ON audit_entry (site_id, created_at, id);
CREATE INDEX audit_entry_comment_idx ON audit_entry (comment_id, id);

CREATE FUNCTION audit_entry_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'audit_entry is append-only: % is not allowed', TG_OP;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER audit_entry_no_update_delete BEFORE UPDATE OR DELETE ON audit_entry
    FOR EACH ROW EXECUTE FUNCTION audit_entry_append_only();
CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON audit_entry
    FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_append_only();
