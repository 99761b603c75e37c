-- SQL Server (reviewed, not run in CI). Delivery: the transactional outbox, approvals.

-- Every e-mail is recorded here (in the same transaction as what caused it) before it is sent, and marked after.
CREATE TABLE ejv_outbox (
    message_id        NVARCHAR(200)    NOT NULL PRIMARY KEY,
    namnd_id          NVARCHAR(100)    NOT NULL,
    quarter           NVARCHAR(10)    NULL,
    kind              NVARCHAR(20)    NOT NULL,
    role              NVARCHAR(40)    NOT NULL,
    recipients        NVARCHAR(MAX)    NOT NULL,
    subject           NVARCHAR(400)    NOT NULL,
    body              NVARCHAR(MAX)    NOT NULL,
    attachment_name   NVARCHAR(400)    NULL,
    attachment_type   NVARCHAR(200)    NULL,
    attachment        VARBINARY(MAX) NULL,
    status            NVARCHAR(20)    NOT NULL,
    attempts          INTEGER NOT NULL,
    last_error        NVARCHAR(MAX)    NULL,
    created_at        NVARCHAR(40)    NOT NULL,
    next_attempt_at   NVARCHAR(40)    NOT NULL,
    claimed_by        NVARCHAR(200)    NULL,
    claimed_until     NVARCHAR(40)    NULL,
    sent_at           NVARCHAR(40)    NULL
);
CREATE INDEX ix_ejv_outbox_status ON ejv_outbox (status, next_attempt_at);

CREATE TABLE ejv_approval (
    namnd_id    NVARCHAR(100) NOT NULL,
    quarter     NVARCHAR(10) NOT NULL,
    approved_by NVARCHAR(200) NOT NULL,
    approved_at NVARCHAR(40) NOT NULL,
    PRIMARY KEY (namnd_id, quarter)
);
