-- driftproof collector schema, version 1. Valid unchanged on H2 2.x and PostgreSQL 15+:
-- BIGINT, VARCHAR, TEXT, BYTEA, BOOLEAN and TIMESTAMP WITH TIME ZONE only.
-- Storage grows with changes: one row per item in its current state (updated in place), one row
-- per observed change, one row per distinct file content, one row per delta that changed something.

CREATE TABLE host (
    id                      VARCHAR(128)  NOT NULL PRIMARY KEY,
    hostname                VARCHAR(255),
    os                      VARCHAR(255),
    kernel                  VARCHAR(255),
    arch                    VARCHAR(64),
    agent_version           VARCHAR(64),
    cmdb_asset_id           VARCHAR(255),
    first_seen              TIMESTAMP WITH TIME ZONE NOT NULL,
    last_seen               TIMESTAMP WITH TIME ZONE NOT NULL,
    last_seq                BIGINT        NOT NULL,
    baseline_seq            BIGINT,
    baseline_at             TIMESTAMP WITH TIME ZONE,
    last_observed_at        TIMESTAMP WITH TIME ZONE,
    manifest_digest         VARCHAR(64),
    item_count              BIGINT        NOT NULL,
    clock_skew_ms           BIGINT,
    clock_uncertainty_ms    BIGINT,
    clock_measured_at       TIMESTAMP WITH TIME ZONE
);

CREATE TABLE host_tag (
    host_id                 VARCHAR(128)  NOT NULL REFERENCES host (id),
    tag                     VARCHAR(64)   NOT NULL,
    PRIMARY KEY (host_id, tag)
);

CREATE SEQUENCE item_seq START WITH 1 INCREMENT BY 50;

-- The current state of every item of every host.
CREATE TABLE item (
    id                      BIGINT        NOT NULL PRIMARY KEY,
    host_id                 VARCHAR(128)  NOT NULL REFERENCES host (id),
    kind                    VARCHAR(32)   NOT NULL,
    item_key                VARCHAR(1024) NOT NULL,
    fingerprint             VARCHAR(64)   NOT NULL,
    detail                  TEXT          NOT NULL,
    updated_seq             BIGINT        NOT NULL,
    CONSTRAINT item_host_kind_key UNIQUE (host_id, kind, item_key)
);

CREATE SEQUENCE observed_change_seq START WITH 1 INCREMENT BY 50;

-- Append-only: one row per item that differs between two consecutive snapshots of a host.
CREATE TABLE observed_change (
    id                      BIGINT        NOT NULL PRIMARY KEY,
    host_id                 VARCHAR(128)  NOT NULL REFERENCES host (id),
    kind                    VARCHAR(32)   NOT NULL,
    item_key                VARCHAR(1024) NOT NULL,
    action                  VARCHAR(16)   NOT NULL,
    before_detail           TEXT,
    after_detail            TEXT,
    not_before              TIMESTAMP WITH TIME ZONE NOT NULL,
    observed_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    observed_at_agent       TIMESTAMP WITH TIME ZONE NOT NULL,
    evidence_time           TIMESTAMP WITH TIME ZONE,
    received_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    snapshot_seq            BIGINT        NOT NULL,
    status                  VARCHAR(32),
    change_record_id        BIGINT,
    CONSTRAINT observed_change_once UNIQUE (host_id, snapshot_seq, kind, item_key)
);

CREATE INDEX observed_change_host_time ON observed_change (host_id, observed_at);
CREATE INDEX observed_change_host_item ON observed_change (host_id, kind, item_key);

-- File contents, content-addressed and deflate-compressed; one row however many hosts share it.
CREATE TABLE content (
    sha256                  VARCHAR(64)   NOT NULL PRIMARY KEY,
    size                    BIGINT        NOT NULL,
    compression             VARCHAR(16)   NOT NULL,
    data                    BYTEA         NOT NULL,
    first_received_at       TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE SEQUENCE applied_delta_seq START WITH 1 INCREMENT BY 50;

-- One row per applied delta that changed the stored state; unchanged heartbeats add none.
CREATE TABLE applied_delta (
    id                      BIGINT        NOT NULL PRIMARY KEY,
    host_id                 VARCHAR(128)  NOT NULL REFERENCES host (id),
    seq                     BIGINT        NOT NULL,
    base_seq                BIGINT        NOT NULL,
    full_snapshot           BOOLEAN       NOT NULL,
    observed_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    received_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    manifest_digest         VARCHAR(64)   NOT NULL,
    item_count              BIGINT        NOT NULL,
    upserts                 INTEGER       NOT NULL,
    removals                INTEGER       NOT NULL,
    observed_changes        INTEGER       NOT NULL,
    CONSTRAINT applied_delta_once UNIQUE (host_id, seq)
);
