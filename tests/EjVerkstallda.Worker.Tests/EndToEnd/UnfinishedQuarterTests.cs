using EjVerkstallda.Worker.Tests.Support;

namespace EjVerkstallda.Worker.Tests.EndToEnd;

/// <summary>
/// CONTRACT section 4, "Which quarters can run": only a quarter whose reporting day E has passed in the kommun
/// (Europe/Stockholm) runs for real; the current quarter can be previewed with --dry-run, judged as of today.
/// The clock is set with Ejv:Testing:ClockStart.
/// </summary>
[TestFixture]
public sealed class UnfinishedQuarterTests
{
    private string _dir = "";
    private ContractCaseSystem _cases = default!;

    [SetUp]
    public void SetUp()
    {
        _dir = EjvProcess.TempFolder();
        TestStateStore.InitSqlite(Path.Combine(_dir, "state.db"));
        _cases = new ContractCaseSystem(Path.Combine(_dir, "case.db"))
            // D 2026-11-15: reportable as of 2026-12-01.
            .Add("B-1", "P-1", "SABO", "2026-08-15")
            // D 2026-12-15: before E (2026-12-31) but after 2026-12-01, so not reportable as of today.
            .Add("B-2", "P-2", "SABO", "2026-09-15");
    }

    [TearDown]
    public void TearDown() => Directory.Delete(_dir, recursive: true);

    private string[] Config(string clock) =>
    [
        "--Ejv:Source:Provider=sqlite", $"--Ejv:Source:ConnectionString={_cases.ConnectionString}",
        "--Ejv:State:Provider=sqlite", $"--Ejv:State:ConnectionString=Data Source={Path.Combine(_dir, "state.db")}",
        $"--Ejv:Output:Folder={Path.Combine(_dir, "out")}", $"--Ejv:Mail:PickupFolder={Path.Combine(_dir, "mail")}",
        $"--Ejv:Testing:ClockStart={clock}",
    ];

    // The current quarter; a future one; 23:30 on E in Stockholm (22:30 UTC) is still E.
    [TestCase("2026Q4", "2026-12-01T10:00:00Z")]
    [TestCase("2099Q4", "2026-12-01T10:00:00Z")]
    [TestCase("2026Q4", "2026-12-31T22:30:00Z")]
    public async Task Run_QuarterNotEnded_ExitsTwoWithOneLineAndChangesNothing(string quarter, string clock)
    {
        var r = await EjvProcess.RunAsync(_dir, ["run", "--quarter", quarter, .. Config(clock)]);

        Assert.That(r.ExitCode, Is.EqualTo(2), r.ToString());
        Assert.That(r.ErrorLines, Has.Count.EqualTo(1), r.ToString());
        Assert.That(r.ErrorLines[0], Does.Contain($"{quarter} has not ended"), r.ToString());
        Assert.That(Directory.Exists(Path.Combine(_dir, "out", "socialnamnden", quarter)), Is.False, "no outputs");
        Assert.That(Directory.Exists(Path.Combine(_dir, "mail")) && Directory.EnumerateFiles(Path.Combine(_dir, "mail")).Any(), Is.False, "no draft");
        var status = await EjvProcess.RunAsync(_dir, ["status", "--json", .. Config(clock)]);
        Assert.That(status.Stdout, Does.Contain("\"completedQuarters\": []"), status.ToString());
        Assert.That(status.Stdout, Does.Contain("\"lastRuns\": []"), "no run recorded: " + status);
    }

    /// <summary>00:30 on 1 January in Stockholm is 23:30 UTC on E: the quarter has ended in the kommun.</summary>
    [Test]
    public async Task Run_FirstMinutesAfterEInTheKommun_Runs()
    {
        var r = await EjvProcess.RunAsync(_dir, ["run", "--quarter", "2026Q4", .. Config("2026-12-31T23:30:00Z")]);

        Assert.That(r.ExitCode, Is.Zero, r.ToString());
        Assert.That(Underlag.Read(Path.Combine(_dir, "out"), "socialnamnden", "2026Q4").Ids, Is.EqualTo(new[] { "B-1", "B-2" }));
    }

    [Test]
    public async Task Run_DryRunOfCurrentQuarter_IsAPreviewAsOfTodayAndRecordsNothing()
    {
        var r = await EjvProcess.RunAsync(_dir, ["run", "--quarter", "2026Q4", "--dry-run", .. Config("2026-12-01T10:00:00Z")]);

        Assert.That(r.ExitCode, Is.Zero, r.ToString());
        Assert.That(r.Stdout, Does.Contain("preview as of today, 2026-12-01"), r.ToString());
        var preview = Underlag.Read(Path.Combine(_dir, "out"), "socialnamnden", Path.Combine("2026Q4", "dry-run"));
        Assert.That(preview.Ids, Is.EqualTo(new[] { "B-1" }), "judged as of today: B-2's deadline has not passed yet");
        Assert.That(preview.Report("B-1").Str("daysSinceStart"), Is.EqualTo("108"), "2026-08-15 to 2026-12-01");
        Assert.That(File.Exists(Path.Combine(_dir, "out", "socialnamnden", "2026Q4", "ivo-underlag.json")), Is.False);
        var status = await EjvProcess.RunAsync(_dir, ["status", "--json", .. Config("2026-12-01T10:00:00Z")]);
        Assert.That(status.Stdout, Does.Contain("\"completedQuarters\": []"), status.ToString());
    }

    [Test]
    public async Task Run_UnknownTimeZone_FailsAtStartNamingTheKey()
    {
        var r = await EjvProcess.RunAsync(_dir, ["run", "--quarter", "2024Q1", .. Config("2026-12-01T10:00:00Z"), "--Ejv:Rules:TimeZone=Mars/Olympus_Mons"]);

        Assert.That(r.ExitCode, Is.Not.Zero, r.ToString());
        Assert.That(r.ErrorLines.Single(), Does.Contain("Ejv:Rules:TimeZone 'Mars/Olympus_Mons' is not a time zone"), r.ToString());
    }
}
