-- ejv import: what a kommun carried over from its manual history. One row per imported file (kind 'history' or 'trend'),
-- found again by the file's SHA-256 so the same file imported twice changes nothing. Who: the OS user (Core Lifecycle Actor).
CREATE TABLE ejv_import (
    namnd_id     TEXT    NOT NULL,
    kind         TEXT    NOT NULL,
    file_sha256  TEXT    NOT NULL,
    file_name    TEXT    NOT NULL,
    imported_by  TEXT    NOT NULL,
    by_name      TEXT    NOT NULL,
    by_source    TEXT    NOT NULL,
    imported_at  TEXT    NOT NULL,
    row_count    INTEGER NOT NULL,
    PRIMARY KEY (namnd_id, kind, file_sha256)
);

-- Ledger rows written by an import carry the file's hash; the product's own reports leave it NULL.
ALTER TABLE ejv_report ADD COLUMN import_sha256 TEXT NULL;

-- Earlier quarters' totals for the statistikrapport's trend. A quarter in ejv_quarter (run by the product) wins over these.
CREATE TABLE ejv_trend_import (
    namnd_id     TEXT    NOT NULL,
    quarter      TEXT    NOT NULL,
    lag          TEXT    NOT NULL,
    kind         TEXT    NOT NULL,
    open_count   INTEGER NOT NULL,
    import_sha256 TEXT   NOT NULL,
    PRIMARY KEY (namnd_id, quarter, lag, kind)
);
