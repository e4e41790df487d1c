-- Comments whose toxicity spans are computed after the verdict was answered (Coral's phase answers within its
-- timeout and leaves the per-sentence span pass for later; DeferredExplanations fills them in).
ALTER TABLE comment ADD COLUMN explanation_pending BOOLEAN NOT NULL DEFAULT FALSE;
CREATE INDEX comment_explanation_pending ON comment (updated_at) WHERE explanation_pending;
