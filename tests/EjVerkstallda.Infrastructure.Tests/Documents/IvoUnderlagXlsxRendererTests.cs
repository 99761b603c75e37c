using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using EjVerkstallda.Core.Avgift;
using EjVerkstallda.Core.Beslut;
using EjVerkstallda.Core.Classification;
using EjVerkstallda.Infrastructure.Documents;

namespace EjVerkstallda.Infrastructure.Tests.Documents;

public class IvoUnderlagXlsxRendererTests
{
    private static readonly DataQualityProblem[] Problems =
    [
        new("B-9", "verkstallighetsdatum before beslutsdatum"),
        new(null, "beslut_id missing (row 3 of the candidates)", Excluded: true),
    ];

    private static (IReadOnlyList<IvoReport> Reports, byte[] Bytes) RenderSample()
    {
        var reports = SampleData.SampleReports();
        var manual = reports[1].Beslut.Id;
        var bytes = IvoUnderlagXlsxRenderer.Render(reports, r => r.Beslut.Id == manual ? null : "19400101-T123", Problems,
            AvgiftRiskRule.Assess(reports, SampleData.Quarter.ReportingDay));
        return (reports, bytes);
    }

    [Test]
    public void Render_Sample_ValidatorFindsNoErrors()
    {
        using var doc = SpreadsheetDocument.Open(new MemoryStream(RenderSample().Bytes), false);
        var errors = new OpenXmlValidator(DocumentFormat.OpenXml.FileFormatVersions.Office2016).Validate(doc).ToList();
        Assert.That(errors, Is.Empty, string.Join("\n", errors.Take(10).Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}")));
    }

    [Test]
    public void Render_Sample_HasFourSheetsWithAutoFilterAndFrozenHeader()
    {
        using var doc = SpreadsheetDocument.Open(new MemoryStream(RenderSample().Bytes), false);
        var names = doc.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value).ToList();
        Assert.That(names, Is.EqualTo(new[] { "IVO-rapporter", "Manuell hantering", "Datakvalitet", "Risk för särskild avgift" }));
        foreach (var ws in Worksheets(doc))
        {
            Assert.That(ws.Descendants<AutoFilter>().Single().Reference!.Value, Does.StartWith("A1:"));
            Assert.That(ws.Descendants<Pane>().Single().State!.Value, Is.EqualTo(PaneStateValues.Frozen));
        }
    }

    [Test]
    public void Render_Sample_OneRowPerReportInColumnOrder()
    {
        var (reports, bytes) = RenderSample();
        using var doc = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var rows = Worksheets(doc)[0].Descendants<Row>().ToList();
        Assert.That(rows, Has.Count.EqualTo(reports.Count + 1));
        Assert.That(rows[0].Elements<Cell>().Select(c => c.InnerText), Is.EqualTo(IvoUnderlagColumns.All.Select(c => c.Header)));
        Assert.That(rows[0].Elements<Cell>().All(c => c.StyleIndex?.Value == 1u), Is.True, "header bold");

        var first = reports[0];
        var cells = rows[1].Elements<Cell>().ToDictionary(c => new string(c.CellReference!.Value!.TakeWhile(char.IsLetter).ToArray()));
        Assert.That(cells["A"].InnerText, Is.EqualTo(first.Beslut.Id));
        Assert.That(cells["B"].InnerText, Is.EqualTo(first.Lagrum));
        Assert.That(cells["C"].InnerText, Is.EqualTo(first.Beslut.Insats.Benamning));
        Assert.That(DateOnly.FromDateTime(DateTime.FromOADate(double.Parse(cells["D"].CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture))), Is.EqualTo(first.Beslut.Beslutsdatum));
        Assert.That(cells["D"].StyleIndex!.Value, Is.EqualTo(2u), "date format");
        Assert.That(cells["F"].InnerText, Is.EqualTo("19400101-T123"));
        Assert.That(cells["M"].InnerText, Is.EqualTo(first.Beslut.Skal));
        Assert.That(cells["P"].CellValue!.Text, Is.EqualTo(first.DaysSinceStart.ToString()));
    }

    [Test]
    public void Render_Sample_ManualAndDataQualitySheetsFilled()
    {
        var (reports, bytes) = RenderSample();
        using var doc = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var sheets = Worksheets(doc);
        var manual = sheets[1].Descendants<Row>().Skip(1).ToList();
        Assert.That(manual, Has.Count.EqualTo(1));
        Assert.That(manual[0].Elements<Cell>().First().InnerText, Is.EqualTo(reports[1].Beslut.Id));
        var problems = sheets[2].Descendants<Row>().Skip(1).Select(r => r.Elements<Cell>().Select(c => c.InnerText).ToArray()).ToList();
        Assert.That(problems, Is.EqualTo(new[]
        {
            new[] { "B-9", "verkställighetsdatum är före beslutsdatum", "Ja" }, // the Swedish text of the reason (issue 10, defect 19)
            new[] { "(saknas)", "beslut_id saknas (rad 3 bland de lästa raderna)", "Ja" },
        }));
    }

    [Test]
    public void Render_NoReports_StillValidWithHeadersOnly()
    {
        var bytes = IvoUnderlagXlsxRenderer.Render([], _ => null, [], AvgiftRiskRule.Assess([], SampleData.Quarter.ReportingDay));
        using var doc = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        Assert.That(new OpenXmlValidator().Validate(doc), Is.Empty);
        Assert.That(Worksheets(doc)[0].Descendants<Row>().Count(), Is.EqualTo(1));
    }

    [Test]
    public void Render_Sample_RiskSheetListsEveryOpenReportOldestFirstWithBandTwoYearDayAndFeeRange()
    {
        var (reports, bytes) = RenderSample();
        using var doc = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var rows = Worksheets(doc)[3].Descendants<Row>().Select(ByColumn).ToList();
        Assert.That(rows[0].Values, Is.EqualTo(new[]
        {
            "Beslut-id", "Ärende", "Beslutsdatum", "Avbrottsdatum", "Månader", "Ålder", "Tvåårsdag", "Dagar kvar", "Två år",
            "Avgift lägst (kr)", "Avgift högst (kr)", "Lagrum för avgiften",
        }));
        var open = reports.Where(r => r.IsOpen).ToList();
        Assert.That(rows, Has.Count.EqualTo(open.Count + 1), "one row per open report; closing reports are not at risk any more");
        var months = rows.Skip(1).Select(r => int.Parse(r["E"], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.That(months, Is.Ordered.Descending);
        var first = rows[1];
        var kind = first.ContainsKey("D") ? CaseKind.Avbrott : CaseKind.EjVerkstallt;
        var oldest = AvgiftRiskRule.Fall(open.Single(r => r.Beslut.Id == first["A"] && r.Kind == kind), SampleData.Quarter.ReportingDay);
        Assert.That(first["F"], Is.EqualTo(AvgiftEtiketter.Band(oldest.Band)));
        Assert.That(first.GetValueOrDefault("I", ""), Is.EqualTo(AvgiftEtiketter.Lage(oldest.Lage)));
        Assert.That((first["J"], first["K"], first["L"]), Is.EqualTo(("10000", "1000000", oldest.Avgift.Lagrum)), "the oldest beslut is from before 2026");
    }

    private static SortedDictionary<string, string> ByColumn(Row row) =>
        new(row.Elements<Cell>().ToDictionary(c => new string(c.CellReference!.Value!.TakeWhile(char.IsLetter).ToArray()), c => c.InnerText), StringComparer.Ordinal);

    private static List<Worksheet> Worksheets(SpreadsheetDocument doc)
    {
        var wb = doc.WorkbookPart!;
        return wb.Workbook.Sheets!.Elements<Sheet>().Select(s => ((WorksheetPart)wb.GetPartById(s.Id!.Value!)).Worksheet).ToList();
    }
}
