using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using EjVerkstallda.Core.Avgift;
using EjVerkstallda.Core.Beslut;
using EjVerkstallda.Core.Classification;
using EjVerkstallda.Core.Ivo;

namespace EjVerkstallda.Infrastructure.Documents;

/// <summary>
/// Writes <c>ivo-underlag.xlsx</c> for the handläggare (confidential: holds ids and free text). Sheets:
/// "IVO-rapporter" (one row per report, columns of <see cref="IvoUnderlagColumns"/>), "Manuell hantering"
/// (reports without an IVO identifier and why), "Datakvalitet" (rows the product could not judge) and "Risk för särskild
/// avgift" (the open cases, oldest first, with their age band, two-year day and fee range: <see cref="AvgiftRiskRule"/>).
/// </summary>
public static class IvoUnderlagXlsxRenderer
{
    public const string ReportsSheet = "IVO-rapporter";
    public const string ManualSheet = "Manuell hantering";
    public const string ProblemsSheet = "Datakvalitet";
    public const string AvgiftSheet = "Risk för särskild avgift";

    /// <param name="ivoIdOf">The identifier the state store gave the report's person; null sends the report to manual handling.</param>
    /// <param name="avgiftRisk">The quarter's fee risk, assessed as of the day the reports were judged.</param>
    public static byte[] Render(IReadOnlyList<IvoReport> reports, Func<IvoReport, string?> ivoIdOf, IReadOnlyList<DataQualityProblem> problems, AvgiftRisk avgiftRisk)
    {
        ArgumentNullException.ThrowIfNull(avgiftRisk);
        ArgumentNullException.ThrowIfNull(reports);
        ArgumentNullException.ThrowIfNull(ivoIdOf);
        ArgumentNullException.ThrowIfNull(problems);
        var rows = reports.Select(r => new IvoUnderlagRow(r, ivoIdOf(r))).ToList();

        using var stream = new MemoryStream();
        using (var doc = SpreadsheetDocument.Create(stream, DocumentFormat.OpenXml.SpreadsheetDocumentType.Workbook))
        {
            var workbook = doc.AddWorkbookPart();
            workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = XlsxSheetWriter.Styles();
            var sheets = new Sheets();
            var filters = new List<string>
            {
                XlsxSheetWriter.AddSheet(workbook, sheets, ReportsSheet,
                    IvoUnderlagColumns.All.Select(c => (c.Header, c.Width)).ToList(),
                    rows.Select(r => IvoUnderlagColumns.All.Select(c => c.Value(r)).ToArray())),
                XlsxSheetWriter.AddSheet(workbook, sheets, ManualSheet,
                    [("Beslut-id", 14), ("Lagrum", 24), ("Insats", 30), ("Beslutsdatum", 13), ("Avbrottsdatum", 13), ("Status", 14), ("Orsak", 50)],
                    rows.Where(r => r.IvoId is null).Select(ManualRow)),
                XlsxSheetWriter.AddSheet(workbook, sheets, ProblemsSheet,
                    [("Beslut-id", 14), ("Problem", 80), ("Utesluten", 10)],
                    problems.Select(p => new object?[] { p.BeslutId ?? "(saknas)", DataQualityReasons.Svenska(p.Problem), p.Excluded ? "Ja" : "Nej" })),
                XlsxSheetWriter.AddSheet(workbook, sheets, AvgiftSheet, AvgiftColumns, avgiftRisk.Fall.Select(AvgiftRow)),
            };
            var names = new DefinedNames(filters.Select((f, i) => new DefinedName(f) { Name = "_xlnm._FilterDatabase", LocalSheetId = (uint)i, Hidden = true }));
            workbook.Workbook = new Workbook(sheets, names);
        }
        return stream.ToArray();
    }

    private static readonly (string Header, double Width)[] AvgiftColumns =
    [
        ("Beslut-id", 14), ("Ärende", 22), ("Beslutsdatum", 13), ("Avbrottsdatum", 13), ("Månader", 9), ("Ålder", 20),
        ("Tvåårsdag", 12), ("Dagar kvar", 10), ("Två år", 18), ("Avgift lägst (kr)", 14), ("Avgift högst (kr)", 14), ("Lagrum för avgiften", 50),
    ];

    private static object?[] AvgiftRow(AvgiftRiskFall f) =>
    [
        f.BeslutId,
        Etiketter.Kind(f.Kind),
        f.Beslutsdatum,
        f.Kind == CaseKind.Avbrott ? f.Start : null,
        f.Manader,
        AvgiftEtiketter.Band(f.Band),
        f.TvaArsdag,
        f.DagarTillTvaAr,
        AvgiftEtiketter.Lage(f.Lage),
        f.Avgift.LagstKr,
        f.Avgift.HogstKr,
        f.Avgift.Lagrum,
    ];

    private static object?[] ManualRow(IvoUnderlagRow r) =>
    [
        r.Report.Beslut.Id,
        r.Report.Lagrum,
        r.Report.Beslut.Insats.Benamning,
        r.Report.Beslut.Beslutsdatum,
        r.Report.Kind == CaseKind.Avbrott ? r.Report.Start : null,
        IvoUnderlagColumns.StatusText(r.Report),
        IvoUnderlagColumns.ManualReasonText(IvoId.ManualHandlingReason(r.Report.Beslut)),
    ];
}
