using System.Data.Common;
using Dapper;
using EjVerkstallda.Infrastructure.Data;

namespace EjVerkstallda.Infrastructure.CaseSource.Doctor;

/// <summary>The view doctor's read-only connection and its few query shapes (rows as value arrays, streamed rows).</summary>
internal sealed class DoctorDb(DbConnection connection, SqlDialect dialect, TimeSpan timeout) : IAsyncDisposable
{
    public DbConnection Connection => connection;
    public SqlDialect Dialect => dialect;

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA2000:Dispose objects before losing scope",
        Justification = "The connection is owned by the returned DoctorDb, or disposed here when it cannot be opened.")]
    public static async Task<DoctorDb> OpenAsync(CaseSourceOptions options, CancellationToken ct)
    {
        var dialect = SqlDialect.For(DbProviders.Parse(options.Provider, "Ejv:Source:Provider"));
        var c = dialect.CreateConnection(SourceCatalogSql.ReadOnly(dialect, options.ConnectionString));
        try
        {
            await c.OpenAsync(ct);
            return new DoctorDb(c, dialect, options.CommandTimeout);
        }
        catch (Exception ex) when (ex is DbException or InvalidOperationException or ArgumentException or System.Net.Sockets.SocketException)
        {
            await c.DisposeAsync();
            throw new CaseSourceException($"cannot open the case source ({dialect.Folder}) read-only: {ex.Message}. Check Ejv:Source:ConnectionString", ex);
        }
    }

    public CommandDefinition Command(string sql, object? args, CancellationToken ct, DbTransaction? tx = null) =>
        new(sql, args, tx, commandTimeout: (int)timeout.TotalSeconds, cancellationToken: ct);

    public async Task<List<object?[]>> RowsAsync(string sql, object? args, CancellationToken ct, DbTransaction? tx = null)
    {
        var rows = new List<object?[]>();
        await foreach (var row in StreamAsync(sql, args, ct, tx)) rows.Add(row);
        return rows;
    }

    public async IAsyncEnumerable<object?[]> StreamAsync(string sql, object? args, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct, DbTransaction? tx = null)
    {
        await using var reader = await connection.ExecuteReaderAsync(Command(sql, args, ct, tx));
        while (await reader.ReadAsync(ct))
        {
            var values = new object?[reader.FieldCount];
            reader.GetValues(values!);
            yield return values;
        }
    }

    public ValueTask DisposeAsync() => connection.DisposeAsync();
}
