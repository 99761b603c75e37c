-- SQL Server (parsed in the tests with Microsoft's T-SQL parser; not run in CI: no SQL Server here).
-- Text the product writes from the case system or the command line was narrower than what the code can write: a duplicated
-- beslut_id of any length, an id with control characters written out as \uXXXX (six times longer), a data-quality reason,
-- the names given with --by. One value too long rolled back the whole ledger transaction. These columns are not keys, so
-- they hold any length now. The key columns (beslut_id in ejv_report, person_id in ejv_person) stay at 100: the rules
-- refuse a longer id with a data-quality entry before anything is written. PostgreSQL and SQLite use TEXT throughout.
ALTER TABLE ejv_data_quality ALTER COLUMN beslut_id NVARCHAR(MAX) NULL;
ALTER TABLE ejv_data_quality ALTER COLUMN problem NVARCHAR(MAX) NOT NULL;
ALTER TABLE ejv_report ALTER COLUMN submitted_by NVARCHAR(MAX) NULL;
ALTER TABLE ejv_report ALTER COLUMN insats_kod NVARCHAR(MAX) NOT NULL;
ALTER TABLE ejv_approval ALTER COLUMN approved_by NVARCHAR(MAX) NOT NULL;
