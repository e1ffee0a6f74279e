-- Verification results, findings with their trail, and the alert outbox. Valid on H2 2.x and PostgreSQL 15+.

CREATE SEQUENCE verification_result_seq START WITH 1 INCREMENT BY 50;

-- One row per expectation per in-scope host per verification run of a record.
CREATE TABLE verification_result (
    id                      BIGINT        NOT NULL PRIMARY KEY,
    record_id               BIGINT        NOT NULL REFERENCES change_record (id),
    run                     INTEGER       NOT NULL,
    verified_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    host_id                 VARCHAR(128)  NOT NULL REFERENCES host (id),
    expectation             INTEGER,
    kind                    VARCHAR(32)   NOT NULL,
    item_key                VARCHAR(1024) NOT NULL,
    outcome                 VARCHAR(16)   NOT NULL,
    detail                  TEXT          NOT NULL,
    -- Comma-separated ids of the observed changes that are this result's evidence.
    observed_change_ids     TEXT          NOT NULL
);

CREATE INDEX verification_result_record ON verification_result (record_id, run);

CREATE SEQUENCE finding_seq START WITH 1 INCREMENT BY 50;

-- One row per distinct problem: dedup_key names it (type and subject), so raising it again while it
-- is open changes nothing, and reopens it when it was resolved.
CREATE TABLE finding (
    id                      BIGINT        NOT NULL PRIMARY KEY,
    type                    VARCHAR(40)   NOT NULL,
    status                  VARCHAR(16)   NOT NULL,
    dedup_key               VARCHAR(1400) NOT NULL,
    host_id                 VARCHAR(128),
    change_record_id        BIGINT,
    observed_change_id      BIGINT,
    summary                 TEXT          NOT NULL,
    evidence                VARCHAR(255)  NOT NULL,
    opened_at               TIMESTAMP WITH TIME ZONE NOT NULL,
    occurrences             INTEGER       NOT NULL,
    acknowledged_at         TIMESTAMP WITH TIME ZONE,
    acknowledged_by         VARCHAR(128),
    acknowledged_reason     TEXT,
    acknowledged_until      TIMESTAMP WITH TIME ZONE,
    resolved_at             TIMESTAMP WITH TIME ZONE,
    resolved_by             VARCHAR(128),
    resolution              TEXT,
    CONSTRAINT finding_once UNIQUE (dedup_key)
);

CREATE INDEX finding_status_type ON finding (status, type);
CREATE INDEX finding_observed_change ON finding (observed_change_id);

CREATE SEQUENCE finding_event_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE finding_event (
    id                      BIGINT        NOT NULL PRIMARY KEY,
    finding_id              BIGINT        NOT NULL REFERENCES finding (id),
    status                  VARCHAR(16)   NOT NULL,
    at                      TIMESTAMP WITH TIME ZONE NOT NULL,
    by_user                 VARCHAR(128)  NOT NULL,
    note                    TEXT
);

CREATE SEQUENCE alert_delivery_seq START WITH 1 INCREMENT BY 50;

-- The alert outbox: written in the transaction that opens a finding, sent by the scheduled sender
-- at least once per channel, retried with backoff until delivered or out of attempts.
CREATE TABLE alert_delivery (
    id                      BIGINT        NOT NULL PRIMARY KEY,
    finding_id              BIGINT        NOT NULL REFERENCES finding (id),
    channel                 VARCHAR(64)   NOT NULL,
    occurrence              INTEGER       NOT NULL,
    payload                 TEXT          NOT NULL,
    created_at              TIMESTAMP WITH TIME ZONE NOT NULL,
    attempts                INTEGER       NOT NULL,
    next_attempt_at         TIMESTAMP WITH TIME ZONE,
    claimed_until           TIMESTAMP WITH TIME ZONE,
    delivered_at            TIMESTAMP WITH TIME ZONE,
    last_error              TEXT,
    CONSTRAINT alert_delivery_once UNIQUE (finding_id, channel, occurrence)
);

CREATE INDEX alert_delivery_due ON alert_delivery (delivered_at, next_attempt_at);
