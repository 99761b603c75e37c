using System.Globalization;
using System.Text;
using EjVerkstallda.Core.Import;
using EjVerkstallda.Infrastructure.Documents;
using EjVerkstallda.Infrastructure.Import;

namespace EjVerkstallda.Infrastructure.Tests.Documents;

/// <summary>
/// The import templates in deploy/import: each .xlsx is made from its CSV (set EJV_WRITE_TEMPLATES=1 to write them) and
/// must read back as the same table, so the two never drift apart; both pass the import's own rules for their form.
/// </summary>
[TestFixture]
public sealed class ImportTemplateTests
{
    private static string Folder => Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "deploy", "import"));

    private static readonly (string Sheet, string Column, string Text)[] Help =
    [
        ("historik", "beslut_id", "beslutets id, precis som vyn ejv_beslut har det"),
        ("historik", "kind", "ej_verkstallt (räknas från beslutsdatum) eller avbrott (räknas från avbrottsdatum)"),
        ("historik", "avbrottsdatum", "bara för avbrott: dagen verkställigheten avbröts, ÅÅÅÅ-MM-DD; tomt för ej_verkstallt"),
        ("historik", "ivo_id", "identiteten kommunen använt hos IVO: ÅÅÅÅMMDD-T### (födelsedatum; tredje tecknet efter bindestrecket jämnt för kvinna, udda för man); samma för personens alla rader"),
        ("historik", "first_quarter", "kvartalet för första rapporten, ÅÅÅÅQn"),
        ("historik", "last_quarter", "kvartalet för senaste rapporten; före det första kvartal produkten kör"),
        ("historik", "last_status", "senaste rapportens status: ny, kvarstar, verkstalld eller avslutad"),
        ("trend", "quarter", "kvartalet, ÅÅÅÅQn (ett kvartal som har tagit slut)"),
        ("trend", "lag", "SoL eller LSS"),
        ("trend", "kind", "ej_verkstallt eller avbrott"),
        ("trend", "open", "antal öppna ärenden vid kvartalets slut"),
    ];

    [TestCase("historik-mall", "Historik")]
    [TestCase("trend-mall", "Trend")]
    public async Task Template_XlsxReadsBackAsTheCsv(string name, string sheet)
    {
        var csv = await ImportFile.ReadAsync(Path.Combine(Folder, name + ".csv"), CancellationToken.None);
        var xlsxPath = Path.Combine(Folder, name + ".xlsx");
        if (Environment.GetEnvironmentVariable("EJV_WRITE_TEMPLATES") == "1")
            await File.WriteAllBytesAsync(xlsxPath, Render(csv.Table, sheet, name.StartsWith("historik", StringComparison.Ordinal) ? "historik" : "trend"));
        var xlsx = await ImportFile.ReadAsync(xlsxPath, CancellationToken.None);
        Assert.That(xlsx.Table.Header, Is.EqualTo(csv.Table.Header));
        Assert.That(xlsx.Table.Lines.Select(l => (l.Number, string.Join(";", l.Cells))), Is.EqualTo(csv.Table.Lines.Select(l => (l.Number, string.Join(";", l.Cells)))));
    }

    [Test]
    public async Task Templates_HaveTheContractsHeaders()
    {
        var history = await ImportFile.ReadAsync(Path.Combine(Folder, "historik-mall.csv"), CancellationToken.None);
        var trend = await ImportFile.ReadAsync(Path.Combine(Folder, "trend-mall.csv"), CancellationToken.None);
        Assert.That(history.Table.Header, Is.EqualTo(HistoryColumns.History));
        Assert.That(trend.Table.Header, Is.EqualTo(HistoryColumns.Trend));
        Assert.That(TrendValidator.Validate(trend.Table, new Core.Kvartal.Kvartal(2026, 4)).Errors, Is.Empty);
    }

    [Test]
    public async Task ImportFile_NotUtf8_IsRefusedWithWhatToDo()
    {
        var path = Path.Combine(Path.GetTempPath(), $"ejv-latin1-{Environment.ProcessId}.csv");
        await File.WriteAllBytesAsync(path, Encoding.Latin1.GetBytes("beslut_id;kind\nB-Å;ej_verkstallt\n"));
        try
        {
            var ex = await Assert.ThrowsAsync<ImportFileException>(() => ImportFile.ReadAsync(path, CancellationToken.None));
            Assert.That(ex!.Message, Does.Contain("is not UTF-8 text; in Excel save it as \"CSV UTF-8 (kommaavgränsad)\""));
        }
        finally { File.Delete(path); }
    }

    /// <summary>The template's rows as a sheet (dates as Excel dates, as a user typing them gets), then the column help.</summary>
    private static byte[] Render(ImportTable table, string sheet, string help) => XlsxWorkbook.Render(
    [
        new XlsxSheet(sheet, table.Header.Select(h => (h, 16d)).ToList(),
            table.Lines.Select(l => l.Cells.Select(c => (object?)(DateOnly.TryParseExact(c, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d
                : c.Length == 0 ? null : int.TryParse(c, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : c)).ToArray())),
        new XlsxSheet("Instruktioner", [("Kolumn", 16), ("Vad den betyder", 110)],
            Help.Where(h => h.Sheet == help).Select(h => new object?[] { h.Column, h.Text })),
    ]);
}
