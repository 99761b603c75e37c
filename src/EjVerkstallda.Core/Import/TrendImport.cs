using System.Globalization;
using EjVerkstallda.Core.Beslut;
using EjVerkstallda.Core.Classification;

namespace EjVerkstallda.Core.Import;

/// <summary>One earlier quarter's total from the kommun's own statistikrapport: open cases at the quarter's end, per lag and kind.</summary>
public sealed record TrendRow(int Line, Kvartal.Kvartal Quarter, Lag Lag, CaseKind Kind, int Open)
{
    public (string Quarter, string Lag, string Kind) Key => (Quarter.ToString(), Lag.ToString(), Kind.ToCode());
}

/// <summary>The rules for <c>ejv import trend</c>: every line checked, nothing imported when any is wrong.</summary>
public static class TrendValidator
{
    /// <param name="before">The quarter the figures must be before (the current quarter: a figure is of a quarter that has ended).</param>
    public static (IReadOnlyList<TrendRow> Rows, IReadOnlyList<ImportError> Errors) Validate(ImportTable table, Kvartal.Kvartal before)
    {
        var (columns, missing) = table.Map(HistoryColumns.Trend);
        if (table.Header.Count == 0) return ([], [new(0, "the file is empty; the first line must be the header " + string.Join(";", HistoryColumns.Trend))]);
        if (missing.Count > 0) return ([], [new(1, $"the header lacks {string.Join(", ", missing)}; the header must be {string.Join(";", HistoryColumns.Trend)}")]);
        if (table.Lines.Count == 0) return ([], [new(0, "the file has a header but no rows")]);
        var errors = new List<ImportError>();
        var rows = new List<TrendRow>();
        foreach (var line in table.Lines)
        {
            string Cell(string name) => columns[name] < line.Cells.Count ? line.Cells[columns[name]] : "";
            var n = line.Number;
            var count = errors.Count;
            var quarter = Kvartal.Kvartal.TryParse(Cell("quarter"), out var q) ? q : (Kvartal.Kvartal?)null;
            if (quarter is null) errors.Add(new(n, $"quarter '{Cell("quarter")}' is not a quarter; write it as YYYYQn, e.g. 2025Q1"));
            else if (quarter >= before) errors.Add(new(n, $"quarter {quarter} has not ended (the figures are of earlier quarters, before {before})"));
            Lag? lag = Cell("lag") switch { "SoL" => Lag.SoL, "LSS" => Lag.LSS, _ => null };
            if (lag is null) errors.Add(new(n, $"lag '{Cell("lag")}' is not a lag; write SoL or LSS"));
            CaseKind? kind = Cell("kind") switch { "ej_verkstallt" => CaseKind.EjVerkstallt, "avbrott" => CaseKind.Avbrott, _ => null };
            if (kind is null) errors.Add(new(n, $"kind '{Cell("kind")}' is not a kind; write ej_verkstallt or avbrott"));
            if (!int.TryParse(Cell("open"), NumberStyles.None, CultureInfo.InvariantCulture, out var open) || open > 1_000_000)
                errors.Add(new(n, $"open '{Cell("open")}' is not a count; write the number of open cases at the quarter's end (0 or more, digits only)"));
            if (errors.Count == count) rows.Add(new TrendRow(n, quarter!.Value, lag!.Value, kind!.Value, open));
        }
        errors.AddRange(rows.GroupBy(r => r.Key).Where(g => g.Count() > 1).SelectMany(g => g.Skip(1).Select(r =>
            new ImportError(r.Line, $"{r.Quarter} {r.Lag} {r.Kind.ToCode()} is already on line {g.First().Line}; give each quarter, lag and kind once"))));
        return errors.Count > 0 ? ([], errors.OrderBy(e => e.Line).ToList()) : (rows, []);
    }

    /// <summary>Rows new to the ledger, rows imported before with the same figure, and conflicts (another figure imported before).</summary>
    public static (IReadOnlyList<TrendRow> New, int Unchanged, IReadOnlyList<ImportError> Conflicts) Plan(
        IReadOnlyList<TrendRow> rows, IReadOnlyDictionary<(string Quarter, string Lag, string Kind), int> imported)
    {
        var fresh = rows.Where(r => !imported.ContainsKey(r.Key)).ToList();
        var conflicts = rows.Where(r => imported.TryGetValue(r.Key, out var held) && held != r.Open)
            .Select(r => new ImportError(r.Line, $"{r.Quarter} {r.Lag} {r.Kind.ToCode()} was imported earlier as {imported[r.Key]}; this file says {r.Open}. Nothing was imported: correct the file, or leave the line out"))
            .ToList();
        return (fresh, rows.Count - fresh.Count - conflicts.Count, conflicts);
    }
}
