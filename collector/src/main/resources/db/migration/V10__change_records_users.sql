-- Change records, their history and revisions, and local users. Valid on H2 2.x and PostgreSQL 15+.
-- A record's content (title ... expectations) is only written while it is a DRAFT or by a revision;
-- every transition appends a change_history row stamped by the collector's clock.

CREATE SEQUENCE app_user_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE app_user (
    id                      BIGINT        NOT NULL PRIMARY KEY,
    username                VARCHAR(128)  NOT NULL,
    password_hash           VARCHAR(255)  NOT NULL,
    roles                   VARCHAR(255)  NOT NULL,
    created_at              TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by              VARCHAR(128)  NOT NULL,
    CONSTRAINT app_user_username UNIQUE (username)
);

CREATE SEQUENCE change_record_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE change_record (
    id                      BIGINT        NOT NULL PRIMARY KEY,
    revision                INTEGER       NOT NULL,
    type                    VARCHAR(16)   NOT NULL,
    state                   VARCHAR(24)   NOT NULL,
    title                   VARCHAR(255)  NOT NULL,
    description             TEXT,
    justification           TEXT,
    security_impact         TEXT,
    rollback_plan           TEXT,
    cui_involved            BOOLEAN       NOT NULL,
    window_start            TIMESTAMP WITH TIME ZONE NOT NULL,
    window_end              TIMESTAMP WITH TIME ZONE NOT NULL,
    -- RECURRING only: ISO-8601 period between cycles (P1M, P7D) and the last cycle start allowed.
    recurrence              VARCHAR(32),
    recurrence_until        TIMESTAMP WITH TIME ZONE,
    -- A cycle summary of a RECURRING record: its standing record and cycle number (0 = first window).
    parent_id               BIGINT        REFERENCES change_record (id),
    cycle                   INTEGER,
    requested_by            VARCHAR(128)  NOT NULL,
    created_at              TIMESTAMP WITH TIME ZONE NOT NULL,
    submitted_at            TIMESTAMP WITH TIME ZONE,
    approved_at             TIMESTAMP WITH TIME ZONE,
    approved_by             VARCHAR(128),
    -- Approval by the requester, allowed only because the organisation is a one-person shop.
    self_approved           BOOLEAN       NOT NULL,
    implemented_at          TIMESTAMP WITH TIME ZONE,
    implemented_by          VARCHAR(128),
    verified_at             TIMESTAMP WITH TIME ZONE,
    signed_off_at           TIMESTAMP WITH TIME ZONE,
    signed_off_by           VARCHAR(128),
    closed_at               TIMESTAMP WITH TIME ZONE,
    -- Where an imported record came from (CSV, JIRA, SERVICENOW) and its id there.
    external_source         VARCHAR(16),
    external_id             VARCHAR(255),
    CONSTRAINT change_record_cycle_once UNIQUE (parent_id, cycle),
    CONSTRAINT change_record_external_once UNIQUE (external_source, external_id)
);

CREATE INDEX change_record_state_window ON change_record (state, window_start, window_end);

CREATE TABLE change_scope (
    record_id               BIGINT        NOT NULL REFERENCES change_record (id),
    position                INTEGER       NOT NULL,
    scope                   VARCHAR(255)  NOT NULL,
    PRIMARY KEY (record_id, position)
);

CREATE TABLE change_expectation (
    record_id               BIGINT        NOT NULL REFERENCES change_record (id),
    position                INTEGER       NOT NULL,
    kind                    VARCHAR(32)   NOT NULL,
    key_pattern             VARCHAR(1024) NOT NULL,
    action                  VARCHAR(16)   NOT NULL,
    to_version              VARCHAR(255),
    after_sha256            VARCHAR(64),
    PRIMARY KEY (record_id, position)
);

CREATE SEQUENCE change_history_seq START WITH 1 INCREMENT BY 50;

-- Append-only trail of one record: what was done, the state it left the record in, when, by whom.
CREATE TABLE change_history (
    id                      BIGINT        NOT NULL PRIMARY KEY,
    record_id               BIGINT        NOT NULL REFERENCES change_record (id),
    action                  VARCHAR(24)   NOT NULL,
    state                   VARCHAR(24)   NOT NULL,
    revision                INTEGER       NOT NULL,
    at                      TIMESTAMP WITH TIME ZONE NOT NULL,
    by_user                 VARCHAR(128)  NOT NULL,
    note                    TEXT
);

CREATE INDEX change_history_record ON change_history (record_id, at);

-- The content of every submitted revision, as JSON, so a correction never loses what was approved before.
CREATE TABLE change_revision (
    record_id               BIGINT        NOT NULL REFERENCES change_record (id),
    revision                INTEGER       NOT NULL,
    content                 TEXT          NOT NULL,
    created_at              TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by              VARCHAR(128)  NOT NULL,
    PRIMARY KEY (record_id, revision)
);

CREATE SEQUENCE change_attachment_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE change_attachment (
    id                      BIGINT        NOT NULL PRIMARY KEY,
    record_id               BIGINT        NOT NULL REFERENCES change_record (id),
    purpose                 VARCHAR(16)   NOT NULL,
    name                    VARCHAR(255)  NOT NULL,
    media_type              VARCHAR(128)  NOT NULL,
    sha256                  VARCHAR(64)   NOT NULL,
    size                    BIGINT        NOT NULL,
    data                    BYTEA         NOT NULL,
    added_at                TIMESTAMP WITH TIME ZONE NOT NULL,
    added_by                VARCHAR(128)  NOT NULL
);

CREATE INDEX change_attachment_record ON change_attachment (record_id);
