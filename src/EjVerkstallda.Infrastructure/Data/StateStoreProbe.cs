using System.Data.Common;
using Dapper;
using EjVerkstallda.Infrastructure.State;
using Microsoft.Data.Sqlite;

namespace EjVerkstallda.Infrastructure.Data;

/// <summary>
/// Tells whether a state store exists and carries the product's schema (its migration journal), without creating anything.
/// Opening a missing SQLite file creates it, so the file is checked first and then opened with <c>Mode=ReadWrite</c>.
/// </summary>
public static class StateStoreProbe
{
    public const string Hint = "create it with 'ejv init' (check Ejv:State:ConnectionString)";

    /// <summary>Throws <see cref="StateStoreMissingException"/> unless the store exists and has the journal table.</summary>
    public static async Task RequireAsync(SqlDialect dialect, string connectionString, CancellationToken ct)
    {
        if (dialect.Provider == DbProvider.Sqlite && SqliteFile(connectionString) is { } file && !File.Exists(file))
            throw new StateStoreMissingException($"{file} does not exist; {Hint}");
        await using var connection = dialect.CreateConnection(WithoutCreate(dialect, connectionString));
        await connection.OpenAsync(ct);
        if (!await HasJournalAsync(dialect, connection, ct))
            throw new StateStoreMissingException($"{Describe(dialect, connectionString, connection)} has no ejv schema (no {MigrationRunner.JournalTable} table); {Hint}");
    }

    public static async Task<bool> HasJournalAsync(SqlDialect dialect, DbConnection connection, CancellationToken ct, DbTransaction? tx = null)
    {
        var sql = dialect.Provider switch
        {
            DbProvider.Sqlite => $"SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = '{MigrationRunner.JournalTable}'",
            DbProvider.PostgreSql => $"SELECT CASE WHEN to_regclass('{MigrationRunner.JournalTable}') IS NULL THEN 0 ELSE 1 END",
            _ => $"SELECT CASE WHEN OBJECT_ID(N'{MigrationRunner.JournalTable}', N'U') IS NULL THEN 0 ELSE 1 END",
        };
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition(sql, transaction: tx, cancellationToken: ct)) > 0;
    }

    /// <summary>The full path of a SQLite state file; null for an in-memory database.</summary>
    public static string? SqliteFile(string connectionString)
    {
        var b = new SqliteConnectionStringBuilder(connectionString);
        if (b.Mode == SqliteOpenMode.Memory || b.DataSource is "" or ":memory:") return null;
        return Path.GetFullPath(b.DataSource);
    }

    /// <summary>SQLite: the same connection string, but opening a missing file fails instead of creating it.</summary>
    public static string WithoutCreate(SqlDialect dialect, string connectionString)
    {
        if (dialect.Provider != DbProvider.Sqlite) return connectionString;
        var b = new SqliteConnectionStringBuilder(connectionString);
        if (b.Mode == SqliteOpenMode.ReadWriteCreate) b.Mode = SqliteOpenMode.ReadWrite;
        return b.ToString();
    }

    private static string Describe(SqlDialect dialect, string connectionString, DbConnection connection) =>
        dialect.Provider == DbProvider.Sqlite
            ? SqliteFile(connectionString) ?? "the in-memory database"
            : $"database '{connection.Database}' on {connection.DataSource}";
}
