using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using EjVerkstallda.Infrastructure.Tests.Mail;
using EjVerkstallda.Worker.Tests.Support;

namespace EjVerkstallda.Worker.Tests.EndToEnd;

/// <summary>
/// What a handläggare or a nämnd reads after one real run: the draft mail, the workbook, the tjänsteskrivelse and
/// <c>ejv ivo list</c>. Issue 10, defect 12 (a control character in an insats benämning failed the whole run) and
/// defect 19 (English reasons, raw codes and two labels for one status in Swedish documents).
/// </summary>
[TestFixture]
public sealed class ReaderTextTests
{
    private const string Benamning = "Hem\u0007tjänst\u000B natt";
    private const string BenamningCleaned = "Hem\\u0007tjänst\\u000b natt";

    /// <summary>Texts of the validator's reasons and codes that must not reach a Swedish reader.</summary>
    private static readonly string[] English =
    [
        "unknown insats_kod", "not in ejv_insats", "before beslutsdatum", "duplicate beslut_id", "without avslutsorsak", "none of them was judged",
        "ej_verkstallt", "skyddad_identitet", "verkstalld]", "kvarstar", "[ny",
    ];

    private string _dir = "";
    private EjvResult _run = default!;
    private EjvResult _ivoList = default!;
    private string[] _config = [];

    private string Out => Path.Combine(_dir, "out", "socialnamnden", "2024Q1");

    [OneTimeSetUp]
    public async Task RunOnce()
    {
        _dir = EjvProcess.TempFolder();
        var cases = new ContractCaseSystem(Path.Combine(_dir, "case.db"));
        cases.Execute($"INSERT INTO ejv_insats VALUES ('HT', '{Benamning}', 'SoL', 'bistand')");
        cases
            .Add("B-1", "P-1", "HT", "2023-10-01", fodd: "1940-01-01", kon: "M")
            .Add("B-2", "P-2", "HT", "2023-10-02", fodd: "1941-01-01", kon: "K")
            .Add("B-3", "P-3", "HT", "2023-10-03", fodd: "1942-01-01", kon: "K")
            // Interrupted 2023-10-01 (D 2024-01-01), resumed 2024-02-15: an avbrott closed in the quarter, "återupptagen".
            .Add("B-5", "P-5", "L4", "2022-01-01", verk: "2022-02-01", avbrott: "2023-10-01", ater: "2024-02-15")
            // D 2024-01-01, verkställd 2024-02-01: ej verkställt closed in the quarter, "verkställd".
            .Add("B-6", "P-6", "SABO", "2023-10-01", verk: "2024-02-01")
            .Add("B-7", "P-7", "SABO", "2023-10-01", skyddad: 1)
            // Data-quality rows.
            .Add("X-VB", "P-11", "SABO", "2024-01-10", verk: "2023-12-01")
            .Add("X-KOD", "P-12", "NOPE", "2023-10-01")
            .Add("X-DUP", "P-13", "SABO", "2023-10-01")
            .Add("X-DUP", "P-13", "SABO", "2023-10-02")
            .Add("X-AVS", "P-14", "SABO", "2023-10-01", avslut: "2024-01-05");
        _config =
        [
            "--Ejv:Source:Provider=sqlite", $"--Ejv:Source:ConnectionString={cases.ConnectionString}",
            "--Ejv:State:Provider=sqlite", $"--Ejv:State:ConnectionString=Data Source={Path.Combine(_dir, "state.db")}",
            $"--Ejv:Output:Folder={Path.Combine(_dir, "out")}", $"--Ejv:Mail:PickupFolder={Path.Combine(_dir, "mail")}",
            $"--Ejv:Logging:Folder={Path.Combine(_dir, "logs")}",
        ];
        TestStateStore.InitSqlite(Path.Combine(_dir, "state.db"));
        _run = await EjvProcess.RunAsync(_dir, ["run", "--quarter", "2024Q1", .. _config]);
        _ivoList = await EjvProcess.RunAsync(_dir, ["ivo", "list", "--quarter", "2024Q1", .. _config]);
    }

    [OneTimeTearDown]
    public void TearDown() => Directory.Delete(_dir, recursive: true);

    private string Draft()
    {
        var file = Directory.GetFiles(Path.Combine(_dir, "mail"), "draft.*.eml").Single();
        return AllText(MimeEntity.Parse(File.ReadAllText(file, Encoding.Latin1)));
    }

    private static string AllText(MimeEntity e) =>
        e.Parts.Count == 0 ? (e.Header("Content-Type")?.StartsWith("text/", StringComparison.OrdinalIgnoreCase) != false ? e.DecodedText() : "") : string.Join("\n", e.Parts.Select(AllText));

    /// <summary>Every row of every sheet, each as its cells' texts.</summary>
    private List<List<string>> WorkbookRows()
    {
        using var doc = SpreadsheetDocument.Open(Path.Combine(Out, "ivo-underlag.xlsx"), false);
        return doc.WorkbookPart!.WorksheetParts.SelectMany(p => p.Worksheet.Descendants<Row>())
            .Select(r =>
            {
                var cells = new List<string>();
                foreach (var c in r.Elements<Cell>())
                {
                    var column = c.CellReference!.Value!.TakeWhile(char.IsAsciiLetter).Aggregate(0, (n, ch) => n * 26 + ch - 'A' + 1) - 1;
                    while (cells.Count < column) cells.Add(""); // empty cells are not written
                    cells.Add(c.InlineString?.InnerText ?? c.CellValue?.Text ?? "");
                }
                return cells;
            }).ToList();
    }

    private string WorkbookText() => string.Join("\n", WorkbookRows().Select(r => string.Join("\t", r)));

    private string DocxText() => Infrastructure.Documents.DocxText.ExtractAll(File.ReadAllBytes(Path.Combine(Out, "statistikrapport.docx")));

    private static IEnumerable<string> RawControls(string text) =>
        text.Where(ch => char.IsControl(ch) && ch is not ('\n' or '\r' or '\t')).Select(ch => $"U+{(int)ch:X4}").Distinct();

    [Test]
    public void Run_BenamningWithControlCharacters_SucceedsAndEveryReaderSeesItWrittenOut()
    {
        Assert.That(_run.ExitCode, Is.Zero, _run.ToString());
        Assert.That(_ivoList.ExitCode, Is.Zero, _ivoList.ToString());
        var places = new Dictionary<string, string>
        {
            ["statistikrapport.docx"] = DocxText(), ["ivo-underlag.xlsx"] = WorkbookText(), ["ivo list"] = _ivoList.Stdout, ["draft"] = Draft(),
        };
        foreach (var (place, text) in places)
            Assert.That(RawControls(text), Is.Empty, $"raw control characters in {place}");
        foreach (var place in new[] { "draft", "ivo-underlag.xlsx", "ivo list" })
            Assert.That(places[place], Does.Contain(BenamningCleaned), $"{place} shows the benämning, written out by the one rule");
        // Issue 12: an insats with no approved public name is never printed by its catalogue text in the public document.
        Assert.That(places["statistikrapport.docx"], Does.Not.Contain(BenamningCleaned).And.Not.Contain("Hem\\u0007").And.Contain("Övriga insatser enligt SoL"));
        Assert.That(Directory.GetFiles(Path.Combine(_dir, "logs")).Select(File.ReadAllText), Has.None.Contain("   at "), "no stack trace in the log");
    }

    [Test]
    public void Run_DataQualityAndClosedCases_EveryReaderGetsSwedishAndOneLabelPerStatus()
    {
        Assert.That(_run.ExitCode, Is.Zero, _run.ToString());
        var places = new Dictionary<string, string>
        {
            ["draft"] = Draft(), ["ivo-underlag.xlsx"] = WorkbookText(), ["statistikrapport.docx"] = DocxText(), ["ivo list"] = _ivoList.Stdout,
        };
        foreach (var (place, text) in places)
            foreach (var english in English)
                Assert.That(text, Does.Not.Contain(english), $"'{english}' in {place}");
        Assert.That(places["draft"], Does.Contain("X-KOD: ").And.Contain("X-VB: ").And.Contain("X-DUP: ").And.Contain("X-AVS: "), "every problem is listed");

        var rows = WorkbookRows();
        var header = rows.First(r => r.Contains("Status"));
        string XlsxStatus(string id) => rows.First(r => r.Count > 0 && r[0] == id)[header.IndexOf("Status")];
        foreach (var (id, label) in new[] { ("B-5", "Återupptagen"), ("B-6", "Verkställd"), ("B-1", "Ny") })
        {
            Assert.That(XlsxStatus(id), Is.EqualTo(label), $"{id} in the workbook");
            Assert.That(_ivoList.Stdout, Does.Contain($"{id} [{label}"), $"{id} in ivo list");
        }
        // The workbook's and the draft's reason texts are the same words.
        var problems = rows.Where(r => r.Count > 1 && r[0] == "X-KOD").Select(r => r[1]).ToList();
        Assert.That(problems, Has.Count.EqualTo(1));
        Assert.That(places["draft"], Does.Contain("X-KOD: " + problems[0]));
    }
}
