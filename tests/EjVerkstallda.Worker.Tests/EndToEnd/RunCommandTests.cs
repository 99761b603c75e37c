using EjVerkstallda.Worker.Tests.Support;

namespace EjVerkstallda.Worker.Tests.EndToEnd;

/// <summary>
/// <c>ejv run</c> on a case system built from the contract, configured only with the Ejv:Source, Ejv:State and Ejv:Output
/// keys on the command line, over several quarters in a row. Expected values are worked out by hand from CONTRACT.md.
/// </summary>
[TestFixture]
public sealed class RunCommandTests
{
    private string _dir = "";
    private ContractCaseSystem _cases = default!;

    [SetUp]
    public void SetUp()
    {
        _dir = EjvProcess.TempFolder();
        TestStateStore.InitSqlite(Path.Combine(_dir, "state.db"));
        _cases = new ContractCaseSystem(Path.Combine(_dir, "case.db"));
        _cases
            // T 2023-11-30, D 2024-02-29 (leap year clamp), verkställd 2024-05-15: ny in Q1, verkstalld in Q2.
            .Add("B-1001", "P-1", "SABO", "2023-11-30", verk: "2024-05-15", fodd: "1940-01-01", kon: "M")
            // D 2023-12-15 < E' of Q1: late. Declined an offer: still open every quarter.
            .Add("B-1002", "P-2", "EKB", "2023-09-15", erbjudande: "2023-11-01", tackatNej: 1, fodd: "1961-07-04", kon: "K", skal: "Planted free text")
            // D 2024-03-31 = E of Q1: not late in Q1; verkställd on D: in time, never reported.
            .Add("B-1003", "P-3", "L4", "2023-12-31", verk: "2024-03-31")
            // D 2024-01-10, closed 2024-01-20 in Q1: appears once, as avslutad.
            .Add("B-1004", "P-2", "SABO", "2023-10-10", avslut: "2024-01-20", orsak: "avliden", fodd: "1961-07-04", kon: "K")
            // Interrupted 2023-12-20 (D 2024-03-20), resumed 2024-07-10: avbrott ny Q1, kvarstar Q2, verkstalld Q3.
            .Add("B-1005", "P-5", "L4", "2022-01-01", verk: "2022-02-01", avbrott: "2023-12-20", ater: "2024-07-10")
            // Bistånd utöver: never reported.
            .Add("B-1006", "P-6", "UTO", "2023-01-01")
            // Skyddad identitet: reported without an IVO id, listed for manual handling.
            .Add("B-1010", "P-10", "SABO", "2023-10-01", skyddad: 1)
            // Data-quality rows.
            .Add("B-1011", "P-11", "SABO", "2024-01-10", verk: "2023-12-01")
            .Add("B-1012", "P-12", "NOPE", "2023-10-01")
            .Add("B-1013", "P-13", "SABO", "2023-10-01")
            .Add("B-1013", "P-13", "SABO", "2023-10-02")
            // Dates after E have not happened yet: verkställd after Q1's E, so ny in Q1.
            .Add("B-1014", "P-14", "L9", "2023-12-01", verk: "2024-04-02");
    }

    [TearDown]
    public void TearDown() => Directory.Delete(_dir, recursive: true);

    private string[] Config(params string[] extra) =>
    [
        $"--Ejv:Source:Provider=sqlite", $"--Ejv:Source:ConnectionString={_cases.ConnectionString}",
        "--Ejv:State:Provider=sqlite", $"--Ejv:State:ConnectionString=Data Source={Path.Combine(_dir, "state.db")}",
        $"--Ejv:Output:Folder={Path.Combine(_dir, "out")}", .. extra,
    ];

    private async Task<Underlag> Run(string quarter, params string[] extra)
    {
        var r = await EjvProcess.RunAsync(_dir, ["run", "--quarter", quarter, .. Config(extra)]);
        Assert.That(r.ExitCode, Is.Zero, r.ToString());
        return Underlag.Read(Path.Combine(_dir, "out"), "socialnamnden", quarter);
    }

    [Test]
    public async Task Run_ThreeQuartersInOrder_GivesTheContractsStatuses()
    {
        var q1 = await Run("2024Q1");
        Assert.That(q1.Root.GetProperty("reportingDay").GetString(), Is.EqualTo("2024-03-31"));
        var b1001 = q1.Report("B-1001");
        Assert.That(b1001.Str("status"), Is.EqualTo("ny"));
        Assert.That(b1001.Str("late"), Is.EqualTo("False"));
        Assert.That(b1001.Str("lagrum"), Is.EqualTo("4 kap. 1 § SoL (2001:453)"));
        Assert.That(b1001.Str("deadline"), Is.EqualTo("2024-02-29"));
        Assert.That(b1001.Str("daysSinceStart"), Is.EqualTo("122"));
        Assert.That(b1001.Str("verkstallighetsdatum"), Is.Null, "verkställd after E: not yet happened");
        var b1002 = q1.Report("B-1002");
        Assert.That((b1002.Str("status"), b1002.Str("late"), b1002.Str("lagrum")), Is.EqualTo(("ny", "True", "4 kap. 1 § SoL (2001:453)")));
        var b1004 = q1.Report("B-1004");
        Assert.That((b1004.Str("status"), b1004.Str("avslutsdatum"), b1004.Str("avslutsorsak")), Is.EqualTo(("avslutad", "2024-01-20", "avliden")));
        var b1005 = q1.Report("B-1005", "avbrott");
        Assert.That((b1005.Str("status"), b1005.Str("avbrottsdatum"), b1005.Str("deadline"), b1005.Str("lagrum")),
            Is.EqualTo(("ny", "2023-12-20", "2024-03-20", "9 § 4 LSS")));
        Assert.That(q1.Report("B-1005"), Is.Null, "verkställd in time at first: no ej_verkstallt report");
        Assert.That(q1.Report("B-1014").Str("status"), Is.EqualTo("ny"));
        Assert.That(q1.Ids, Has.No.Member("B-1003").And.No.Member("B-1006"));
        Assert.That(q1.Ids.Count(i => i == "B-1004"), Is.EqualTo(1));

        var q2 = await Run("2024Q2");
        Assert.That((q2.Report("B-1001").Str("status"), q2.Report("B-1001").Str("verkstallighetsdatum"), q2.Report("B-1001").Str("daysSinceStart")),
            Is.EqualTo(("verkstalld", "2024-05-15", "167")));
        Assert.That((q2.Report("B-1002").Str("status"), q2.Report("B-1002").Str("late")), Is.EqualTo(("kvarstar", "False")));
        Assert.That(q2.Report("B-1004"), Is.Null, "closed and reported: never again");
        Assert.That(q2.Report("B-1005", "avbrott").Str("status"), Is.EqualTo("kvarstar"));
        Assert.That(q2.Report("B-1014").Str("status"), Is.EqualTo("verkstalld"));
        Assert.That(q2.Ids, Has.No.Member("B-1003"), "verkställd on its deadline: in time");

        var q3 = await Run("2024Q3");
        Assert.That(q3.Report("B-1001"), Is.Null);
        Assert.That(q3.Report("B-1002").Str("status"), Is.EqualTo("kvarstar"), "tackat nej does not close");
        Assert.That((q3.Report("B-1005", "avbrott").Str("status"), q3.Report("B-1005", "avbrott").Str("verkstallighetsdatum")),
            Is.EqualTo(("verkstalld", "2024-07-10")));
    }

    [Test]
    public async Task Run_IvoIdentifiers_StablePerPersonAndNullForSkyddad()
    {
        var q1 = await Run("2024Q1");
        var q2 = await Run("2024Q2");
        var id1002 = q1.Report("B-1002").Str("ivoId");
        Assert.That(id1002, Does.Match(@"^19610704-T\d\d\d$"));
        Assert.That((id1002![11] - '0') % 2, Is.Zero, "even digit for a woman");
        Assert.That(q1.Report("B-1004").Str("ivoId"), Is.EqualTo(id1002), "same person, same id across beslut");
        Assert.That(q2.Report("B-1002").Str("ivoId"), Is.EqualTo(id1002), "same id across quarters");
        var id1001 = q1.Report("B-1001").Str("ivoId");
        Assert.That((id1001![11] - '0') % 2, Is.EqualTo(1), "odd digit for a man");
        Assert.That(q1.Report("B-1010").Str("ivoId"), Is.Null);
        var manual = q1.Root.GetProperty("manualHandling").EnumerateArray().Select(m => m.GetProperty("beslutId").GetString());
        Assert.That(manual, Is.EqualTo(new[] { "B-1010" }));
    }

    [Test]
    public async Task Run_BadRows_AreListedAndDoNotStopTheRun()
    {
        var q1 = await Run("2024Q1");
        var problems = q1.DataQuality;
        Assert.That(problems, Does.Contain(("B-1011", "verkstallighetsdatum before beslutsdatum")));
        Assert.That(problems, Does.Contain(("B-1012", "unknown insats_kod (not in ejv_insats)")));
        Assert.That(problems.Any(p => p.BeslutId == "B-1013" && p.Problem!.StartsWith("duplicate beslut_id", StringComparison.Ordinal)), Is.True);
        Assert.That(q1.Ids, Has.No.Member("B-1011").And.No.Member("B-1012").And.No.Member("B-1013"));
    }

    [Test]
    public async Task Run_SameQuarterTwice_WritesTheSameFile()
    {
        await Run("2024Q1");
        var first = await File.ReadAllBytesAsync(Path.Combine(_dir, "out", "socialnamnden", "2024Q1", "ivo-underlag.json"));
        await Run("2024Q2");
        await Run("2024Q1");
        var again = await File.ReadAllBytesAsync(Path.Combine(_dir, "out", "socialnamnden", "2024Q1", "ivo-underlag.json"));
        Assert.That(again, Is.EqualTo(first));
    }

    [Test]
    public async Task Run_DryRun_ChangesNoState()
    {
        var real = Path.Combine(_dir, "out", "socialnamnden", "2024Q1");
        var dry = await EjvProcess.RunAsync(_dir, ["run", "--quarter", "2024Q1", "--dry-run", .. Config()]);
        Assert.That(dry.ExitCode, Is.Zero, dry.ToString());
        Assert.That(dry.Stdout, Does.Contain("dry run"));
        Assert.That(File.Exists(Path.Combine(real, "dry-run", "ivo-underlag.json")), Is.True, "the preview is under dry-run/");
        Assert.That(File.Exists(Path.Combine(real, "ivo-underlag.json")), Is.False, "the real quarter's folder is not written");
        var status = await EjvProcess.RunAsync(_dir, ["status", "--json", .. Config()]);
        Assert.That(status.Stdout, Does.Contain("\"completedQuarters\": []"), status.ToString());
        var list = await EjvProcess.RunAsync(_dir, ["ivo", "list", "--quarter", "2024Q1", .. Config()]);
        Assert.That(list.Stdout, Does.Not.Contain("B-1002"), "ivo list shows nothing the ledger does not hold: " + list);

        // After the real run: a dry run on changed case data leaves the real folder byte for byte and ivo list as they were.
        await Run("2024Q1");
        var files = Snapshot(real);
        var listed = await EjvProcess.RunAsync(_dir, ["ivo", "list", "--quarter", "2024Q1", .. Config()]);
        Assert.That(listed.ExitCode, Is.Zero, listed.ToString());
        _cases.Add("B-3001", "P-31", "SABO", "2023-10-01", fodd: "1955-05-05", kon: "M");
        _cases.Execute("UPDATE ejv_beslut SET verkstallighetsdatum = '2024-02-01' WHERE beslut_id = 'B-1002'");
        dry = await EjvProcess.RunAsync(_dir, ["run", "--quarter", "2024Q1", "--dry-run", .. Config()]);
        Assert.That(dry.ExitCode, Is.Zero, dry.ToString());
        Assert.That(Underlag.Read(Path.Combine(_dir, "out"), "socialnamnden", Path.Combine("2024Q1", "dry-run")).Ids, Does.Contain("B-3001"));

        Assert.That(Snapshot(real), Is.EquivalentTo(files), "the real quarter's files are untouched");
        var after = await EjvProcess.RunAsync(_dir, ["ivo", "list", "--quarter", "2024Q1", .. Config()]);
        Assert.That(after.Stdout, Is.EqualTo(listed.Stdout), "ivo list is unchanged by the dry run");
        var q2 = await Run("2024Q2");
        Assert.That(q2.Report("B-3001").Str("late"), Is.EqualTo("True"), "the dry run of Q1 recorded nothing of B-3001");
    }

    /// <summary>Every file of a quarter's folder (not the dry-run preview under it) with its bytes as Base64.</summary>
    private static Dictionary<string, string> Snapshot(string folder) =>
        Directory.GetFiles(folder).ToDictionary(f => Path.GetFileName(f), f => Convert.ToBase64String(File.ReadAllBytes(f)));

    [Test]
    public async Task Run_SkippedQuarter_ClosingReportStillOwed()
    {
        await Run("2024Q1");
        var q3 = await Run("2024Q3"); // Q2 never run; B-1001 was verkställd in Q2
        var b1001 = q3.Report("B-1001");
        Assert.That((b1001.Str("status"), b1001.Str("verkstallighetsdatum")), Is.EqualTo(("verkstalld", "2024-05-15")));
        Assert.That(q3.Report("B-1014").Str("status"), Is.EqualTo("verkstalld"));
    }

    [Test]
    public async Task Run_LagrumAcrossJuly2025_FollowsTheLawInForce()
    {
        _cases.Add("B-2001", "P-21", "SABO", "2025-06-30").Add("B-2002", "P-22", "EKB", "2025-07-01").Add("B-2003", "P-23", "SABO", "2025-07-01");
        var q = await Run("2025Q4");
        Assert.That(q.Report("B-2001").Str("lagrum"), Is.EqualTo("4 kap. 1 § SoL (2001:453)"));
        Assert.That(q.Report("B-2002").Str("lagrum"), Is.EqualTo("12 kap. 1 § SoL (2025:400)"));
        Assert.That(q.Report("B-2003").Str("lagrum"), Is.EqualTo("11 kap. 1 § SoL (2025:400)"));
    }

    [Test]
    public async Task Status_AfterRuns_ShowsRunsAndOpenCases()
    {
        await Run("2024Q1");
        var r = await EjvProcess.RunAsync(_dir, ["status", .. Config()]);
        Assert.That(r.ExitCode, Is.Zero, r.ToString());
        Assert.That(r.Stdout, Does.Contain("2024Q1 succeeded"));
        Assert.That(r.Stdout, Does.Contain("B-1002"));
        Assert.That(r.Stdout, Does.Contain("B-1011: verkstallighetsdatum before beslutsdatum"));
        Assert.That(r.Stdout + r.Stderr, Does.Not.Contain("Planted free text"), "free text from the case system never reaches the status log");
    }
}

/// <summary>A new user points ejv at a case system with only the Ejv:Source keys; everything else is the shipped default.</summary>
[TestFixture]
public sealed class NewUserTests
{
    [Test]
    public async Task Run_OnlySourceKeysAfterInit_UsesTheEmbeddedDefaultsAndCreatesTheirFolders()
    {
        var dir = EjvProcess.TempFolder();
        try
        {
            var cases = new ContractCaseSystem(Path.Combine(dir, "vo.db")).Add("B-1", "P-1", "SABO", "2023-11-30");
            var init = await EjvProcess.RunAsync(dir, "init");
            Assert.That(init.ExitCode, Is.Zero, init.ToString());
            var r = await EjvProcess.RunAsync(dir, "run", "--quarter", "2024Q1", "--Ejv:Source:Provider=sqlite", $"--Ejv:Source:ConnectionString={cases.ConnectionString}");
            Assert.That(r.ExitCode, Is.Zero, r.ToString());
            Assert.That(File.Exists(Path.Combine(dir, "demo", "state.db")), Is.True, "the default state store's folder is created");
            Assert.That(Underlag.Read(Path.Combine(dir, "demo", "out"), "socialnamnden", "2024Q1").Report("B-1").Str("status"), Is.EqualTo("ny"));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
