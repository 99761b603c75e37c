using System.Text;
using EjVerkstallda.Infrastructure.Tests.Mail;
using EjVerkstallda.Worker.Tests.Support;

namespace EjVerkstallda.Worker.Tests.EndToEnd;

/// <summary>
/// Issue 12, the public statistikrapport's two privacy defects, on the built executable and a contract case system:
/// 2024Q1 has 3 K / 3 M open; 2024Q2 adds one Kontaktfamilj case of a boy (3 K / 4 M), whose insats has a catalogue text
/// that names a family and an address. Read back from the .docx as a reader of the public document would.
/// </summary>
[TestFixture]
public sealed class StatistikPrivacyTests
{
    private const string Leaky = "Kontaktfamilj hos familjen Andersson på Storgatan 5";

    private string _dir = "";
    private string[] _config = [];
    private EjvResult _q1 = default!;
    private EjvResult _q2 = default!;
    private EjvResult _status = default!;

    [OneTimeSetUp]
    public async Task RunTwoQuarters()
    {
        _dir = EjvProcess.TempFolder();
        var cases = new ContractCaseSystem(Path.Combine(_dir, "case.db"));
        cases.Execute($"INSERT INTO ejv_insats VALUES ('KFN', '{Leaky}', 'SoL', 'bistand')");
        var kon = new[] { "K", "K", "K", "M", "M", "M" };
        for (var i = 0; i < kon.Length; i++)
            cases.Add($"B-{i + 1}", $"P-{i + 1}", "SABO", $"2023-10-0{i + 1}", fodd: $"194{i}-01-01", kon: kon[i]);
        // Deadline 2024-04-15: not reportable in 2024Q1, new in 2024Q2.
        cases.Add("B-7", "P-7", "KFN", "2024-01-15", fodd: "2015-05-05", kon: "M");
        _config =
        [
            "--Ejv:Source:Provider=sqlite", $"--Ejv:Source:ConnectionString={cases.ConnectionString}",
            "--Ejv:State:Provider=sqlite", $"--Ejv:State:ConnectionString=Data Source={Path.Combine(_dir, "state.db")}",
            $"--Ejv:Output:Folder={Path.Combine(_dir, "out")}", $"--Ejv:Mail:PickupFolder={Path.Combine(_dir, "mail")}",
            $"--Ejv:Logging:Folder={Path.Combine(_dir, "logs")}", "--Ejv:Statistik:InsatsNamn:SABO=Särskilt boende",
        ];
        TestStateStore.InitSqlite(Path.Combine(_dir, "state.db"));
        _q1 = await EjvProcess.RunAsync(_dir, ["run", "--quarter", "2024Q1", .. _config]);
        _q2 = await EjvProcess.RunAsync(_dir, ["run", "--quarter", "2024Q2", .. _config]);
        _status = await EjvProcess.RunAsync(_dir, ["status", .. _config]);
    }

    [OneTimeTearDown]
    public void TearDown() => Directory.Delete(_dir, recursive: true);

    private string Docx(string quarter) => Infrastructure.Documents.DocxText.ExtractAll(
        File.ReadAllBytes(Path.Combine(_dir, "out", "socialnamnden", quarter, "statistikrapport.docx")));

    private string Draft(string quarter)
    {
        var file = Directory.GetFiles(Path.Combine(_dir, "mail"), $"draft.socialnamnden.{quarter}.*.eml").Single();
        var e = MimeEntity.Parse(File.ReadAllText(file, Encoding.Latin1));
        return string.Join("\n", e.Parts.Count == 0 ? [e.DecodedText()] : e.Parts.Where(p => p.Parts.Count == 0 && p.Header("Content-Type")?.StartsWith("text/", StringComparison.OrdinalIgnoreCase) == true).Select(p => p.DecodedText()));
    }

    [Test]
    public void Runs_BothQuarters_Succeed()
    {
        Assert.That(_q1.ExitCode, Is.Zero, _q1.ToString());
        Assert.That(_q2.ExitCode, Is.Zero, _q2.ToString());
    }

    [Test]
    public void Docx_FirstQuarter_ShowsTheKonBreakdown()
    {
        Assert.That(Docx("2024Q1"), Does.Contain("gäller 3 kvinnor eller flickor och 3 män eller pojkar"));
    }

    [Test]
    public void Docx_SecondQuarterOneNewBoy_LeavesTheKonBreakdownOutAndSaysWhy()
    {
        var text = Docx("2024Q2");
        Assert.That(text, Does.Not.Contain("4 män eller pojkar"), "3 K / 4 M after 3 K / 3 M names the new case's kön");
        Assert.That(text, Does.Contain("Fördelningen per kön redovisas inte detta kvartal eftersom förändringen mot föregående kvartal är för liten för att inte röja enskilda"));
    }

    [Test]
    public void Docx_UnapprovedCatalogueText_IsNotPublishedButPrintedUnderTheNeutralHeading()
    {
        var text = Docx("2024Q2");
        Assert.That(text, Does.Not.Contain("Andersson").And.Not.Contain("Storgatan"));
        Assert.That(text, Does.Contain("Övriga insatser enligt SoL"));
        Assert.That(text, Does.Contain("Särskilt boende"), "the approved name is printed");
    }

    [Test]
    public void Draft_UnapprovedCatalogueText_IsShownToTheHandlaggareForApproval()
    {
        Assert.That(Draft("2024Q2"), Does.Contain($"Insatsnamn som väntar på godkännande:").And.Contain($"KFN – {Leaky}"));
        Assert.That(Draft("2024Q1"), Does.Not.Contain("väntar på godkännande"), "2024Q1 prints no unapproved insats");
    }

    [Test]
    public void Status_UnapprovedCode_IsListedByCodeOnly()
    {
        Assert.That(_status.ExitCode, Is.Zero, _status.ToString());
        Assert.That(_status.Stdout, Does.Contain("KFN").And.Contain("Ejv:Statistik:InsatsNamn:KFN"));
        Assert.That(_status.Stdout, Does.Not.Contain("Andersson"));
    }

    [Test]
    public async Task Run_ApprovedNameShapedLikeAnAddress_RefusedAtStartNamingTheKey()
    {
        var r = await EjvProcess.RunAsync(_dir, ["run", "--quarter", "2024Q2", "--dry-run", .. _config, "--Ejv:Statistik:InsatsNamn:KFN=Familjen på Storgatan 5"]);
        Assert.That(r.ExitCode, Is.Not.Zero, r.ToString());
        Assert.That(r.Stderr, Does.Contain("Ejv:Statistik:InsatsNamn:KFN"));
    }
}
