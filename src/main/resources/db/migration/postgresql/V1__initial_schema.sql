-- ceph-sync's own tables as the last release before migrations had them (EclipseLink created them then; see
-- src/test/resources/db/previous-release). A database of that release is baselined at this version, not migrated.
-- Unbounded text is TEXT, byte arrays BYTEA; timestamps are without time zone, microseconds.

CREATE SEQUENCE branch_seq START WITH 10 INCREMENT BY 10;
CREATE SEQUENCE inventory_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE staged_read_seq START WITH 20 INCREMENT BY 20;
CREATE SEQUENCE stage_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE branch_change (
    id BIGINT NOT NULL,
    action VARCHAR(8) NOT NULL,
    branch_id BIGINT NOT NULL,
    conflicts TEXT,
    endpoint BIGINT NOT NULL,
    has_conflicts BOOLEAN NOT NULL,
    last_updated TIMESTAMP,
    model VARCHAR(32) NOT NULL,
    modified TEXT,
    natural_key TEXT NOT NULL,
    object_id BIGINT,
    original TEXT,
    PRIMARY KEY (id),
    CONSTRAINT unq_branch_change_0 UNIQUE (branch_id, model, object_id)
);

CREATE TABLE ceph_filesystem (
    id BIGINT NOT NULL,
    cluster BIGINT,
    content_hash VARCHAR(64),
    created TIMESTAMP,
    data_pools TEXT,
    endpoint BIGINT NOT NULL,
    last_seen_at TIMESTAMP,
    last_updated TIMESTAMP,
    metadata_pool BIGINT,
    name TEXT NOT NULL,
    standby_count_wanted INTEGER,
    status TEXT,
    PRIMARY KEY (id),
    CONSTRAINT unq_ceph_filesystem_0 UNIQUE (endpoint, name)
);

CREATE TABLE ceph_plugin_settings (
    id BIGINT NOT NULL,
    branch_name_prefix VARCHAR(64) NOT NULL,
    branch_on_conflict VARCHAR(16) NOT NULL,
    branching_enabled BOOLEAN NOT NULL,
    sync_interval_minutes INTEGER,
    PRIMARY KEY (id)
);

CREATE TABLE ceph_daemon (
    id BIGINT NOT NULL,
    cluster BIGINT,
    content_hash VARCHAR(64),
    created TIMESTAMP,
    daemon_id TEXT NOT NULL,
    daemon_type VARCHAR(16) NOT NULL,
    endpoint BIGINT NOT NULL,
    host TEXT NOT NULL,
    last_seen_at TIMESTAMP,
    last_updated TIMESTAMP,
    metadata TEXT,
    name TEXT NOT NULL,
    proxmox_node BIGINT,
    state VARCHAR(16) NOT NULL,
    status TEXT NOT NULL,
    version VARCHAR(128) NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT unq_ceph_daemon_0 UNIQUE (endpoint, daemon_type, name)
);

CREATE TABLE ceph_pool (
    id BIGINT NOT NULL,
    application VARCHAR(64) NOT NULL,
    cluster BIGINT,
    content_hash VARCHAR(64),
    created TIMESTAMP,
    crush_rule TEXT NOT NULL,
    endpoint BIGINT NOT NULL,
    last_seen_at TIMESTAMP,
    last_updated TIMESTAMP,
    max_available_bytes BIGINT,
    min_size INTEGER,
    name TEXT NOT NULL,
    percent_used DOUBLE PRECISION,
    pg_autoscale_mode VARCHAR(32) NOT NULL,
    pg_num INTEGER,
    pool_id INTEGER,
    pool_size INTEGER,
    status TEXT,
    used_bytes BIGINT,
    PRIMARY KEY (id),
    CONSTRAINT unq_ceph_pool_0 UNIQUE (endpoint, name)
);

CREATE TABLE ceph_crush_rule (
    id BIGINT NOT NULL,
    cluster BIGINT,
    content_hash VARCHAR(64),
    created TIMESTAMP,
    device_class VARCHAR(64) NOT NULL,
    endpoint BIGINT NOT NULL,
    last_seen_at TIMESTAMP,
    last_updated TIMESTAMP,
    name TEXT NOT NULL,
    raw TEXT,
    rule_id INTEGER,
    rule_type VARCHAR(64) NOT NULL,
    steps TEXT,
    PRIMARY KEY (id),
    CONSTRAINT unq_ceph_crush_rule_0 UNIQUE (endpoint, name)
);

CREATE TABLE ceph_flag (
    id BIGINT NOT NULL,
    cluster BIGINT,
    content_hash VARCHAR(64),
    created TIMESTAMP,
    enabled BOOLEAN,
    endpoint BIGINT NOT NULL,
    last_seen_at TIMESTAMP,
    last_updated TIMESTAMP,
    name TEXT NOT NULL,
    raw TEXT,
    flag_value TEXT NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT unq_ceph_flag_0 UNIQUE (endpoint, name)
);

CREATE TABLE ceph_osd (
    id BIGINT NOT NULL,
    available_bytes BIGINT,
    cluster BIGINT,
    content_hash VARCHAR(64),
    created TIMESTAMP,
    device_class VARCHAR(64) NOT NULL,
    endpoint BIGINT NOT NULL,
    host TEXT NOT NULL,
    in_cluster BOOLEAN,
    last_seen_at TIMESTAMP,
    last_updated TIMESTAMP,
    metadata TEXT,
    name TEXT NOT NULL,
    osd_id INTEGER NOT NULL,
    pgs INTEGER,
    proxmox_node BIGINT,
    reweight DOUBLE PRECISION,
    status TEXT NOT NULL,
    total_bytes BIGINT,
    is_up BOOLEAN,
    used_bytes BIGINT,
    weight DOUBLE PRECISION,
    PRIMARY KEY (id),
    CONSTRAINT unq_ceph_osd_0 UNIQUE (endpoint, osd_id)
);

CREATE TABLE ceph_cluster (
    id BIGINT NOT NULL,
    content_hash VARCHAR(64),
    created TIMESTAMP,
    endpoint BIGINT NOT NULL,
    fsid VARCHAR(64) NOT NULL,
    health VARCHAR(32) NOT NULL,
    last_seen_at TIMESTAMP,
    last_updated TIMESTAMP,
    name TEXT NOT NULL,
    proxmox_cluster BIGINT,
    quorum_names TEXT,
    status TEXT,
    PRIMARY KEY (id),
    CONSTRAINT unq_ceph_cluster_0 UNIQUE (endpoint, name)
);

CREATE TABLE ceph_health_check (
    id BIGINT NOT NULL,
    cluster BIGINT,
    content_hash VARCHAR(64),
    created TIMESTAMP,
    detail TEXT,
    endpoint BIGINT NOT NULL,
    first_seen_at TIMESTAMP,
    last_seen_at TIMESTAMP,
    last_updated TIMESTAMP,
    name TEXT NOT NULL,
    severity VARCHAR(32) NOT NULL,
    source VARCHAR(64) NOT NULL,
    summary VARCHAR(512) NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT unq_ceph_health_check_0 UNIQUE (endpoint, name)
);

CREATE TABLE staged_read (
    id BIGINT NOT NULL,
    endpoint_id BIGINT NOT NULL,
    instance_id BIGINT NOT NULL,
    item_count INTEGER NOT NULL,
    items BYTEA NOT NULL,
    natural_keys BYTEA NOT NULL,
    position INTEGER NOT NULL,
    resource VARCHAR(32) NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT unq_staged_read_0 UNIQUE (instance_id, resource, position)
);

CREATE TABLE sync_stage (
    id BIGINT NOT NULL,
    created BIGINT,
    deleted BIGINT,
    endpoints TEXT,
    error TEXT,
    fetched BIGINT,
    instance_id BIGINT NOT NULL,
    position INTEGER NOT NULL,
    resource VARCHAR(32) NOT NULL,
    runtime_seconds DOUBLE PRECISION,
    status VARCHAR(16) NOT NULL,
    unchanged BIGINT,
    updated BIGINT,
    PRIMARY KEY (id),
    CONSTRAINT unq_sync_stage_0 UNIQUE (instance_id, resource)
);

CREATE TABLE proxmox_endpoint (
    id BIGINT NOT NULL,
    domain TEXT,
    ip_address TEXT,
    name TEXT NOT NULL,
    port INTEGER,
    PRIMARY KEY (id),
    UNIQUE (name)
);

CREATE TABLE sync_run (
    instance_id BIGINT NOT NULL,
    branch_schema_id VARCHAR(8),
    created TIMESTAMP,
    endpoint_scope TEXT,
    error TEXT,
    finished TIMESTAMP,
    resources VARCHAR(255) NOT NULL,
    runtime_seconds DOUBLE PRECISION,
    PRIMARY KEY (instance_id)
);

CREATE TABLE branch (
    id BIGINT NOT NULL,
    created TIMESTAMP,
    instance_id BIGINT,
    last_updated TIMESTAMP,
    merged_time TIMESTAMP,
    name VARCHAR(100) NOT NULL,
    schema_id VARCHAR(8) NOT NULL,
    status VARCHAR(16) NOT NULL,
    PRIMARY KEY (id),
    UNIQUE (schema_id),
    UNIQUE (name)
);

CREATE INDEX index_branch_change_branch_id_model_endpoint_natural_key ON branch_change (branch_id, model, endpoint, natural_key);
