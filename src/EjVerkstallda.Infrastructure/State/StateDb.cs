using System.Data.Common;
using System.Globalization;
using EjVerkstallda.Infrastructure.Data;

namespace EjVerkstallda.Infrastructure.State;

/// <summary>The product's own database: ledger, IVO identifiers, run history. Opens connections; nothing else.</summary>
public sealed class StateDb(SqlDialect dialect, string connectionString)
{
    public SqlDialect Dialect { get; } = dialect;

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = Dialect.CreateConnection(StateStoreProbe.WithoutCreate(Dialect, connectionString));
        try
        {
            await connection.OpenAsync(cancellationToken);
            if (Dialect.Provider == DbProvider.Sqlite)
            {
                await using var cmd = connection.CreateCommand();
                cmd.CommandText = "PRAGMA busy_timeout = 10000; PRAGMA foreign_keys = ON;";
                await cmd.ExecuteNonQueryAsync(cancellationToken);
            }
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>The embedded default keeps its state in a file; <c>ejv init</c> creates its folder.</summary>
    private void EnsureFolder()
    {
        var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString).DataSource;
        var folder = Path.GetDirectoryName(Path.GetFullPath(file));
        if (!string.IsNullOrEmpty(file) && file != ":memory:" && folder is not null) Directory.CreateDirectory(folder);
    }

    /// <summary>
    /// <c>ejv init</c> (and the demo, for its own store): creates the state store (the SQLite file and its folder, or the
    /// schema in an existing PostgreSQL or SQL Server database) and applies every script. On an existing store it only upgrades.
    /// </summary>
    public Task<MigrationResult> InitAsync(CancellationToken cancellationToken)
    {
        if (Dialect.Provider == DbProvider.Sqlite) EnsureFolder();
        return new MigrationRunner(Dialect, connectionString).RunAsync(cancellationToken);
    }

    /// <summary>
    /// Upgrades an existing state store in place. A store that does not exist or has no schema is refused with
    /// <see cref="StateStoreMissingException"/>: only <see cref="InitAsync"/> creates one.
    /// </summary>
    public async Task<MigrationResult> MigrateAsync(CancellationToken cancellationToken)
    {
        await StateStoreProbe.RequireAsync(Dialect, connectionString, cancellationToken);
        return await new MigrationRunner(Dialect, StateStoreProbe.WithoutCreate(Dialect, connectionString)).RunAsync(cancellationToken);
    }

    /// <summary>Quartz's job-store tables, for clustered scheduling (PostgreSQL and SQL Server only).</summary>
    public Task<MigrationResult> MigrateQuartzAsync(CancellationToken cancellationToken) =>
        new MigrationRunner(Dialect, StateStoreProbe.WithoutCreate(Dialect, connectionString), "quartz").RunAsync(cancellationToken);

    public string ConnectionString => connectionString;

    public static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    public static string? Day(DateOnly? d) => d is { } v ? Day(v) : null;
    public static DateOnly? ParseDay(string? s) => s is null ? null : DateOnly.ParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture);
    public static string Now(TimeProvider clock) => Format(clock.GetUtcNow());

    /// <summary>Timestamps are stored as sortable UTC text, the same in every provider.</summary>
    public static string Format(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}
