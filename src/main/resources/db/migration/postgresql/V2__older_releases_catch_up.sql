-- The same catch-up as for H2 (older releases never ran on PostgreSQL, so on PostgreSQL this changes nothing;
-- kept so that both databases share one version history).
ALTER TABLE sync_stage ALTER COLUMN error TYPE TEXT;
ALTER TABLE sync_run ALTER COLUMN error TYPE TEXT;
DROP TABLE IF EXISTS staged_item;
