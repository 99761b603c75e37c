-- SQL Server (parsed in the tests with Microsoft's T-SQL parser; not run in CI). The quarter's lifecycle (CONTRACT section 4): every version of a quarter's report, its documents, what was sent to whom,
-- and the append-only audit trail of every state change. Existing quarters become version 1 (approved, by a "legacy"
-- identity, where ejv_approval has a row); nothing is lost.

-- One row per version of a quarter's report. state: draft, approved (sent to the nämnd), decided (the nämnd's decision
-- recorded, sent to kommunfullmäktige), superseded (a later run changed the result). result_hash: the SHA-256 of the
-- version's statistikrapport.json and ivo-underlag.json, joined by ':' (a run with the same result makes no new version).
CREATE TABLE ejv_version (
    namnd_id            NVARCHAR(100)  NOT NULL,
    quarter             NVARCHAR(10)   NOT NULL,
    version             INT            NOT NULL,
    created_at          NVARCHAR(40)   NOT NULL,
    run_id              BIGINT         NOT NULL,
    result_hash         NVARCHAR(200)  NOT NULL,
    state               NVARCHAR(20)   NOT NULL,
    approved_by_id      NVARCHAR(MAX)  NULL,
    approved_by_name    NVARCHAR(MAX)  NULL,
    approved_by_source  NVARCHAR(20)   NULL,
    approved_at         NVARCHAR(40)   NULL,
    decision_date       NVARCHAR(10)   NULL,
    decision_paragraph  NVARCHAR(100)  NULL,
    decided_by_id       NVARCHAR(MAX)  NULL,
    decided_by_name     NVARCHAR(MAX)  NULL,
    decided_by_source   NVARCHAR(20)   NULL,
    decided_at          NVARCHAR(40)   NULL,
    superseded_at       NVARCHAR(40)   NULL,
    PRIMARY KEY (namnd_id, quarter, version)
);

-- Each version's documents exactly as the run wrote and checked them (public statistikrapport .json/.docx, the
-- confidential underlag). What is sent for a version is these bytes. ejv_document keeps the latest run's, as before.
CREATE TABLE ejv_version_document (
    namnd_id            NVARCHAR(100)  NOT NULL,
    quarter             NVARCHAR(10)   NOT NULL,
    version             INT            NOT NULL,
    name                NVARCHAR(100)  NOT NULL,
    content             VARBINARY(MAX) NOT NULL,
    sha256              CHAR(64)       NOT NULL,
    created_at          NVARCHAR(40)   NOT NULL,
    PRIMARY KEY (namnd_id, quarter, version, name)
);

-- What was sent (recorded in the outbox, or in the revisorer's channel) for each version, to which role and why:
-- purpose namnd (approved, for the agenda), beslut (the nämnd's decision), rattelse (a correction), per_case (the
-- revisorer's per-case reports; message_id NULL and channel 'none' when nothing could be delivered), legacy (before 0005).
CREATE TABLE ejv_delivery (
    namnd_id            NVARCHAR(100)  NOT NULL,
    quarter             NVARCHAR(10)   NOT NULL,
    version             INT            NOT NULL,
    role                NVARCHAR(20)   NOT NULL,
    purpose             NVARCHAR(20)   NOT NULL,
    message_id          NVARCHAR(200)  NULL,
    channel             NVARCHAR(20)   NOT NULL,
    recorded_at         NVARCHAR(40)   NOT NULL
);
CREATE INDEX ix_ejv_delivery_quarter ON ejv_delivery (namnd_id, quarter, version);

-- Every state change, who (actor id, name, source: os, web, service, legacy), when, what, from which version to which.
-- Append-only: written in the same transaction as the change; never updated, never deleted (the triggers refuse it).
CREATE TABLE ejv_audit (
    audit_id            BIGINT IDENTITY(1,1) PRIMARY KEY,
    occurred_at         NVARCHAR(40)   NOT NULL,
    actor_id            NVARCHAR(MAX)  NOT NULL,
    actor_name          NVARCHAR(MAX)  NOT NULL,
    actor_source        NVARCHAR(20)   NOT NULL,
    namnd_id            NVARCHAR(100)  NOT NULL,
    quarter             NVARCHAR(10)   NULL,
    what                NVARCHAR(40)   NOT NULL,
    from_version        INT            NULL,
    to_version          INT            NULL,
    detail              NVARCHAR(MAX)  NULL
);
CREATE INDEX ix_ejv_audit_quarter ON ejv_audit (namnd_id, quarter, audit_id);

GO
CREATE TRIGGER tr_ejv_audit_append_only ON ejv_audit INSTEAD OF UPDATE, DELETE AS THROW 51000, 'ejv_audit is append-only', 1;
GO

INSERT INTO ejv_version (namnd_id, quarter, version, created_at, run_id, result_hash, state,
                         approved_by_id, approved_by_name, approved_by_source, approved_at)
SELECT q.namnd_id, q.quarter, 1, q.completed_at, q.run_id,
       CONCAT(COALESCE((SELECT d.sha256 FROM ejv_document d WHERE d.namnd_id = q.namnd_id AND d.quarter = q.quarter AND d.name = 'statistikrapport.json'), ''), ':', COALESCE((SELECT d.sha256 FROM ejv_document d WHERE d.namnd_id = q.namnd_id AND d.quarter = q.quarter AND d.name = 'ivo-underlag.json'), '')),
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
