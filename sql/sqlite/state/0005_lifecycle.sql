-- The quarter's lifecycle (CONTRACT section 4): every version of a quarter's report, its documents, what was sent to whom,
-- and the append-only audit trail of every state change. Existing quarters become version 1 (approved, by a "legacy"
-- identity, where ejv_approval has a row); nothing is lost.

-- One row per version of a quarter's report. state: draft, approved (sent to the nämnd), decided (the nämnd's decision
-- recorded, sent to kommunfullmäktige), superseded (a later run changed the result). result_hash: the SHA-256 of the
-- version's statistikrapport.json and ivo-underlag.json, joined by ':' (a run with the same result makes no new version).
CREATE TABLE ejv_version (
    namnd_id            TEXT    NOT NULL,
    quarter             TEXT    NOT NULL,
    version             INTEGER NOT NULL,
    created_at          TEXT    NOT NULL,
    run_id              INTEGER NOT NULL,
    result_hash         TEXT    NOT NULL,
    state               TEXT    NOT NULL,
    approved_by_id      TEXT    NULL,
    approved_by_name    TEXT    NULL,
    approved_by_source  TEXT    NULL,
    approved_at         TEXT    NULL,
    decision_date       TEXT    NULL,
    decision_paragraph  TEXT    NULL,
    decided_by_id       TEXT    NULL,
    decided_by_name     TEXT    NULL,
    decided_by_source   TEXT    NULL,
    decided_at          TEXT    NULL,
    superseded_at       TEXT    NULL,
    PRIMARY KEY (namnd_id, quarter, version)
);

-- Each version's documents exactly as the run wrote and checked them (public statistikrapport .json/.docx, the
-- confidential underlag). What is sent for a version is these bytes. ejv_document keeps the latest run's, as before.
CREATE TABLE ejv_version_document (
    namnd_id    TEXT    NOT NULL,
    quarter     TEXT    NOT NULL,
    version     INTEGER NOT NULL,
    name        TEXT    NOT NULL,
    content     BLOB    NOT NULL,
    sha256      TEXT    NOT NULL,
    created_at  TEXT    NOT NULL,
    PRIMARY KEY (namnd_id, quarter, version, name)
);

-- What was sent (recorded in the outbox, or in the revisorer's channel) for each version, to which role and why:
-- purpose namnd (approved, for the agenda), beslut (the nämnd's decision), rattelse (a correction), per_case (the
-- revisorer's per-case reports; message_id NULL and channel 'none' when nothing could be delivered), legacy (before 0005).
CREATE TABLE ejv_delivery (
    namnd_id     TEXT    NOT NULL,
    quarter      TEXT    NOT NULL,
    version      INTEGER NOT NULL,
    role         TEXT    NOT NULL,
    purpose      TEXT    NOT NULL,
    message_id   TEXT    NULL,
    channel      TEXT    NOT NULL,
    recorded_at  TEXT    NOT NULL
);
CREATE INDEX ix_ejv_delivery_quarter ON ejv_delivery (namnd_id, quarter, version);

-- Every state change, who (actor id, name, source: os, web, service, legacy), when, what, from which version to which.
-- Append-only: written in the same transaction as the change; never updated, never deleted (the triggers refuse it).
CREATE TABLE ejv_audit (
    audit_id      INTEGER PRIMARY KEY AUTOINCREMENT,
    occurred_at   TEXT    NOT NULL,
    actor_id      TEXT    NOT NULL,
    actor_name    TEXT    NOT NULL,
    actor_source  TEXT    NOT NULL,
    namnd_id      TEXT    NOT NULL,
    quarter       TEXT    NULL,
    what          TEXT    NOT NULL,
    from_version  INTEGER NULL,
    to_version    INTEGER NULL,
    detail        TEXT    NULL
);
CREATE INDEX ix_ejv_audit_quarter ON ejv_audit (namnd_id, quarter, audit_id);

CREATE TRIGGER tr_ejv_audit_no_update BEFORE UPDATE ON ejv_audit BEGIN SELECT RAISE(ABORT, 'ejv_audit is append-only'); END;
CREATE TRIGGER tr_ejv_audit_no_delete BEFORE DELETE ON ejv_audit BEGIN SELECT RAISE(ABORT, 'ejv_audit is append-only'); END;

INSERT INTO ejv_version (namnd_id, quarter, version, created_at, run_id, result_hash, state,
                         approved_by_id, approved_by_name, approved_by_source, approved_at)
SELECT q.namnd_id, q.quarter, 1, q.completed_at, q.run_id,
       COALESCE((SELECT d.sha256 FROM ejv_document d WHERE d.namnd_id = q.namnd_id AND d.quarter = q.quarter AND d.name = 'statistikrapport.json'), '')
       || ':' ||
       COALESCE((SELECT d.sha256 FROM ejv_document d WHERE d.namnd_id = q.namnd_id AND d.quarter = q.quarter AND d.name = 'ivo-underlag.json'), ''),
       CASE WHEN a.quarter IS NULL THEN 'draft' ELSE 'approved' END,
       a.approved_by, a.approved_by, CASE WHEN a.quarter IS NULL THEN NULL ELSE 'legacy' END, a.approved_at
FROM ejv_quarter q LEFT JOIN ejv_approval a ON a.namnd_id = q.namnd_id AND a.quarter = q.quarter;

INSERT INTO ejv_version_document (namnd_id, quarter, version, name, content, sha256, created_at)
SELECT namnd_id, quarter, 1, name, content, sha256, created_at FROM ejv_document;

INSERT INTO ejv_delivery (namnd_id, quarter, version, role, purpose, message_id, channel, recorded_at)
SELECT namnd_id, quarter, 1, role, 'legacy', message_id, 'mail', created_at FROM ejv_outbox WHERE kind = 'final' AND quarter IS NOT NULL;

INSERT INTO ejv_audit (occurred_at, actor_id, actor_name, actor_source, namnd_id, quarter, what, from_version, to_version, detail)
SELECT approved_at, approved_by, approved_by, 'legacy', namnd_id, quarter, 'approve', NULL, 1, 'approved before the lifecycle (ejv_approval, --by as given)'
FROM ejv_approval;
