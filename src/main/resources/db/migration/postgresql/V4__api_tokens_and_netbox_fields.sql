-- NetBox's API tokens (/api/users/tokens/): a v1 token is presented as "Token <40 hex>", a v2 one as
-- "Bearer nbt_<key>.<token>". Only the SHA-256 digest of the secret part is kept, never the secret.
CREATE SEQUENCE api_token_seq START WITH 10 INCREMENT BY 10;
CREATE TABLE api_token (
    id BIGINT NOT NULL,
    token_version INTEGER NOT NULL,
    token_key VARCHAR(16),
    digest VARCHAR(64) NOT NULL,
    username VARCHAR(64) NOT NULL,
    description VARCHAR(200),
    created TIMESTAMP NOT NULL,
    expires TIMESTAMP,
    last_used TIMESTAMP,
    enabled BOOLEAN NOT NULL,
    write_enabled BOOLEAN NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT unq_api_token_digest UNIQUE (digest),
    CONSTRAINT unq_api_token_key UNIQUE (token_key)
);
CREATE INDEX idx_api_token_username ON api_token (username);
-- netbox-ceph's settings serializer has created and last_updated, as every NetBox model
ALTER TABLE ceph_plugin_settings ADD COLUMN created TIMESTAMP;
ALTER TABLE ceph_plugin_settings ADD COLUMN last_updated TIMESTAMP;
-- netbox-branching's branch has merged_by
ALTER TABLE branch ADD COLUMN merged_by VARCHAR(150);
