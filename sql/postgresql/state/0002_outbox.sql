-- Delivery: the transactional outbox, approvals.

-- Every e-mail is recorded here (in the same transaction as what caused it) before it is sent, and marked after.
CREATE TABLE ejv_outbox (
    message_id        TEXT    NOT NULL PRIMARY KEY,
    namnd_id          TEXT    NOT NULL,
    quarter           TEXT    NULL,
    kind              TEXT    NOT NULL,
    role              TEXT    NOT NULL,
    recipients        TEXT    NOT NULL,
    subject           TEXT    NOT NULL,
    body              TEXT    NOT NULL,
    attachment_name   TEXT    NULL,
    attachment_type   TEXT    NULL,
    attachment        BYTEA   NULL,
    status            TEXT    NOT NULL,
    attempts          INTEGER NOT NULL,
    last_error        TEXT    NULL,
    created_at        TEXT    NOT NULL,
    next_attempt_at   TEXT    NOT NULL,
    claimed_by        TEXT    NULL,
    claimed_until     TEXT    NULL,
    sent_at           TEXT    NULL
);
CREATE INDEX ix_ejv_outbox_status ON ejv_outbox (status, next_attempt_at);

CREATE TABLE ejv_approval (
    namnd_id    TEXT NOT NULL,
    quarter     TEXT NOT NULL,
    approved_by TEXT NOT NULL,
    approved_at TEXT NOT NULL,
    PRIMARY KEY (namnd_id, quarter)
);
