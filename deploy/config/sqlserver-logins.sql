-- Example SQL Server set-up for EjVerkställda (reviewed, not run in CI: SQL Server is not available on the build machine).
-- 1. A read-only login on the case system that can see only the two views.
USE Verksamhetssystem;
GO
CREATE SCHEMA ejv AUTHORIZATION dbo;
GO
-- Create ejv.ejv_beslut and ejv.ejv_insats here, over the case system's own tables (see sql/sqlserver/case-system/0002_example_views.sql).
CREATE LOGIN ejv_read WITH PASSWORD = '<from the secret store>', CHECK_POLICY = ON;
CREATE USER ejv_read FOR LOGIN ejv_read;
GRANT SELECT ON SCHEMA::ejv TO ejv_read;
GO
-- 2. The product's own database for its state (ledger, outbox, Quartz tables); the program creates its tables itself.
CREATE DATABASE EjVerkstallda;
GO
USE EjVerkstallda;
GO
CREATE LOGIN ejv_app WITH PASSWORD = '<from the secret store>', CHECK_POLICY = ON;
CREATE USER ejv_app FOR LOGIN ejv_app;
ALTER ROLE db_ddladmin ADD MEMBER ejv_app;
ALTER ROLE db_datareader ADD MEMBER ejv_app;
ALTER ROLE db_datawriter ADD MEMBER ejv_app;
GO
