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
        var connection = Dialect.CreateConnection(connectionString);
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
    /// The embedded default keeps its state in a file; its folder is created on first use (0700). The file itself is
    /// made by <see cref="MigrateAsync"/> (0600, before SQLite opens it: SQLite gives its -wal, -shm and -journal files
    /// the main file's mode); a file made by an older version loses its group and other permissions here.
    /// </summary>
    private void EnsureFolder(bool createFile = false)
    {
        var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString).DataSource;
        if (string.IsNullOrEmpty(file) || file == ":memory:") return;
        var path = Path.GetFullPath(file);
        if (Path.GetDirectoryName(path) is { } folder) SecureFiles.CreateDirectory(folder);
        if (createFile) SecureFiles.EnsureFile(path);
        foreach (var suffix in new[] { "", "-wal", "-shm", "-journal" }) SecureFiles.Restrict(path + suffix);
    }

    public Task<MigrationResult> MigrateAsync(CancellationToken cancellationToken)
    {
        if (Dialect.Provider == DbProvider.Sqlite) EnsureFolder(createFile: true);
        return new MigrationRunner(Dialect, connectionString).RunAsync(cancellationToken);
    }

    /// <summary>Quartz's job-store tables, for clustered scheduling (PostgreSQL and SQL Server only).</summary>
    public Task<MigrationResult> MigrateQuartzAsync(CancellationToken cancellationToken) =>
        new MigrationRunner(Dialect, connectionString, "quartz").RunAsync(cancellationToken);

    public string ConnectionString => connectionString;

    public static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    public static string? Day(DateOnly? d) => d is { } v ? Day(v) : null;
    public static DateOnly? ParseDay(string? s) => s is null ? null : DateOnly.ParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture);
    public static string Now(TimeProvider clock) => Format(clock.GetUtcNow());

    /// <summary>Timestamps are stored as sortable UTC text, the same in every provider.</summary>
    public static string Format(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}
