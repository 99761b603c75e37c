using EjVerkstallda.Core.Classification;

namespace EjVerkstallda.Core.Import;

/// <summary>
/// A checked history file against what the ledger already holds: rows to import, rows imported before exactly so
/// (unchanged), and conflicts (a case the ledger holds otherwise), each naming the file's line.
/// </summary>
public sealed record HistoryPlan(IReadOnlyList<HistoryRow> New, IReadOnlyList<HistoryRow> Unchanged, IReadOnlyList<ImportError> Conflicts)
{
    public static HistoryPlan Of(IReadOnlyList<HistoryRow> rows, IReadOnlyDictionary<CaseKey, LedgerCase> ledger)
    {
        var fresh = new List<HistoryRow>();
        var same = new List<HistoryRow>();
        var conflicts = new List<ImportError>();
        foreach (var r in rows)
        {
            if (!ledger.TryGetValue(r.Key, out var held)) { fresh.Add(r); continue; }
            if (!held.Imported)
                conflicts.Add(new(r.Line, $"beslut {r.Beslut.Id} ({r.Kind.ToCode()}) was reported by the product itself ({held.First}–{held.Last}); its history cannot be replaced by an import"));
            else if (held.First == r.First && held.Last == r.Last && held.LastStatus == r.LastStatus && held.IvoId == r.IvoId)
                same.Add(r);
            else
                conflicts.Add(new(r.Line, $"beslut {r.Beslut.Id} ({r.Kind.ToCode()}) was imported earlier as {held.First}–{held.Last} {held.LastStatus.ToCode()}" +
                    (held.IvoId != r.IvoId ? " with another ivo_id" : "") + "; this file says otherwise. Nothing was imported: correct the file to match, or leave the line out"));
        }
        return new HistoryPlan(fresh, same, conflicts);
    }
}

/// <summary>What the first quarter the product runs will report for an imported case.</summary>
public enum NextReport
{
    /// <summary>Still open at IVO: reported as kvarstår.</summary>
    Kvarstar,

    /// <summary>Open at IVO and closed in the case system: the closing report (verkställd or avslutad) is owed.</summary>
    ClosingReport,

    /// <summary>Closed at IVO: never reported again.</summary>
    NeverAgain,

    /// <summary>Open at IVO, but the rules do not report it that quarter (e.g. closed within three months in the case system): listed in the data-quality list.</summary>
    NotReported,
}

public static class HistoryPreview
{
    /// <summary>The next quarter's outcome for each row, by the classifier itself with the imported history as the prior report.</summary>
    public static IReadOnlyList<(HistoryRow Row, NextReport Next, IvoReport? Report)> Next(IReadOnlyList<HistoryRow> rows, Kvartal.Kvartal quarter, ClassificationOptions options)
    {
        var result = new List<(HistoryRow, NextReport, IvoReport?)>();
        foreach (var r in rows)
        {
            if (!r.IsOpen) { result.Add((r, NextReport.NeverAgain, null)); continue; }
            var reports = Classifier.Classify(quarter, [r.Beslut], k => k == r.Key ? new PriorReport(true, false) : PriorReport.None, options).Reports;
            var report = reports.FirstOrDefault(x => x.Key == r.Key);
            var next = report is null ? NextReport.NotReported : report.IsOpen ? NextReport.Kvarstar : NextReport.ClosingReport;
            result.Add((r, next, report));
        }
        return result;
    }
}
