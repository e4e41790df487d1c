-- Per-scorer explanations (closest article sentences, language candidates …) kept with each comment, so that
-- moderators see why it was flagged, not only that it was.
ALTER TABLE comment ADD COLUMN scorer_details TEXT NOT NULL DEFAULT '{}';
