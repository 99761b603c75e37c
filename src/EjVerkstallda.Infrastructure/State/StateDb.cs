using System.Data.Common;
using System.Globalization;
using EjVerkstallda.Infrastructure.Data;
using EjVerkstallda.Infrastructure.Files;

namespace EjVerkstallda.Infrastructure.State;

/// <summary>The product's own database: ledger, IVO identifiers, run history. Opens connections; nothing else.</summary>
public sealed class StateDb(SqlDialect dialect, string connectionString)
{
    public SqlDialect Dialect { get; } = dialect;

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        if (Dialect.Provider == DbProvider.Sqlite) EnsureFolder();
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

    /// <summary>
    /// The embedded default keeps its state in a file. Only <c>ejv init</c> creates it: its folder (0700) and the file itself
    /// (0600, before SQLite opens it: SQLite gives its -wal, -shm and -journal files the main file's mode). Every other open
    /// only takes group and other permissions away from a file made by an older version, and creates nothing.
    /// </summary>
    private void EnsureFolder(bool createFile = false)
    {
        var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString).DataSource;
        if (string.IsNullOrEmpty(file) || file == ":memory:") return;
        var path = Path.GetFullPath(file);
        if (createFile && Path.GetDirectoryName(path) is { } folder) SecureFiles.CreateDirectory(folder);
        if (createFile) SecureFiles.EnsureFile(path);
        foreach (var suffix in new[] { "", "-wal", "-shm", "-journal" }) SecureFiles.Restrict(path + suffix);
    }

    /// <summary>
    /// <c>ejv init</c> (and the demo, for its own store): creates the state store (the SQLite file and its folder, or the
    /// schema in an existing PostgreSQL or SQL Server database) and applies every script. On an existing store it only upgrades.
    /// </summary>
    public Task<MigrationResult> InitAsync(CancellationToken cancellationToken)
    {
        if (Dialect.Provider == DbProvider.Sqlite) EnsureFolder(createFile: true);
        return new MigrationRunner(Dialect, connectionString).RunAsync(cancellationToken);
    }

    /// <summary>
    /// Upgrades an existing state store in place. A store that does not exist or has no schema is refused with
    /// <see cref="StateStoreMissingException"/>: only <see cref="InitAsync"/> creates one.
    /// </summary>
    public async Task<MigrationResult> MigrateAsync(CancellationToken cancellationToken)
    {
        await StateStoreProbe.RequireAsync(Dialect, connectionString, cancellationToken);
        if (Dialect.Provider == DbProvider.Sqlite) EnsureFolder();
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
