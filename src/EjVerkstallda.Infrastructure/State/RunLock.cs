using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using Dapper;
using EjVerkstallda.Infrastructure.Data;
using EjVerkstallda.Infrastructure.Files;

namespace EjVerkstallda.Infrastructure.State;

/// <summary>
/// A lock shared by every instance that uses the same state store, held for the length of a run (or of a service's life).
/// PostgreSQL: a session advisory lock; SQL Server: a session applock; SQLite: an exclusive lock on a file beside the
/// database. All three are released by the database or the operating system when the holder dies.
/// </summary>
public sealed class RunLock(StateDb db)
{
    /// <summary>
    /// The lock of one nämnd's runs, whatever the quarter (CONTRACT section 4): two quarters of a nämnd judged at once would
    /// each read the ledger before the other wrote it (both "ny", false "late"). Null when another instance holds it now.
    /// </summary>
    public Task<IAsyncDisposable?> TryAcquireForNamndAsync(string namnd, CancellationToken ct) => TryAcquireAsync(NamndKey(namnd), ct);

    public static string NamndKey(string namnd) => "run-" + namnd;

    /// <summary>The held lock, or null when another instance holds it now.</summary>
    public async Task<IAsyncDisposable?> TryAcquireAsync(string key, CancellationToken ct) => db.Dialect.Provider switch
    {
        DbProvider.Sqlite => FileLock(key),
        _ => await SessionLockAsync(key, ct),
    };

    private async Task<IAsyncDisposable?> SessionLockAsync(string key, CancellationToken ct)
    {
        // A connection of its own, outside the pool: closing it ends the session and so releases the lock, even when
        // the process dies. A pooled connection would keep the session (and the lock) alive after Dispose.
        var c = db.Dialect.CreateConnection(db.Dialect.WithoutPooling(db.ConnectionString));
        await c.OpenAsync(ct);
        bool held;
        if (db.Dialect.Provider == DbProvider.PostgreSql)
        {
            held = await c.ExecuteScalarAsync<bool>(new CommandDefinition("SELECT pg_try_advisory_lock(@k)", new { k = Key64(key) }, cancellationToken: ct));
        }
        else
        {
            held = await c.ExecuteScalarAsync<int>(new CommandDefinition(
                "DECLARE @r INT; EXEC @r = sp_getapplock @Resource = @key, @LockMode = 'Exclusive', @LockOwner = 'Session', @LockTimeout = 0; SELECT @r",
                new { key = "ejv:" + key }, cancellationToken: ct)) >= 0;
        }
        if (held) return new ConnectionLock(c);
        await c.DisposeAsync();
        return null;
    }

    private FileLockHandle? FileLock(string key)
    {
        var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(db.ConnectionString).DataSource;
        var path = Path.GetFullPath(file) + "." + Safe(key) + ".lock";
        try
        {
            return new FileLockHandle(SecureFiles.Open(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static long Key64(string key) => BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes("ejv:" + key)), 0);

    private static string Safe(string key) => new(key.Select(ch => char.IsAsciiLetterOrDigit(ch) ? ch : '-').ToArray());

    private sealed class ConnectionLock(DbConnection connection) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => connection.DisposeAsync(); // closing the session releases the lock
    }

    private sealed class FileLockHandle(FileStream stream) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => stream.DisposeAsync();
    }
}

/// <summary>Another instance is doing the same work right now. Operational: try again later; nothing is lost.</summary>
public sealed class RunBusyException(string message) : Exception(message);
