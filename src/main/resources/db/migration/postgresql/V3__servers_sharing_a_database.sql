-- Several servers on one database: which server runs (or last ran) each run, so that a server recovering
-- from a crash marks only its own runs; and the schedule's claim, so that one server starts each scheduled run.
ALTER TABLE sync_run ADD COLUMN server_name VARCHAR(255);
CREATE TABLE schedule_claim (
    id BIGINT NOT NULL,
    claimed_at TIMESTAMP,
    claimed_by VARCHAR(255),
    PRIMARY KEY (id)
);
INSERT INTO schedule_claim (id) VALUES (1);
