-- A database that a release before the pipeline-safety work first made, and later releases extended with
-- EclipseLink, still has error columns of VARCHAR(4000) (EclipseLink widens nothing) and the table that staged
-- one row per item. On a database that never had them, these change nothing.
ALTER TABLE sync_stage ALTER COLUMN error SET DATA TYPE VARCHAR;
ALTER TABLE sync_run ALTER COLUMN error SET DATA TYPE VARCHAR;
DROP TABLE IF EXISTS staged_item;
