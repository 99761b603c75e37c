using System.Data.Common;
using System.Globalization;
using System.Text;

namespace EjVerkstallda.Infrastructure.Data;

/// <summary>
/// Inserts many rows inside the caller's transaction. On a server (PostgreSQL, SQL Server) with multi-row
/// <c>INSERT ... VALUES (...), (...)</c> statements, a chunk at a time, so ten thousand reports cost about a hundred round
/// trips. On SQLite, which runs in the process and has no round trips, with one prepared single-row statement reused for every
/// row: a thousand named parameters in one statement cost more to bind there than they save (measured: 11,285 ledger rows
/// 3.7 s multi-row, see README "Performance"). Parameterised either way; table and column names are the caller's constants.
/// </summary>
public static class BulkInsert
{
    /// <summary>SQL Server allows 2,100 parameters per statement; stay well below for every provider.</summary>
    private const int MaxParameters = 1000;

    public static async Task ExecuteAsync(DbConnection c, DbTransaction tx, string table, IReadOnlyList<string> columns,
        IEnumerable<object?[]> rows, CancellationToken ct)
    {
        if (c is Microsoft.Data.Sqlite.SqliteConnection) await RowByRowAsync(c, tx, table, columns, rows, ct);
        else await MultiRowAsync(c, tx, table, columns, rows, ct);
    }

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA2100:Review SQL queries for security vulnerabilities",
        Justification = "Only the callers' table and column constants and generated parameter names are spliced; every value is a parameter.")]
    private static async Task RowByRowAsync(DbConnection c, DbTransaction tx, string table, IReadOnlyList<string> columns,
        IEnumerable<object?[]> rows, CancellationToken ct)
    {
        await using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        var values = string.Join(", ", columns.Select((_, i) => "@" + Name(0, i)));
        cmd.CommandText = $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ({values})";
        var parameters = columns.Select((_, i) => AddParameter(cmd, Name(0, i))).ToArray();
        var prepared = false;
        foreach (var row in rows)
        {
            for (var i = 0; i < parameters.Length; i++) parameters[i].Value = row[i] ?? DBNull.Value;
            if (!prepared) { await cmd.PrepareAsync(ct); prepared = true; }
            await cmd.ExecuteNonQueryAsync(ct);
        }
    }

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA2100:Review SQL queries for security vulnerabilities",
        Justification = "Only the callers' table and column constants and generated parameter names are spliced; every value is a parameter.")]
    private static async Task MultiRowAsync(DbConnection c, DbTransaction tx, string table, IReadOnlyList<string> columns,
        IEnumerable<object?[]> rows, CancellationToken ct)
    {
        var perChunk = Math.Max(1, MaxParameters / columns.Count);
        foreach (var chunk in rows.Chunk(perChunk))
        {
            await using var cmd = c.CreateCommand();
            cmd.Transaction = tx;
            var sql = new StringBuilder($"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ");
            for (var r = 0; r < chunk.Length; r++)
            {
                sql.Append(r == 0 ? "(" : ", (");
                for (var col = 0; col < columns.Count; col++)
                {
                    var name = Name(r, col);
                    sql.Append(col == 0 ? "" : ", ").Append('@').Append(name);
                    AddParameter(cmd, name).Value = chunk[r][col] ?? DBNull.Value;
                }
                sql.Append(')');
            }
            cmd.CommandText = sql.ToString();
            await cmd.ExecuteNonQueryAsync(ct);
        }
    }

    private static string Name(int row, int column) => string.Create(CultureInfo.InvariantCulture, $"p{row}_{column}");

    private static DbParameter AddParameter(DbCommand cmd, string name)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = "@" + name;
        cmd.Parameters.Add(p);
        return p;
    }
}
