using System.Data.Common;
using EjVerkstallda.Infrastructure.Data;
using Npgsql;

namespace EjVerkstallda.Infrastructure.Tests.Support;

/// <summary>A real, empty database for one fixture: a SQLite file, or a fresh database on the test PostgreSQL server.</summary>
public interface ITestDatabase : IAsyncDisposable
{
    SqlDialect Dialect { get; }
    string ConnectionString { get; }
    Task CreateAsync();
}

public sealed class SqliteTestDatabase : ITestDatabase
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ejv-sqlite-").FullName;

    public SqlDialect Dialect { get; } = SqlDialect.For(DbProvider.Sqlite);
    public string ConnectionString => $"Data Source={Path.Combine(_folder, "test.db")};Pooling=False";
    public Task CreateAsync() => Task.CompletedTask;

    public ValueTask DisposeAsync()
    {
        Directory.Delete(_folder, recursive: true);
        return ValueTask.CompletedTask;
    }
}

/// <summary>Needs EJV_TEST_PG (set by tests/run-tests.sh). In CI a missing server fails the test; elsewhere it is ignored.</summary>
public sealed class PostgresTestDatabase : ITestDatabase
{
    private readonly string _name = "ejv_" + Guid.NewGuid().ToString("N")[..12];

    public SqlDialect Dialect { get; } = SqlDialect.For(DbProvider.PostgreSql);
    public string ConnectionString => new NpgsqlConnectionStringBuilder(Admin) { Database = _name }.ToString();

    public static string Admin => Environment.GetEnvironmentVariable("EJV_TEST_PG") ?? "";

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA2100:Review SQL queries for security vulnerabilities",
        Justification = "The database name is generated here (ejv_ and 12 hex digits); DDL cannot take it as a parameter.")]
    public async Task CreateAsync()
    {
        RequireServer();
        await using var c = new NpgsqlConnection(Admin);
        await c.OpenAsync();
        await using var cmd = new NpgsqlCommand($"CREATE DATABASE {_name}", c);
        await cmd.ExecuteNonQueryAsync();
    }

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA2100:Review SQL queries for security vulnerabilities",
        Justification = "The database name is generated here (ejv_ and 12 hex digits); DDL cannot take it as a parameter.")]
    public async ValueTask DisposeAsync()
    {
        if (Admin.Length == 0) return;
        await using var c = new NpgsqlConnection(Admin);
        await c.OpenAsync();
        await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_name} WITH (FORCE)", c);
        await cmd.ExecuteNonQueryAsync();
    }

    public static void RequireServer()
    {
        if (Admin.Length > 0) return;
        const string why = "EJV_TEST_PG is not set: run the tests with tests/run-tests.sh, which starts PostgreSQL";
        if (Environment.GetEnvironmentVariable("CI") == "true") Assert.Fail(why);
        Assert.Ignore(why);
    }
}

public static class TestDatabases
{
    public static async Task<DbConnection> OpenAsync(this ITestDatabase db)
    {
        var c = db.Dialect.CreateConnection(db.ConnectionString);
        await c.OpenAsync();
        return c;
    }
}
