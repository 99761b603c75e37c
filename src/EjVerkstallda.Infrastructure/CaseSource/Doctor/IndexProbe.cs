using System.Text.Json;
using System.Text.RegularExpressions;
using Dapper;
using EjVerkstallda.Core.Kvartal;
using EjVerkstallda.Core.SourceCheck;
using EjVerkstallda.Infrastructure.Data;

namespace EjVerkstallda.Infrastructure.CaseSource.Doctor;

/// <summary>
/// Whether the indexes the candidate query needs exist on the view's underlying table. A view has no indexes of its own: what
/// counts is the table (or tables) its columns come from. SQLite and PostgreSQL are asked for their plan of a probe
/// (<see cref="SourceCatalogSql.IndexProbe"/>), which looks through the view; SQL Server's catalog maps each view column to
/// its source column (<see cref="SourceCatalogSql.SqlServerIndexes"/>).
/// </summary>
internal sealed partial class IndexProbe(DoctorDb db, string relation, IReadOnlyList<ColumnFact> columns)
{
    /// <summary>The needs: the column each index must start with, and the index the README suggests.</summary>
    public static IReadOnlyList<(string Column, string Suggested)> Needs(bool namnd) =>
    [
        ("beslutsdatum", "beslutsdatum, verkstallighetsdatum, avslutsdatum"),
        ("avbrottsdatum", "avbrottsdatum, aterupptagandedatum"),
        ("beslut_id", "beslut_id"),
        .. namnd ? new[] { ("namnd_id", "namnd_id, beslutsdatum") } : [],
    ];

    public async Task<IReadOnlyList<IndexFact>> CheckAsync(bool namnd, CancellationToken ct)
    {
        var needs = Needs(namnd).Where(n => columns.Any(c => c.Name == n.Column)).ToList();
        if (db.Dialect.Provider == DbProvider.SqlServer) return await SqlServerAsync(needs, ct);
        var facts = new List<IndexFact>();
        foreach (var (column, suggested) in needs)
        {
            try
            {
                var index = db.Dialect.Provider == DbProvider.Sqlite ? await SqliteAsync(column, ct) : await PostgresAsync(column, ct);
                facts.Add(new IndexFact(column, suggested, index is not null, index, How));
            }
            catch (System.Data.Common.DbException ex)
            {
                facts.Add(new IndexFact(column, suggested, null, null, "could not check: " + ex.Message));
            }
        }
        return facts;
    }

    private string How => db.Dialect.Provider == DbProvider.Sqlite ? "EXPLAIN QUERY PLAN" : "EXPLAIN, seqscan off";

    private DynamicParameters Probe(string column)
    {
        var kind = columns.First(c => c.Name == column).Kind;
        var args = new DynamicParameters();
        object value = kind switch
        {
            ColumnKind.Date or ColumnKind.Timestamp or ColumnKind.Instant => db.Dialect.Date(new DateOnly(2000, 1, 1)),
            ColumnKind.Number => 0,
            _ => db.Dialect.Provider == DbProvider.Sqlite && SourceDoctor.DateColumns.Contains(column) ? "2000-01-01" : "",
        };
        args.Add("p", value);
        return args;
    }

    [GeneratedRegex(@"USING (?:COVERING )?INDEX (\S+) \(([^)]*)\)", RegexOptions.CultureInvariant)]
    private static partial Regex SqliteIndex();

    private async Task<string?> SqliteAsync(string column, CancellationToken ct)
    {
        var rows = await db.RowsAsync(SourceCatalogSql.IndexProbe(db.Dialect, relation, column), Probe(column), ct);
        return rows.Select(r => SqliteIndex().Match(Convert.ToString(r[^1], System.Globalization.CultureInfo.InvariantCulture) ?? ""))
            .Where(m => m.Success && m.Groups[2].Value.Contains('<', StringComparison.Ordinal))
            .Select(m => m.Groups[1].Value).FirstOrDefault();
    }

    private async Task<string?> PostgresAsync(string column, CancellationToken ct)
    {
        await using var tx = await db.Connection.BeginTransactionAsync(ct);
        await db.Connection.ExecuteAsync(db.Command(SourceCatalogSql.PostgresDiscourageSeqScan, null, ct, tx));
        var plan = await db.Connection.ExecuteScalarAsync<string>(db.Command(SourceCatalogSql.IndexProbe(db.Dialect, relation, column), Probe(column), ct, tx));
        await tx.RollbackAsync(ct);
        using var json = JsonDocument.Parse(plan ?? "[]");
        return json.RootElement.EnumerateArray().Select(e => IndexIn(e.GetProperty("Plan"))).FirstOrDefault(i => i is not null);
    }

    /// <summary>An index scan whose condition compares with the probe's value ("&lt;"), not a join's index (its condition is "=").</summary>
    private static string? IndexIn(JsonElement node)
    {
        var type = node.GetProperty("Node Type").GetString();
        if (type is "Index Scan" or "Index Only Scan" or "Bitmap Index Scan"
            && node.TryGetProperty("Index Cond", out var cond) && cond.GetString()!.Contains(" < ", StringComparison.Ordinal))
            return node.GetProperty("Index Name").GetString();
        if (!node.TryGetProperty("Plans", out var plans)) return null;
        return plans.EnumerateArray().Select(IndexIn).FirstOrDefault(i => i is not null);
    }

    private async Task<IReadOnlyList<IndexFact>> SqlServerAsync(List<(string Column, string Suggested)> needs, CancellationToken ct)
    {
        var args = new DynamicParameters();
        args.Add("probe", $"SELECT {string.Join(", ", needs.Select(n => n.Column))} FROM {relation}");
        var rows = await db.RowsAsync(SourceCatalogSql.SqlServerIndexes, args, ct);
        return needs.Select(n =>
        {
            var row = rows.FirstOrDefault(r => string.Equals(r[0] as string, n.Column, StringComparison.OrdinalIgnoreCase));
            var source = row?[1] is string table ? $"{table}.{row[2]}" : "an expression";
            return new IndexFact(n.Column, n.Suggested, row?[3] is string, row?[3] as string, $"sys.index_columns on {source}");
        }).ToList();
    }

    /// <summary>SQLite only: the plan of the run's own candidate query for <paramref name="quarter"/> (it reads every row: see README).</summary>
    public async Task<string> SqliteCandidatePlanAsync(Kvartal quarter, IReadOnlySet<string> textDateColumns, CancellationToken ct)
    {
        var sql = CaseSourceReader.RenderCandidateSql(db.Dialect, textDateColumns, null).Replace("FROM ejv_beslut", $"FROM {relation}", StringComparison.Ordinal);
        var rows = await db.RowsAsync("EXPLAIN QUERY PLAN " + sql.Replace(", namnd_id FROM", ", NULL AS namnd_id FROM", StringComparison.Ordinal),
            new CandidateQuery(db.Dialect, textDateColumns).Args(quarter), ct);
        return string.Join("; ", rows.Select(r => Convert.ToString(r[^1], System.Globalization.CultureInfo.InvariantCulture)));
    }
}
