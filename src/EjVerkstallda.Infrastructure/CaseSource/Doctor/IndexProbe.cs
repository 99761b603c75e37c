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

    private string How => db.Dialect.Provider == DbProvider.Sqlite ? "EXPLAIN QUERY PLAN" : "EXPLAIN VERBOSE + pg_index";

    /// <summary>The probe's literal: the database types it as the column (see <see cref="SourceCatalogSql.IndexProbe"/>).</summary>
    private string Literal(string column) => columns.First(c => c.Name == column).Kind switch
    {
        ColumnKind.Number => "0",
        _ when SourceDoctor.DateColumns.Contains(column) => "'2000-01-01'",
        _ => "''",
    };

    [GeneratedRegex(@"USING (?:COVERING )?INDEX (\S+) \(([^)]*)\)", RegexOptions.CultureInvariant)]
    private static partial Regex SqliteIndex();

    private async Task<string?> SqliteAsync(string column, CancellationToken ct)
    {
        var rows = await db.RowsAsync(SourceCatalogSql.IndexProbe(db.Dialect, relation, column, Literal(column)), null, ct);
        return rows.Select(r => SqliteIndex().Match(Convert.ToString(r[^1], System.Globalization.CultureInfo.InvariantCulture) ?? ""))
            .Where(m => m.Success && m.Groups[2].Value.Contains('<', StringComparison.Ordinal))
            .Select(m => m.Groups[1].Value).FirstOrDefault();
    }

    /// <summary>
    /// PostgreSQL: the planner resolves the view column to its source (EXPLAIN VERBOSE: the top node outputs "alias.column",
    /// the scan node of that alias names the table); pg_index then gives a valid index whose first key column it is.
    /// An expression in the view (a CAST, a CASE, a concatenation) has no source column, so no index.
    /// </summary>
    private async Task<string?> PostgresAsync(string column, CancellationToken ct)
    {
        var plan = await db.Connection.ExecuteScalarAsync<string>(db.Command(SourceCatalogSql.PostgresSource(relation, column), null, ct));
        using var json = JsonDocument.Parse(plan ?? "[]");
        var top = json.RootElement[0].GetProperty("Plan");
        var output = top.TryGetProperty("Output", out var o) && o.GetArrayLength() == 1 ? o[0].GetString() ?? "" : "";
        var m = SourceColumn().Match(output);
        if (!m.Success || ScanOf(top, m.Groups[1].Value) is not { } scan) return null;
        var args = new DynamicParameters();
        args.Add("schema", scan.GetProperty("Schema").GetString());
        args.Add("table", scan.GetProperty("Relation Name").GetString());
        args.Add("column", m.Groups[2].Value);
        return await db.Connection.ExecuteScalarAsync<string?>(db.Command(SourceCatalogSql.PostgresLeadingIndex, args, ct));
    }

    [GeneratedRegex(@"^(\w+)\.(\w+)$", RegexOptions.CultureInvariant)]
    private static partial Regex SourceColumn();

    /// <summary>The scan node whose alias is <paramref name="alias"/> (the table behind the view's column).</summary>
    private static JsonElement? ScanOf(JsonElement node, string alias)
    {
        if (node.TryGetProperty("Alias", out var a) && a.GetString() == alias && node.TryGetProperty("Relation Name", out _)) return node;
        if (!node.TryGetProperty("Plans", out var plans)) return null;
        foreach (var child in plans.EnumerateArray())
            if (ScanOf(child, alias) is { } found) return found;
        return null;
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
