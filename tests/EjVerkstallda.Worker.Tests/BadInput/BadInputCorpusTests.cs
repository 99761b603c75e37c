using System.IO.Compression;
using System.Text;
using System.Text.Json;
using EjVerkstallda.Infrastructure.Tests.Mail;
using EjVerkstallda.Worker.Tests.Support;

namespace EjVerkstallda.Worker.Tests.BadInput;

/// <summary>
/// <c>ejv run</c> over the bad-input corpus (<see cref="BadInputCorpus"/>): the run finishes, every bad row is listed with
/// its id and reason, the valid rows get the contract's statuses, and no planted free text reaches a public output, an
/// e-mail or the console. One run serves every assertion; each row is its own test case so a failure names the row.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class BadInputCorpusTests
{
    private string _dir = "";
    private ContractCaseSystem _cases = default!;
    private EjvResult _run = default!;
    private EjvResult _status = default!;
    private Underlag _underlag = default!;
    private string[] _config = [];

    private string Out => Path.Combine(_dir, "out", "socialnamnden", "2024Q1");

    [OneTimeSetUp]
    public async Task RunTheCorpus()
    {
        _dir = EjvProcess.TempFolder();
        TestStateStore.InitSqlite(Path.Combine(_dir, "state.db"));
        _cases = new ContractCaseSystem(Path.Combine(_dir, "case.db"));
        foreach (var row in BadInputCorpus.Rows.Append(BadInputCorpus.Avbrott))
        {
            var values = new Dictionary<string, object?>(BadInputCorpus.Base(row.Id));
            foreach (var (column, value) in row.Values) values[column] = value;
            _cases.AddRow(values);
        }
        _config =
        [
            "--Ejv:Source:Provider=sqlite", $"--Ejv:Source:ConnectionString={_cases.ConnectionString}",
            "--Ejv:State:Provider=sqlite", $"--Ejv:State:ConnectionString=Data Source={Path.Combine(_dir, "state.db")}",
            $"--Ejv:Output:Folder={Path.Combine(_dir, "out")}", $"--Ejv:Mail:PickupFolder={Path.Combine(_dir, "mail")}",
        ];
        _run = await EjvProcess.RunAsync(_dir, ["run", "--quarter", "2024Q1", .. _config]);
        _status = await EjvProcess.RunAsync(_dir, ["status", .. _config]);
        Assert.That(_run.ExitCode, Is.Zero, _run.ToString());
        _underlag = Underlag.Read(Path.Combine(_dir, "out"), "socialnamnden", "2024Q1");
    }

    [OneTimeTearDown]
    public void TearDown() => Directory.Delete(_dir, recursive: true);

    public static IEnumerable<CorpusRow> Excluded => BadInputCorpus.Rows.Where(r => r.Handling == Handling.Excluded).DistinctBy(r => (r.Id, r.Reason));

    public static IEnumerable<CorpusRow> Judged => BadInputCorpus.Rows.Where(r => r.Handling is Handling.Reported or Handling.Warning);

    [Test]
    public void Corpus_HasAtLeastThirtyKindsOfBadRows() =>
        Assert.That(BadInputCorpus.Rows.Count(r => !r.Kind.StartsWith("valid", StringComparison.Ordinal)), Is.GreaterThanOrEqualTo(30));

    [TestCaseSource(nameof(Excluded))]
    public void Run_BadRow_ListedInDataQualityWithIdAndReasonAndNotReported(CorpusRow row)
    {
        var expected = BadInputCorpus.Rows.Count(r => r.Id == row.Id && r.Reason == row.Reason && r.Handling == Handling.Excluded);
        if (row.Reason!.StartsWith("duplicate", StringComparison.Ordinal)) expected = 1; // one entry per duplicated id
        Assert.That(_underlag.DataQuality.Count(p => p.BeslutId == row.Id && p.Problem!.StartsWith(row.Reason, StringComparison.Ordinal)),
            Is.EqualTo(expected), string.Join("\n", _underlag.DataQuality));
        if (row.Id is not null) Assert.That(_underlag.Ids, Has.No.Member(row.Id));
    }

    [TestCaseSource(nameof(Judged))]
    public void Run_ReadableRow_ReportedWithTheContractsStatus(CorpusRow row)
    {
        var report = _underlag.Report(row.Id!);
        Assert.That(report, Is.Not.Null, $"{row.Id} not reported; dataQuality: {string.Join("\n", _underlag.DataQuality)}");
        Assert.That(report.Str("status"), Is.EqualTo(row.Status));
        var problems = _underlag.DataQuality.Where(p => p.BeslutId == row.Id).Select(p => p.Problem).ToList();
        Assert.That(problems, row.Handling == Handling.Warning ? Has.Some.StartsWith(row.Reason!) : Is.Empty);
    }

    [Test]
    public void Run_ValidRows_GetTheContractsResults()
    {
        Assert.That((_underlag.Report("V-1").Str("deadline"), _underlag.Report("V-1").Str("late")), Is.EqualTo(("2024-02-29", "False")));
        Assert.That(_underlag.Report("V-2").Str("late"), Is.EqualTo("True"));
        Assert.That((_underlag.Report("V-4").Str("avslutsdatum"), _underlag.Report("V-4").Str("avslutsorsak")), Is.EqualTo(("2024-01-20", "avliden")));
        var avbrott = _underlag.Report("V-5", "avbrott");
        Assert.That((avbrott.Str("status"), avbrott.Str("deadline")), Is.EqualTo(("ny", "2024-03-20")));
        Assert.That(_underlag.Ids, Has.No.Member("V-3").And.No.Member("V-6"));
        Assert.That(_underlag.Report("X-KONX").Str("ivoId"), Is.Null, "kon X: manual handling");
        Assert.That(_underlag.Report("X-OPTNULL").Str("ivoId"), Is.Null, "no birth date: manual handling");
        Assert.That(_underlag.Report("X-KONK").Str("ivoId"), Does.Match(@"^19500101-T\d\d\d$"));
        Assert.That(_underlag.Reports.Select(r => r.GetProperty("beslutId").GetString()), Is.Unique);
    }

    /// <summary>CONTRACT section 4 (issue 10 defect 4): reported, ivoId null, manual handling with the reason, dataQuality excluded false.</summary>
    [TestCase("X-FAB", "fodelsedatum_ogiltigt")]
    [TestCase("X-F1900", "fodelsedatum_ogiltigt")]
    [TestCase("X-KONX", "kon_okant")]
    [TestCase("X-OPTNULL", "fodelsedatum_saknas")]
    public void Run_PersonDataDefect_ReportedWithoutIvoIdForManualHandlingNotExcluded(string id, string reason)
    {
        var manual = _underlag.Root.GetProperty("manualHandling").EnumerateArray().Where(m => m.GetProperty("beslutId").GetString() == id).ToList();
        var quality = _underlag.Root.GetProperty("dataQuality").EnumerateArray().Where(p => p.GetProperty("beslutId").GetString() == id).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(_underlag.Report(id).Str("status"), Is.EqualTo("ny"));
            Assert.That(_underlag.Report(id).Str("ivoId"), Is.Null);
            Assert.That(manual.Select(m => m.GetProperty("reason").GetString()), Is.EqualTo(new[] { reason }));
            Assert.That(quality.Select(p => p.GetProperty("excluded").GetBoolean()), Is.EqualTo(new[] { false }));
        });
    }

    [Test]
    public void Run_HostileSql_CaseSystemUnchanged()
    {
        _cases.Execute("CREATE TABLE probe AS SELECT (SELECT count(*) FROM ejv_beslut) AS b, (SELECT count(*) FROM ejv_insats) AS i");
        using var c = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_cases.Path};Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT b, i FROM probe";
        using var r = cmd.ExecuteReader();
        Assert.That(r.Read(), Is.True);
        Assert.That((r.GetInt64(0), r.GetInt64(1)), Is.EqualTo(((long)BadInputCorpus.Rows.Count + 1, 5L)));
    }

    [Test]
    public void Run_PlantedFreeText_ReachesNoPublicOutputMailOrConsole()
    {
        var places = new Dictionary<string, string>
        {
            ["statistikrapport.json"] = File.ReadAllText(Path.Combine(Out, "statistikrapport.json")),
            ["statistikrapport.docx word/document.xml"] = DocumentXml(Path.Combine(Out, "statistikrapport.docx")),
            ["run stdout"] = _run.Stdout, ["run stderr"] = _run.Stderr, ["status stdout"] = _status.Stdout, ["status stderr"] = _status.Stderr,
        };
        var mails = Directory.GetFiles(Path.Combine(_dir, "mail"), "*.eml");
        Assert.That(mails, Is.Not.Empty, "the draft was written to the pickup folder");
        foreach (var file in mails)
        {
            var mail = MimeEntity.Parse(File.ReadAllText(file, Encoding.Latin1));
            places[Path.GetFileName(file)] = mail.DecodedHeader("Subject") + "\n" + AllText(mail);
        }
        foreach (var (place, text) in places)
            foreach (var planted in BadInputCorpus.Planted)
                Assert.That(text.Contains(planted, StringComparison.Ordinal), Is.False, $"{JsonSerializer.Serialize(planted)} leaked into {place}"); // ordinal: a culture-aware search finds an RTL mark everywhere
    }

    [Test]
    public void Run_Corpus_DraftListsEveryProblem()
    {
        var draft = Directory.GetFiles(Path.Combine(_dir, "mail"), "draft.*.eml").Single();
        var body = AllText(MimeEntity.Parse(File.ReadAllText(draft, Encoding.Latin1)));
        Assert.That(body, Does.Contain($"Datakvalitet: {_underlag.DataQuality.Count} anmärkning(ar)"));
        Assert.That(body, Does.Contain("X-VB: verkställighetsdatum är före beslutsdatum (ej bedömd)"), "in Swedish (issue 10, defect 19)");
    }

    [Test]
    public async Task Run_ControlCharactersFromTheCaseSystem_NeverReachConsoleOrMail()
    {
        var ivoList = await EjvProcess.RunAsync(_dir, ["ivo", "list", "--quarter", "2024Q1", .. _config]);
        Assert.That(ivoList.ExitCode, Is.Zero, ivoList.ToString());
        var draft = Directory.GetFiles(Path.Combine(_dir, "mail"), "draft.*.eml").Single();
        var places = new Dictionary<string, string>
        {
            ["run"] = _run.Stdout + _run.Stderr, ["status"] = _status.Stdout + _status.Stderr, ["ivo list"] = ivoList.Stdout + ivoList.Stderr,
            ["draft"] = AllText(MimeEntity.Parse(File.ReadAllText(draft, Encoding.Latin1))),
        };
        foreach (var (place, text) in places)
        {
            var bad = text.Where(ch => char.IsControl(ch) && ch is not ('\n' or '\r' or '\t')).Select(ch => $"U+{(int)ch:X4}").Distinct();
            Assert.That(bad, Is.Empty, $"raw control characters in {place}");
        }
        Assert.That(ivoList.Stdout, Does.Contain("Skäl: \\u0007\\u001b[31mFiktiva Persson"), "the handläggare still sees the skal, written out");
    }

    [Test]
    public void Run_Corpus_IvoWorkbookIsWellFormedAndWithinExcelsCellLimit()
    {
        using var zip = ZipFile.OpenRead(Path.Combine(Out, "ivo-underlag.xlsx"));
        foreach (var entry in zip.Entries.Where(e => e.FullName.EndsWith(".xml", StringComparison.Ordinal)))
        {
            using var stream = entry.Open();
            var xml = System.Xml.Linq.XDocument.Load(stream);
            var longest = xml.Descendants().Where(e => e.Name.LocalName == "t").Select(e => e.Value.Length).DefaultIfEmpty(0).Max();
            Assert.That(longest, Is.LessThanOrEqualTo(32_767), entry.FullName);
        }
    }

    private static string AllText(MimeEntity m) =>
        m.Parts.Count == 0 ? (m.FileName is null ? m.DecodedText() : "") : string.Join("\n", m.Parts.Select(AllText));

    private static string DocumentXml(string docx)
    {
        using var zip = ZipFile.OpenRead(docx);
        using var reader = new StreamReader(zip.GetEntry("word/document.xml")!.Open());
        return reader.ReadToEnd();
    }
}
