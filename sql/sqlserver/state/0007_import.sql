-- ejv import (parsed in the tests with Microsoft's T-SQL parser; not run in CI: no SQL Server here). Widths as 0003: key
-- columns at 100, other text unbounded. One row per imported file (kind 'history' or 'trend'), found again by its SHA-256.
CREATE TABLE ejv_import (
    namnd_id     NVARCHAR(100) NOT NULL,
    kind         NVARCHAR(20) NOT NULL,
    file_sha256  NVARCHAR(64) NOT NULL,
    file_name    NVARCHAR(MAX) NOT NULL,
    imported_by  NVARCHAR(MAX) NOT NULL,
    by_name      NVARCHAR(MAX) NOT NULL,
    by_source    NVARCHAR(20) NOT NULL,
    imported_at  NVARCHAR(40) NOT NULL,
    row_count    INTEGER NOT NULL,
    PRIMARY KEY (namnd_id, kind, file_sha256)
);

-- Ledger rows written by an import carry the file's hash; the product's own reports leave it NULL.
ALTER TABLE ejv_report ADD import_sha256 NVARCHAR(64) NULL;

-- Earlier quarters' totals for the statistikrapport's trend. A quarter in ejv_quarter (run by the product) wins over these.
CREATE TABLE ejv_trend_import (
    namnd_id      NVARCHAR(100) NOT NULL,
    quarter       NVARCHAR(10) NOT NULL,
    lag           NVARCHAR(10) NOT NULL,
    kind          NVARCHAR(20) NOT NULL,
    open_count    INTEGER NOT NULL,
    import_sha256 NVARCHAR(64) NOT NULL,
    PRIMARY KEY (namnd_id, quarter, lag, kind)
);
