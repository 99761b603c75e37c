using System.Data.Common;
using Dapper;
using EjVerkstallda.Core.Kvartal;
using EjVerkstallda.Core.SourceCheck;
using EjVerkstallda.Infrastructure.Data;

namespace EjVerkstallda.Infrastructure.CaseSource.Doctor;

/// <summary>Which columns a relation has and of what type; then one pass over <c>ejv_beslut</c> for null counts and date ranges.</summary>
internal static class ColumnReader
{
    /// <summary>The relation's columns, or the provider's reason it cannot be read.</summary>
    public static async Task<(IReadOnlyList<ColumnFact> Columns, string? Error)> DescribeAsync(DoctorDb db, string relation, CancellationToken ct)
    {
        try
        {
            await using var reader = await db.Connection.ExecuteReaderAsync(db.Command($"SELECT * FROM {relation} WHERE 1 = 0", null, ct));
            var columns = new List<ColumnFact>();
            for (var i = 0; i < reader.FieldCount; i++)
            {
                var name = reader.GetName(i).ToLowerInvariant();
                if (db.Dialect.Provider == DbProvider.Sqlite) columns.Add(new ColumnFact(relation, name, ColumnKind.Text, "text"));
                else columns.Add(new ColumnFact(relation, name, KindOf(reader.GetFieldType(i), reader.GetDataTypeName(i)), reader.GetDataTypeName(i)));
            }
            return (columns, null);
        }
        catch (DbException ex)
        {
            return ([], ex.Message);
        }
    }

    public static ColumnKind KindOf(Type? type, string typeName)
    {
        var n = typeName.ToLowerInvariant();
        if (type == typeof(DateTimeOffset) || n.Contains("with time zone", StringComparison.Ordinal) || n is "timestamptz" or "datetimeoffset") return ColumnKind.Instant;
        if (type == typeof(DateOnly) || n == "date") return ColumnKind.Date;
        if (type == typeof(DateTime)) return ColumnKind.Timestamp;
        if (type == typeof(string) || type == typeof(char)) return ColumnKind.Text;
        if (type == typeof(bool)) return ColumnKind.Boolean;
        if (type is not null && (type.IsPrimitive || type == typeof(decimal))) return ColumnKind.Number;
        return ColumnKind.Other;
    }

    /// <summary>
    /// One pass: row count, each column's nulls, each date column's range (text: its plain YYYY-MM-DD values only) and count
    /// of text not of that form; on SQLite also the storage classes, which give each column its kind.
    /// </summary>
    public static async Task<ColumnPass> PassAsync(DoctorDb db, string relation, IReadOnlyList<ColumnFact> columns, KommunTid tid, CancellationToken ct)
    {
        var sqlite = db.Dialect.Provider == DbProvider.Sqlite;
        var parts = new List<string> { "COUNT(*)" };
        foreach (var c in columns)
        {
            parts.Add($"COUNT({c.Name})");
            if (IsDate(c))
            {
                var text = sqlite || c.Kind == ColumnKind.Text;
                var plain = text ? $"CASE WHEN {db.Dialect.MalformedDate(c.Name)} THEN NULL ELSE {c.Name} END" : c.Name;
                parts.Add($"MIN({plain}), MAX({plain})");
                parts.Add(text ? $"SUM(CASE WHEN {db.Dialect.MalformedDate(c.Name)} THEN 1 ELSE 0 END)" : "0");
            }
            if (sqlite) parts.Add(SourceCatalogSql.StorageClasses(c.Name));
        }
        var row = (await db.RowsAsync($"SELECT {string.Join(", ", parts)} FROM {relation}", null, ct))[0];
        return Read(row, columns, sqlite, tid);
    }

    private static ColumnPass Read(object?[] row, IReadOnlyList<ColumnFact> columns, bool sqlite, KommunTid tid)
    {
        var i = 0;
        long Long() => row[i++] is { } v and not DBNull ? Convert.ToInt64(v, System.Globalization.CultureInfo.InvariantCulture) : 0;
        var rows = Long();
        var stats = new List<ColumnStats>();
        var kinds = new List<ColumnFact>();
        var notPlain = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var c in columns)
        {
            var nulls = rows - Long();
            string? min = null, max = null;
            if (IsDate(c))
            {
                min = SourceValues.DayText(row[i++], tid);
                max = SourceValues.DayText(row[i++], tid);
                notPlain[c.Name] = Long();
            }
            stats.Add(new ColumnStats(c.Name, nulls, min, max));
            kinds.Add(sqlite ? SqliteKind(c, rows - nulls, Long(), Long(), Long()) : c);
        }
        return new ColumnPass(rows, stats, kinds, notPlain);
    }

    private static ColumnFact SqliteKind(ColumnFact c, long values, long integers, long reals, long blobs)
    {
        var texts = values - integers - reals - blobs;
        var classes = new[] { ("text", texts), ("integer", integers), ("real", reals), ("blob", blobs) }.Where(x => x.Item2 > 0).Select(x => x.Item1).ToList();
        var name = classes.Count == 0 ? "text" : string.Join("+", classes);
        var kind = name switch { "text" => ColumnKind.Text, "integer" or "real" => ColumnKind.Number, _ => ColumnKind.Other };
        return c with { Kind = kind, TypeName = "SQLite " + name };
    }

    public static bool IsDate(ColumnFact c) => SourceDoctor.DateColumns.Contains(c.Name);
}

/// <summary>What the one pass over <c>ejv_beslut</c> gave.</summary>
internal sealed record ColumnPass(long Rows, IReadOnlyList<ColumnStats> Stats, IReadOnlyList<ColumnFact> Columns, IReadOnlyDictionary<string, long> NotPlainText);
