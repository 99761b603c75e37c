-- EjVerkställda state store, SQLite. Applied by the migration runner (ejv migrate, or on start).
-- Dates are ISO text 'YYYY-MM-DD', timestamps ISO 8601 UTC text, in every provider.

CREATE TABLE ejv_run (
    run_id        INTEGER PRIMARY KEY AUTOINCREMENT,
    namnd_id      TEXT    NOT NULL,
    quarter       TEXT    NOT NULL,
    dry_run       INTEGER NOT NULL,
    started_at    TEXT    NOT NULL,
    finished_at   TEXT    NULL,
    outcome       TEXT    NOT NULL,
    reports       INTEGER NULL,
    ny            INTEGER NULL,
    kvarstar      INTEGER NULL,
    verkstalld    INTEGER NULL,
    avslutad      INTEGER NULL,
    late          INTEGER NULL,
    manual        INTEGER NULL,
    data_quality  INTEGER NULL,
    message       TEXT    NULL,
    output_folder TEXT    NULL
);
CREATE INDEX ix_ejv_run_namnd ON ejv_run (namnd_id, run_id);

-- The ledger: one row per IVO report per quarter. case_start is the avbrottsdatum of an avbrott case, empty otherwise.
CREATE TABLE ejv_report (
    namnd_id     TEXT    NOT NULL,
    quarter      TEXT    NOT NULL,
    beslut_id    TEXT    NOT NULL,
    kind         TEXT    NOT NULL,
    case_start   TEXT    NOT NULL,
    status       TEXT    NOT NULL,
    late         INTEGER NOT NULL,
    lag          TEXT    NOT NULL,
    insats_kod   TEXT    NOT NULL,
    start_date   TEXT    NOT NULL,
    deadline     TEXT    NOT NULL,
    closing_date TEXT    NULL,
    ivo_id       TEXT    NULL,
    submitted_at TEXT    NULL,
    submitted_by TEXT    NULL,
    PRIMARY KEY (namnd_id, quarter, beslut_id, kind, case_start)
);
CREATE INDEX ix_ejv_report_case ON ejv_report (namnd_id, beslut_id, kind, case_start, quarter);

-- A quarter counts as done for a nämnd once its ledger rows are written (catch-up reads this).
CREATE TABLE ejv_quarter (
    namnd_id     TEXT    NOT NULL,
    quarter      TEXT    NOT NULL,
    completed_at TEXT    NOT NULL,
    run_id       INTEGER NOT NULL,
    open_count   INTEGER NOT NULL,
    PRIMARY KEY (namnd_id, quarter)
);

-- IVO's identifier per person: random digits, kept so the same person keeps the same id.
CREATE TABLE ejv_person (
    namnd_id   TEXT NOT NULL,
    person_id  TEXT NOT NULL,
    ivo_id     TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (namnd_id, person_id),
    UNIQUE (namnd_id, ivo_id)
);

-- The data-quality list of the latest real run of each quarter.
CREATE TABLE ejv_data_quality (
    namnd_id  TEXT    NOT NULL,
    quarter   TEXT    NOT NULL,
    seq       INTEGER NOT NULL,
    beslut_id TEXT    NULL,
    problem   TEXT    NOT NULL,
    excluded  INTEGER NOT NULL,
    PRIMARY KEY (namnd_id, quarter, seq)
);
