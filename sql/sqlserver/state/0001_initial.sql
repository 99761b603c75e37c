-- EjVerkställda state store, SQL Server (reviewed, not run in CI: no SQL Server here). Applied by the migration runner (ejv migrate, or on start).
-- Dates are ISO text 'YYYY-MM-DD', timestamps ISO 8601 UTC text, in every provider.

CREATE TABLE ejv_run (
    run_id        BIGINT IDENTITY(1,1) PRIMARY KEY,
    namnd_id      NVARCHAR(100) NOT NULL,
    quarter       NVARCHAR(10) NOT NULL,
    dry_run       INTEGER NOT NULL,
    started_at    NVARCHAR(40) NOT NULL,
    finished_at   NVARCHAR(40) NULL,
    outcome       NVARCHAR(20) NOT NULL,
    reports       INTEGER NULL,
    ny            INTEGER NULL,
    kvarstar      INTEGER NULL,
    verkstalld    INTEGER NULL,
    avslutad      INTEGER NULL,
    late          INTEGER NULL,
    manual        INTEGER NULL,
    data_quality  INTEGER NULL,
    message       NVARCHAR(MAX) NULL,
    output_folder NVARCHAR(1000) NULL
);
CREATE INDEX ix_ejv_run_namnd ON ejv_run (namnd_id, run_id);

-- The ledger: one row per IVO report per quarter. case_start is the avbrottsdatum of an avbrott case, empty otherwise.
CREATE TABLE ejv_report (
    namnd_id     NVARCHAR(100) NOT NULL,
    quarter      NVARCHAR(10) NOT NULL,
    beslut_id    NVARCHAR(100) NOT NULL,
    kind         NVARCHAR(20) NOT NULL,
    case_start   NVARCHAR(10) NOT NULL,
    status       NVARCHAR(20) NOT NULL,
    late         INTEGER NOT NULL,
    lag          NVARCHAR(10) NOT NULL,
    insats_kod   NVARCHAR(100) NOT NULL,
    start_date   NVARCHAR(10) NOT NULL,
    deadline     NVARCHAR(10) NOT NULL,
    closing_date NVARCHAR(10) NULL,
    ivo_id       NVARCHAR(20) NULL,
    submitted_at NVARCHAR(40) NULL,
    submitted_by NVARCHAR(200) NULL,
    PRIMARY KEY (namnd_id, quarter, beslut_id, kind, case_start)
);
CREATE INDEX ix_ejv_report_case ON ejv_report (namnd_id, beslut_id, kind, case_start, quarter);

-- A quarter counts as done for a nämnd once its ledger rows are written (catch-up reads this).
CREATE TABLE ejv_quarter (
    namnd_id     NVARCHAR(100) NOT NULL,
    quarter      NVARCHAR(10) NOT NULL,
    completed_at NVARCHAR(40) NOT NULL,
    run_id       BIGINT  NOT NULL,
    open_count   INTEGER NOT NULL,
    PRIMARY KEY (namnd_id, quarter)
);

-- IVO's identifier per person: random digits, kept so the same person keeps the same id.
CREATE TABLE ejv_person (
    namnd_id   NVARCHAR(100) NOT NULL,
    person_id  NVARCHAR(100) NOT NULL,
    ivo_id     NVARCHAR(20) NOT NULL,
    created_at NVARCHAR(40) NOT NULL,
    PRIMARY KEY (namnd_id, person_id),
    UNIQUE (namnd_id, ivo_id)
);

-- The data-quality list of the latest real run of each quarter.
CREATE TABLE ejv_data_quality (
    namnd_id  NVARCHAR(100) NOT NULL,
    quarter   NVARCHAR(10) NOT NULL,
    seq       INTEGER NOT NULL,
    beslut_id NVARCHAR(100) NULL,
    problem   NVARCHAR(400) NOT NULL,
    excluded  INTEGER NOT NULL,
    PRIMARY KEY (namnd_id, quarter, seq)
);
