using System.Data.Common;
using System.Globalization;
using System.Text;
using Dapper;

namespace EjVerkstallda.Infrastructure.Data;

/// <summary>
/// Inserts many rows with multi-row <c>INSERT ... VALUES (...), (...)</c> statements, a chunk at a time, so a quarter with
/// ten thousand reports costs a hundred round trips instead of ten thousand. Parameterised; column names are the caller's constants.
/// </summary>
public static class BulkInsert
{
    /// <summary>SQL Server allows 2,100 parameters per statement; stay well below for every provider.</summary>
    private const int MaxParameters = 1000;

    public static async Task ExecuteAsync(DbConnection c, DbTransaction tx, string table, IReadOnlyList<string> columns,
        IEnumerable<object?[]> rows, CancellationToken ct)
    {
        var perChunk = Math.Max(1, MaxParameters / columns.Count);
        foreach (var chunk in rows.Chunk(perChunk))
        {
            var sql = new StringBuilder($"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ");
            var args = new DynamicParameters();
            for (var r = 0; r < chunk.Length; r++)
            {
                sql.Append(r == 0 ? "(" : ", (");
                for (var col = 0; col < columns.Count; col++)
                {
                    var name = string.Create(CultureInfo.InvariantCulture, $"p{r}_{col}");
                    sql.Append(col == 0 ? "@" : ", @").Append(name);
                    args.Add(name, chunk[r][col]);
                }
                sql.Append(')');
            }
            await c.ExecuteAsync(new CommandDefinition(sql.ToString(), args, tx, cancellationToken: ct));
        }
    }
}
