using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using EjVerkstallda.Infrastructure.Output;

namespace EjVerkstallda.Infrastructure.Documents;

/// <summary>What heads the revisorer's document: the nämnd, the quarter, the version and whether it corrects an earlier one.</summary>
public sealed record RevisorRapportHeader(string NamndNamn, string Quarter, DateOnly ReportingDay, int Version, bool Rattelse);

/// <summary>
/// The revisorer's per-case reports of a quarter's approved version as an .xlsx (confidential: IVO identifiers and the
/// reasons for the delay). Sheet "Om rapporten" heads it (nämnd, quarter, version, "Rättelse"), sheet "Rapporter" has one row
/// per report of the quarter, closing reports (verkställd, återupptagen, avslutad) included, in the underlag's order.
/// </summary>
public static class RevisorRapportXlsxRenderer
{
    public const string AboutSheet = "Om rapporten";
    public const string ReportsSheet = "Rapporter";
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static byte[] Render(RevisorRapportHeader header, IReadOnlyList<IvoUnderlagEntry> reports)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(reports);
        using var stream = new MemoryStream();
        using (var doc = SpreadsheetDocument.Create(stream, DocumentFormat.OpenXml.SpreadsheetDocumentType.Workbook))
        {
            doc.PackageProperties.Title = Title(header);
            var workbook = doc.AddWorkbookPart();
            workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = XlsxSheetWriter.Styles();
            var sheets = new Sheets();
            var filters = new List<string>
            {
                XlsxSheetWriter.AddSheet(workbook, sheets, AboutSheet, [("Uppgift", 22), ("Värde", 90)], About(header, reports)),
                XlsxSheetWriter.AddSheet(workbook, sheets, ReportsSheet,
                    RevisorRapportColumns.All.Select(c => (c.Header, c.Width)).ToList(),
                    reports.Select(e => RevisorRapportColumns.All.Select(c => c.Value(e)).ToArray())),
            };
            var names = new DefinedNames(filters.Select((f, i) => new DefinedName(f) { Name = "_xlnm._FilterDatabase", LocalSheetId = (uint)i, Hidden = true }));
            workbook.Workbook = new Workbook(sheets, names);
        }
        return stream.ToArray();
    }

    /// <summary>"Rättelse – " first when the version corrects an earlier one: the reader sees it before anything else.</summary>
    public static string Title(RevisorRapportHeader h) =>
        $"{(h.Rattelse ? "Rättelse – " : "")}Rapporter om ej verkställda beslut {h.Quarter}, version {h.Version} – {h.NamndNamn}";

    private static IEnumerable<object?[]> About(RevisorRapportHeader h, IReadOnlyList<IvoUnderlagEntry> reports) =>
    [
        ["Dokument", Title(h)],
        ["Nämnd", h.NamndNamn],
        ["Kvartal", h.Quarter],
        ["Rapporteringsdag", h.ReportingDay],
        ["Version", h.Version],
        ["Rättelse", h.Rattelse ? $"Ja: ersätter tidigare version av kvartalets rapporter (detta är version {h.Version})" : "Nej"],
        ["Antal rapporter", reports.Count],
        ["Innehåll", "En rad per rapport till IVO under kvartalet, även rapporter om verkställighet och avslut (SoL 2001:453 16 kap. 6 f–g §§, SoL 2025:400 34 kap. 1–2 §§, LSS 28 f–g §§)."],
        ["Skäl till dröjsmålet", $"Skälet som handläggaren registrerat i verksamhetssystemet; \"{RevisorRapportColumns.NoReason}\" när inget finns."],
        ["Sekretess", "Innehåller uppgifter om enskilda (IVO-identifierare). Sekretess enligt 26 kap. OSL. Inga namn eller personnummer."],
    ];
}
