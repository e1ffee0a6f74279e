-- API tokens for automation: `Authorization: Bearer dpat_...`. Only the SHA-256 of the token is kept.
CREATE TABLE api_token (
    id BIGINT NOT NULL PRIMARY KEY,
    name VARCHAR(128) NOT NULL,
    token_hash VARCHAR(64) NOT NULL,
    roles VARCHAR(255) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by VARCHAR(128) NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at TIMESTAMP WITH TIME ZONE,
    revoked_by VARCHAR(128),
    CONSTRAINT api_token_hash UNIQUE (token_hash)
);
CREATE SEQUENCE api_token_seq START WITH 1 INCREMENT BY 50;
