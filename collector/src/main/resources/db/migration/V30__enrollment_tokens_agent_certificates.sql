-- Enrollment tokens (only the SHA-256 of the secret is kept) and the client certificates issued
-- to agents with them (docs/adr/0003-enrollment-token-and-ca-pinning.md).
CREATE TABLE enrollment_token (
    id BIGINT NOT NULL PRIMARY KEY,
    secret_hash VARCHAR(64) NOT NULL,
    ca_pin VARCHAR(43) NOT NULL,
    tags VARCHAR(4000),
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by VARCHAR(128) NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at TIMESTAMP WITH TIME ZONE,
    used_by_host VARCHAR(128),
    CONSTRAINT enrollment_token_secret_hash UNIQUE (secret_hash)
);
CREATE SEQUENCE enrollment_token_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE agent_certificate (
    serial VARCHAR(40) NOT NULL PRIMARY KEY,
    host_id VARCHAR(128) NOT NULL,
    fingerprint_sha256 VARCHAR(64) NOT NULL,
    not_before TIMESTAMP WITH TIME ZONE NOT NULL,
    not_after TIMESTAMP WITH TIME ZONE NOT NULL,
    issued_at TIMESTAMP WITH TIME ZONE NOT NULL,
    enrollment_token_id BIGINT NOT NULL REFERENCES enrollment_token (id),
    revoked_at TIMESTAMP WITH TIME ZONE,
    revoked_by VARCHAR(128)
);
CREATE INDEX agent_certificate_host ON agent_certificate (host_id);
