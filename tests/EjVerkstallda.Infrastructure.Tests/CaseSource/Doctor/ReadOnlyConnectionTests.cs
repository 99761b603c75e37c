using Dapper;
using EjVerkstallda.Infrastructure.Data;
using EjVerkstallda.Infrastructure.Tests.Support;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace EjVerkstallda.Infrastructure.Tests.CaseSource.Doctor;

/// <summary>The doctor's connection is read-only where the provider can enforce it (real SQLite file, real PostgreSQL).</summary>
[TestFixture]
public sealed class ReadOnlyConnectionTests
{
    [Test]
    public async Task ReadOnly_Postgres_RefusesAWrite()
    {
        await using var db = new PostgresTestDatabase();
        await db.CreateAsync();
        var readOnly = SourceCatalogSql.ReadOnly(db.Dialect, db.ConnectionString);
        await using var c = new NpgsqlConnection(readOnly);
        await c.OpenAsync();

        var ex = await Assert.ThrowsAsync<PostgresException>(() => c.ExecuteAsync("CREATE TABLE t (a INT)"));
        Assert.That(ex!.SqlState, Is.EqualTo("25006"), "read_only_sql_transaction");
    }

    [Test]
    public async Task ReadOnly_Sqlite_RefusesAWriteAndNeverCreatesTheFile()
    {
        await using var db = new SqliteTestDatabase();
        await using (var w = await db.OpenAsync()) await w.ExecuteAsync("CREATE TABLE t (a INT)");
        await using var c = new SqliteConnection(SourceCatalogSql.ReadOnly(db.Dialect, db.ConnectionString));
        await c.OpenAsync();

        await Assert.ThrowsAsync<SqliteException>(() => c.ExecuteAsync("INSERT INTO t VALUES (1)"));
        var missing = Path.Combine(Path.GetTempPath(), $"ejv-missing-{Guid.NewGuid():N}.db");
        await using var m = new SqliteConnection(SourceCatalogSql.ReadOnly(db.Dialect, $"Data Source={missing}"));
        await Assert.ThrowsAsync<SqliteException>(() => m.OpenAsync());
        Assert.That(File.Exists(missing), Is.False);
    }
}
