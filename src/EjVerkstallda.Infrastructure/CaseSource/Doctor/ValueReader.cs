using System.Globalization;
using Dapper;
using EjVerkstallda.Core.Beslut;
using EjVerkstallda.Core.Kvartal;
using EjVerkstallda.Core.SourceCheck;
using EjVerkstallda.Infrastructure.Data;

namespace EjVerkstallda.Infrastructure.CaseSource.Doctor;

/// <summary>
/// The value checks of <c>ejv_beslut</c>: text dates not of the form YYYY-MM-DD, values outside the code lists, duplicate ids,
/// the insats codes used, beslut per year. Values are judged here with Core's rules and counted; only beslut ids and insats
/// codes leave this class.
/// </summary>
internal sealed class ValueReader(DoctorDb db, string relation, IReadOnlyList<ColumnFact> columns, KommunTid tid)
{
    public const int SampleSize = 5;

    private SqlDialect D => db.Dialect;
    private bool Has(string column) => columns.Any(c => c.Name == column);
    private ColumnFact? Column(string name) => columns.FirstOrDefault(c => c.Name == name);
    private string IdExpr => Has("beslut_id") ? "beslut_id" : "NULL";

    /// <summary>Streams the rows whose text is not plain YYYY-MM-DD and sorts them into "with a time part" and "unreadable".</summary>
    public async Task<TextDateFact> TextDateAsync(string column, CancellationToken ct)
    {
        long withTime = 0, unreadable = 0;
        var ids = new List<string>();
        await foreach (var row in db.StreamAsync($"SELECT {IdExpr}, {column} FROM {relation} WHERE {D.MalformedDate(column)}", null, ct))
        {
            var form = ValueRules.FormOf(ValueText.Of(row[1]) ?? "", tid);
            if (form == ValueRules.DateForm.WithTime) withTime++;
            else if (form == ValueRules.DateForm.Unreadable)
            {
                unreadable++;
                if (ids.Count < SampleSize && Id(row[0]) is { } id) ids.Add(id);
            }
        }
        return new TextDateFact(column, withTime, unreadable, ids.Order(StringComparer.Ordinal).ToList());
    }

    /// <summary>The rows of a code column whose value is outside its list: grouped in SQL, judged by <see cref="ValueRules"/>.</summary>
    public async Task<OutsideValues> OutsideAsync(string column, CancellationToken ct)
    {
        var groups = await db.RowsAsync($"SELECT {column}, COUNT(*) FROM {relation} WHERE {column} IS NOT NULL GROUP BY {column}", null, ct);
        var bad = groups.Where(g => !ValueRules.Accepts(column, ValueText.Of(g[0]))).ToList();
        if (bad.Count == 0) return new OutsideValues(column, 0, []);
        var rows = bad.Sum(g => Convert.ToInt64(g[1], CultureInfo.InvariantCulture));
        var args = new DynamicParameters();
        args.Add("bad", TypedArray(bad.Select(g => g[0]!).Take(100).ToList()));
        var sample = Has("beslut_id")
            ? await db.RowsAsync(D.Top(SampleSize, $"beslut_id FROM {relation} WHERE {D.InList(column, "bad")} ORDER BY beslut_id"), args, ct)
            : [];
        return new OutsideValues(column, rows, sample.Select(r => Id(r[0])).OfType<string>().ToList());
    }

    /// <summary>How many ids occur on more than one row (compared trimmed, as everywhere), and a few of them.</summary>
    public async Task<(long Count, IReadOnlyList<string> Sample)> DuplicatesAsync(CancellationToken ct)
    {
        var id = Column("beslut_id")?.Kind == ColumnKind.Text ? D.Trim("beslut_id") : "beslut_id";
        var dup = $"SELECT {id} AS id FROM {relation} WHERE beslut_id IS NOT NULL GROUP BY {id} HAVING COUNT(*) > 1";
        var count = await db.Connection.ExecuteScalarAsync<long>(db.Command($"SELECT COUNT(*) FROM ({dup}) d", null, ct));
        if (count == 0) return (0, []);
        var sample = await db.RowsAsync(D.Top(SampleSize, $"id FROM ({dup}) d ORDER BY id"), null, ct);
        return (count, sample.Select(r => Id(r[0])).OfType<string>().ToList());
    }

    /// <summary>The insats codes <c>ejv_beslut</c> uses, trimmed, with their row counts.</summary>
    public async Task<IReadOnlyList<CodeUse>> CodesUsedAsync(CancellationToken ct)
    {
        var rows = await db.RowsAsync($"SELECT insats_kod, COUNT(*) FROM {relation} WHERE insats_kod IS NOT NULL GROUP BY insats_kod", null, ct);
        return rows.Select(r => (Code: Trim(ValueText.Of(r[0])), Rows: Convert.ToInt64(r[1], CultureInfo.InvariantCulture)))
            .Where(r => r.Code is not null)
            .GroupBy(r => r.Code!, StringComparer.Ordinal)
            .Select(g => new CodeUse(g.Key, g.Sum(x => x.Rows)))
            .OrderBy(u => u.Code, StringComparer.Ordinal).ToList();
    }

    /// <summary>Beslut per year of beslutsdatum (text: its plain rows' first four characters).</summary>
    public async Task<IReadOnlyList<YearCount>> PerYearAsync(CancellationToken ct)
    {
        var c = Column("beslutsdatum")!;
        var year = SourceCatalogSql.YearOf(D, "beslutsdatum", c.Kind == ColumnKind.Text);
        var rows = await db.RowsAsync($"SELECT {year}, COUNT(*) FROM {relation} WHERE beslutsdatum IS NOT NULL GROUP BY {year}", null, ct);
        return rows
            .Select(r => (Ok: int.TryParse(ValueText.Of(r[0]), NumberStyles.None, CultureInfo.InvariantCulture, out var y), Year: y, Count: Convert.ToInt64(r[1], CultureInfo.InvariantCulture)))
            .Where(r => r.Ok && r.Year is >= 1901 and <= 2099)
            .GroupBy(r => r.Year).Select(g => new YearCount(g.Key, g.Sum(x => x.Count)))
            .OrderBy(y => y.Year).ToList();
    }

    /// <summary>A list parameter Npgsql can type (it cannot send an object[]): strings, whole numbers or decimals.</summary>
    private static object TypedArray(List<object> values)
    {
        if (values.All(v => v is string)) return values.Cast<string>().ToArray();
        if (values.All(v => v is long or int or short or byte)) return values.Select(v => Convert.ToInt64(v, CultureInfo.InvariantCulture)).ToArray();
        if (values.All(v => v is decimal or double or float or long or int)) return values.Select(v => Convert.ToDecimal(v, CultureInfo.InvariantCulture)).ToArray();
        return values.Select(v => ValueText.Of(v) ?? "").ToArray();
    }

    private static string? Trim(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static string? Id(object? value) => Trim(ValueText.Of(value));
}
