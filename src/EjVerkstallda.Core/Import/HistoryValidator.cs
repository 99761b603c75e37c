using System.Globalization;
using EjVerkstallda.Core.Beslut;
using EjVerkstallda.Core.Classification;
using EjVerkstallda.Core.Ivo;

namespace EjVerkstallda.Core.Import;

/// <summary>
/// The rules for <c>ejv import history</c>: every line is checked, every error is listed with its line number and what to
/// fix, and the rows are good only when there is no error at all. Messages never repeat an IVO identifier (it holds a birth date).
/// </summary>
public static class HistoryValidator
{
    public static HistoryValidation Validate(ImportTable table, HistoryContext context)
    {
        var (columns, missing) = table.Map(HistoryColumns.History);
        if (table.Header.Count == 0) return Fail(new ImportError(0, "the file is empty; the first line must be the header " + string.Join(";", HistoryColumns.History)));
        if (missing.Count > 0)
            return Fail(new ImportError(1, $"the header lacks {string.Join(", ", missing)}; the header must be {string.Join(";", HistoryColumns.History)}"));
        if (table.Lines.Count == 0) return Fail(new ImportError(0, "the file has a header but no rows"));

        var errors = new List<ImportError>();
        var rows = new List<HistoryRow>();
        foreach (var line in table.Lines)
        {
            string Cell(string name) => columns[name] < line.Cells.Count ? line.Cells[columns[name]] : "";
            var row = ParseLine(line.Number, Cell, context, errors);
            if (row is not null) rows.Add(row);
        }
        errors.AddRange(Duplicates(rows));
        errors.AddRange(PersonIdentifiers(rows, context.KnownIds));
        return errors.Count > 0 ? new HistoryValidation([], errors.OrderBy(e => e.Line).ToList()) : new HistoryValidation(rows, []);
    }

    private static HistoryValidation Fail(ImportError e) => new([], [e]);

    private static HistoryRow? ParseLine(int n, Func<string, string> cell, HistoryContext context, List<ImportError> errors)
    {
        var before = errors.Count;
        var id = cell(HistoryColumns.BeslutId);
        Beslut.Beslut? beslut = null;
        if (id.Length == 0) errors.Add(new(n, "beslut_id is empty; give the beslut's id as the case system's view ejv_beslut has it"));
        else if (context.Unjudgeable.TryGetValue(id, out var problem)) errors.Add(new(n, $"beslut {id}: the case system's row cannot be judged ({problem}); correct it in the case system first"));
        else if (!context.Beslut.TryGetValue(id, out beslut)) errors.Add(new(n, $"beslut {id} is not in ejv_beslut (the case system); check the id, or the view's namnd_id"));
        else if (!beslut.Insats.IsReportable) errors.Add(new(n, $"beslut {id}: its insats ({beslut.Insats.Kod}) is bistånd utöver, which is never reported to IVO; remove the line"));

        var kind = KindOf(n, cell(HistoryColumns.Kind), errors);
        var avbrott = Avbrott(n, kind, cell(HistoryColumns.Avbrottsdatum), errors);
        var first = Quarter(n, HistoryColumns.FirstQuarter, cell(HistoryColumns.FirstQuarter), errors);
        var last = Quarter(n, HistoryColumns.LastQuarter, cell(HistoryColumns.LastQuarter), errors);
        var status = StatusOf(n, cell(HistoryColumns.LastStatus), errors);
        if (first is { } f && last is { } l)
        {
            if (f > l) errors.Add(new(n, $"first_quarter {f} is after last_quarter {l}; the first report comes first"));
            if (l >= context.RunsFrom) errors.Add(new(n, $"last_quarter {l} is not before {context.RunsFrom}, {context.RunsFromReason}; the history must end before the product takes over"));
            if (status == ReportStatus.Ny && f != l) errors.Add(new(n, "last_status ny means the case was reported once: first_quarter and last_quarter must be the same quarter (later reports are kvarstar)"));
            if (status == ReportStatus.Kvarstar && f == l) errors.Add(new(n, "last_status kvarstar needs an earlier first report: first_quarter must be before last_quarter (a single report is ny)"));
        }
        var ivo = cell(HistoryColumns.IvoId);
        if (beslut is not null) CheckIvoId(n, ivo, beslut, errors);
        if (errors.Count > before || beslut is null || kind is null || first is null || last is null || status is null) return null;
        return new HistoryRow
        {
            Line = n, Beslut = beslut, Kind = kind.Value, Avbrottsdatum = avbrott, IvoId = ivo.Length == 0 ? null : ivo,
            First = first.Value, Last = last.Value, LastStatus = status.Value,
        };
    }

    private static CaseKind? KindOf(int n, string text, List<ImportError> errors)
    {
        if (text is "ej_verkstallt") return CaseKind.EjVerkstallt;
        if (text is "avbrott") return CaseKind.Avbrott;
        errors.Add(new(n, $"kind '{text}' is not a kind; write ej_verkstallt or avbrott"));
        return null;
    }

    private static ReportStatus? StatusOf(int n, string text, List<ImportError> errors)
    {
        if (text is "ny" or "kvarstar" or "verkstalld" or "avslutad") return CaseCodes.ParseStatus(text);
        errors.Add(new(n, $"last_status '{text}' is not a status; write ny, kvarstar, verkstalld or avslutad (the latest report made to IVO)"));
        return null;
    }

    private static DateOnly? Avbrott(int n, CaseKind? kind, string text, List<ImportError> errors)
    {
        if (kind == CaseKind.EjVerkstallt)
        {
            if (text.Length > 0) errors.Add(new(n, "avbrottsdatum is given for kind ej_verkstallt; leave it empty, or write kind avbrott"));
            return null;
        }
        if (kind != CaseKind.Avbrott) return null;
        if (text.Length == 0) { errors.Add(new(n, "kind avbrott needs an avbrottsdatum (YYYY-MM-DD, the day the verkställighet was interrupted)")); return null; }
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
        errors.Add(new(n, $"avbrottsdatum '{text}' is not a date; write it as YYYY-MM-DD, e.g. 2025-03-14"));
        return null;
    }

    private static Kvartal.Kvartal? Quarter(int n, string column, string text, List<ImportError> errors)
    {
        if (Kvartal.Kvartal.TryParse(text, out var q)) return q;
        errors.Add(new(n, $"{column} '{text}' is not a quarter; write it as YYYYQn, e.g. 2025Q1"));
        return null;
    }

    /// <summary>IVO's form, and the birth date and kön digit of the person the case system has. Empty only for manual handling.</summary>
    private static void CheckIvoId(int n, string ivo, Beslut.Beslut b, List<ImportError> errors)
    {
        var manual = ManualHandling.ReasonOf(b);
        if (ivo.Length == 0)
        {
            if (manual is null) errors.Add(new(n, $"ivo_id is empty; give the identifier the kommun used at IVO for this person (IVO requires the same one for the whole period)"));
            return;
        }
        if (!IvoId.IsWellFormed(ivo)) { errors.Add(new(n, "ivo_id is not IVO's form ÅÅÅÅMMDD-T### or ÅÅÅÅMMDD-TF## (the birth date's eight digits, a hyphen, T and three digits)")); return; }
        if (b.Kon is { } kon && IvoId.KonOf(ivo) != kon)
            errors.Add(new(n, $"ivo_id's kön digit (the third character after the hyphen: even K, odd M) says {IvoId.KonOf(ivo)}, but the case system says kon {kon} for beslut {b.Id}; check the identifier or the case system"));
        if (b.Fodelsedatum is { } fodd && !ivo.StartsWith(fodd.ToString("yyyyMMdd", CultureInfo.InvariantCulture), StringComparison.Ordinal))
            errors.Add(new(n, $"ivo_id's date (its first eight digits) is not the person's fodelsedatum in the case system for beslut {b.Id}; check the identifier or the case system"));
    }

    private static IEnumerable<ImportError> Duplicates(IEnumerable<HistoryRow> rows) =>
        rows.GroupBy(r => r.Key).Where(g => g.Count() > 1).SelectMany(g => g.Skip(1).Select(r =>
            new ImportError(r.Line, $"beslut {r.Beslut.Id} ({r.Kind.ToCode()}{(r.Avbrottsdatum is { } a ? " " + a.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "")}) is already on line {g.First().Line}; keep one line per case")));

    /// <summary>One person, one identifier; one identifier, one person: within the file and against the ledger.</summary>
    private static IEnumerable<ImportError> PersonIdentifiers(IReadOnlyList<HistoryRow> rows, IReadOnlyDictionary<string, string> known)
    {
        var withId = rows.Where(r => r.IvoId is not null).ToList();
        foreach (var g in withId.GroupBy(r => r.Beslut.PersonId, StringComparer.Ordinal))
        {
            var firstRow = g.First();
            foreach (var r in g.Where(r => r.IvoId != firstRow.IvoId))
                yield return new(r.Line, $"beslut {r.Beslut.Id} is the same person (person_id) as line {firstRow.Line} but has another ivo_id; a person keeps one identifier for every beslut");
            if (known.TryGetValue(g.Key, out var given) && given != firstRow.IvoId)
                yield return new(firstRow.Line, $"beslut {firstRow.Beslut.Id}: the ledger already gave this person another IVO identifier (used in a report the product made); use that one, or ask the administrator");
        }
        var owners = known.GroupBy(kv => kv.Value, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Key, StringComparer.Ordinal);
        foreach (var g in withId.GroupBy(r => r.IvoId!, StringComparer.Ordinal))
        {
            var firstRow = g.First();
            foreach (var r in g.Where(r => r.Beslut.PersonId != firstRow.Beslut.PersonId))
                yield return new(r.Line, $"beslut {r.Beslut.Id} has the same ivo_id as line {firstRow.Line}, but the case system says they are different persons (person_id); one identifier belongs to one person");
            if (owners.TryGetValue(g.Key, out var owner) && owner != firstRow.Beslut.PersonId)
                yield return new(firstRow.Line, $"beslut {firstRow.Beslut.Id}: the ledger already has this ivo_id for another person; one identifier belongs to one person");
        }
    }
}
