using System.Data.Common;
using Dapper;

namespace EjVerkstallda.Infrastructure.Data;

/// <summary>
/// Serialises schema migrations between instances for the whole upgrade (DbUp itself does not lock): a session advisory lock
/// on PostgreSQL, a session applock on SQL Server, an exclusive lock on a file beside the database on SQLite. The database
/// or the operating system releases it when the holder dies.
/// </summary>
public static class MigrationLock
{
    public const long PostgresKey = 727274101;
    public static readonly TimeSpan Timeout = TimeSpan.FromMinutes(10);

    /// <summary>Waits for the lock. <paramref name="contended"/> is called once when another instance holds it.</summary>
    public static Task<IAsyncDisposable> AcquireAsync(SqlDialect dialect, string connectionString, Action? contended, CancellationToken ct)
    {
        if (dialect.Provider == DbProvider.Sqlite) return FileLockAsync(connectionString, contended, ct);
        return SessionLockAsync(dialect, connectionString, contended, ct);
    }

    private static async Task<IAsyncDisposable> SessionLockAsync(SqlDialect dialect, string connectionString, Action? contended, CancellationToken ct)
    {
        // Its own connection outside the pool: closing it ends the session and so releases the lock.
        var c = dialect.CreateConnection(dialect.WithoutPooling(connectionString));
        try
        {
            await c.OpenAsync(ct);
            if (!await TryAsync(dialect, c, TimeSpan.Zero, ct))
            {
                contended?.Invoke();
                if (!await TryAsync(dialect, c, Timeout, ct))
                    throw new TimeoutException($"another instance has held the migration lock for {Timeout.TotalMinutes} minutes");
            }
            return new Held(c, null);
        }
        catch
        {
            await c.DisposeAsync();
            throw;
        }
    }

    private static async Task<bool> TryAsync(SqlDialect dialect, DbConnection c, TimeSpan wait, CancellationToken ct)
    {
        if (dialect.Provider == DbProvider.PostgreSql)
        {
            var sql = wait == TimeSpan.Zero ? "SELECT pg_try_advisory_lock(@k)" : "SELECT true FROM (SELECT pg_advisory_lock(@k)) AS held";
            return await c.ExecuteScalarAsync<bool>(new CommandDefinition(sql, new { k = PostgresKey }, commandTimeout: (int)Timeout.TotalSeconds, cancellationToken: ct));
        }
        return await c.ExecuteScalarAsync<int>(new CommandDefinition(
            "DECLARE @r INT; EXEC @r = sp_getapplock @Resource = 'ejv_migrations', @LockMode = 'Exclusive', @LockOwner = 'Session', @LockTimeout = @ms; SELECT @r",
            new { ms = (int)wait.TotalMilliseconds }, commandTimeout: (int)Timeout.TotalSeconds + 30, cancellationToken: ct)) >= 0;
    }

    private static async Task<IAsyncDisposable> FileLockAsync(string connectionString, Action? contended, CancellationToken ct)
    {
        if (StateStoreProbe.SqliteFile(connectionString) is not { } file) return new Held(null, null);
        var path = file + ".migrations.lock";
        var until = DateTime.UtcNow + Timeout;
        var told = false;
        while (true)
        {
            try
            {
                return new Held(null, Open(path));
            }
            catch (IOException) when (DateTime.UtcNow < until)
            {
                if (!told) contended?.Invoke();
                told = true;
                await Task.Delay(TimeSpan.FromMilliseconds(50), ct);
            }
        }
    }

    private static FileStream Open(string path)
    {
        var options = new FileStreamOptions { Mode = FileMode.OpenOrCreate, Access = FileAccess.ReadWrite, Share = FileShare.None };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        return new FileStream(path, options);
    }

    private sealed class Held(DbConnection? connection, FileStream? file) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            if (connection is not null) await connection.DisposeAsync();
            if (file is not null) await file.DisposeAsync();
        }
    }
}
