using System.Globalization;
using System.Text;
using EjVerkstallda.Core.Beslut;
using EjVerkstallda.Core.SourceCheck;

namespace EjVerkstallda.Worker.Commands;

/// <summary>The one screen of <c>ejv check-source</c>, Swedish or English. Counts, type names, beslut ids and insats codes only.</summary>
public static class CheckSourceScreen
{
    private const int ShownYears = 8;

    public static string Render(string provider, SourceFacts f, IReadOnlyList<Finding> findings, bool en)
    {
        ArgumentNullException.ThrowIfNull(f);
        ArgumentNullException.ThrowIfNull(findings);
        string T(string sv, string english) => en ? english : sv;
        var o = new StringBuilder();
        o.AppendLine(CultureInfo.InvariantCulture, $"{T("Kontroll av vyerna", "Check of the views")} {f.BeslutRelation}, {f.InsatsRelation} ({provider}, {T("läst skrivskyddat", "read-only")}), {f.Today:yyyy-MM-dd}");
        if (f.BeslutUnreadable is null) Columns(o, f, en);
        if (f.InsatsUnreadable is null && f.CatalogueCodes.Count + f.CatalogueProblems.Count > 0)
            o.AppendLine(CultureInfo.InvariantCulture, $"{f.InsatsRelation}: {f.CatalogueCodes.Count} {T("giltiga koder", "valid codes")}, {f.CodesUsed.Count(u => f.CatalogueCodes.Contains(u.Code))} {T("används av beslut", "used by beslut")}");
        if (f.PerYear.Count > 0)
            o.AppendLine(CultureInfo.InvariantCulture, $"{T("Beslut per år", "Beslut per year")}: {string.Join(" · ", f.PerYear.TakeLast(ShownYears).Select(y => $"{y.Year} {y.Beslut}"))}");
        foreach (var n in f.Candidates.GroupBy(c => c.Namnd))
            o.AppendLine(CultureInfo.InvariantCulture, $"{T("Kandidater per kvartal", "Candidates per quarter")} ({n.Key}): {string.Join(" · ", n.Select(c => $"{c.Quarter} {c.Candidates}"))}");
        DataQuality(o, f, en);
        Indexes(o, f, en);
        o.AppendLine();
        foreach (var finding in findings)
        {
            var ids = finding.SampleIds.Count > 0 ? $" (beslut_id {string.Join(", ", finding.SampleIds)})" : "";
            var label = finding.Severity == Severity.Fault ? T("FEL    ", "FAULT  ") : T("VARNING", "WARNING");
            o.AppendLine(CultureInfo.InvariantCulture, $"{label} {FindingTexts.Of(finding, en)}{ids}");
        }
        var faults = findings.Count(x => x.Severity == Severity.Fault);
        var warnings = findings.Count - faults;
        o.AppendLine(faults == 0
            ? T($"Vyn kan användas ({warnings} varning(ar)).", $"The view can be used ({warnings} warning(s)).")
            : T($"Vyn kan inte användas: {faults} fel att åtgärda, {warnings} varning(ar).", $"The view cannot be used: {faults} fault(s) to fix, {warnings} warning(s)."));
        return o.ToString();
    }

    private static void Columns(StringBuilder o, SourceFacts f, bool en)
    {
        o.AppendLine(CultureInfo.InvariantCulture, $"{f.BeslutRelation}: {f.Rows} {(en ? "rows" : "rader")}");
        o.AppendLine(en ? "  column                type                        empty   dates" : "  kolumn                typ                         tomma   datum");
        foreach (var name in SourceDoctor.BeslutColumns)
        {
            var c = f.BeslutColumns.FirstOrDefault(x => x.Name == name);
            if (c is null)
            {
                o.AppendLine(CultureInfo.InvariantCulture, $"  {name,-21} {(en ? "MISSING" : "SAKNAS")}");
                continue;
            }
            var s = f.Stats.FirstOrDefault(x => x.Name == name);
            var empty = s is null || f.Rows == 0 ? "" : Percent(s.Nulls, f.Rows);
            var range = s?.Min is not null && SourceDoctor.ShowsRange(name) ? $"{s.Min} – {s.Max}" : "";
            o.AppendLine(string.Create(CultureInfo.InvariantCulture, $"  {name,-21} {Short(c.TypeName),-27} {empty,6}   {range}").TrimEnd());
        }
    }

    private static void DataQuality(StringBuilder o, SourceFacts f, bool en)
    {
        if (f.PreviewError is not null)
        {
            o.AppendLine(CultureInfo.InvariantCulture, $"{(en ? "Candidates and data quality not computed" : "Kandidater och datakvalitet kunde inte beräknas")}: {f.PreviewError}");
            return;
        }
        if (f.DataQualityQuarter is null) return;
        var total = f.DataQuality.Sum(r => r.Count).ToString(CultureInfo.InvariantCulture);
        o.AppendLine(en ? $"Data quality a run of {f.DataQualityQuarter} would list: {total}" : $"Datakvalitet som en körning av {f.DataQualityQuarter} skulle lista: {total}");
        foreach (var r in f.DataQuality)
        {
            var ids = r.SampleIds.Count > 0 ? $" ({string.Join(", ", r.SampleIds)})" : "";
            o.AppendLine(CultureInfo.InvariantCulture, $"  {r.Count,5}  {(en ? r.Problem : DataQualityReasons.Svenska(r.Problem))}{ids}");
        }
    }

    private static void Indexes(StringBuilder o, SourceFacts f, bool en)
    {
        if (f.Indexes.Count == 0) return;
        o.AppendLine(en ? "Indexes on the underlying table (the candidate query's):" : "Index på den underliggande tabellen (kandidatfrågans):");
        foreach (var i in f.Indexes)
        {
            string? state = i.Found switch { true => i.IndexName, false => en ? "none" : "saknas", null => en ? "not checked" : "kunde inte kontrolleras" };
            o.AppendLine(CultureInfo.InvariantCulture, $"  {i.Column,-21} {state}  [{i.How}]");
        }
        if (f.CandidatePlan is not null)
            o.AppendLine(CultureInfo.InvariantCulture, $"  {(en ? "SQLite plan of the candidate query" : "SQLites plan för kandidatfrågan")}: {f.CandidatePlan}");
    }

    private static string Short(string typeName) => typeName.Length <= 27 ? typeName : typeName[..26] + "…";

    private static string Percent(long part, long whole) =>
        part == 0 ? "0 %" : (100.0 * part / whole).ToString(part * 100 < whole ? "0.0" : "0", CultureInfo.InvariantCulture) + " %";
}
