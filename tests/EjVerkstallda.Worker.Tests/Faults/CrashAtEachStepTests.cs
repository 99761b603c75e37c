using EjVerkstallda.Worker.Tests.Support;

namespace EjVerkstallda.Worker.Tests.Faults;

/// <summary>
/// SIGKILL at each named step of a run and of an approval, then carry on as an operator would: the end state is the one an
/// undisturbed run gives (same reports, each message in the pickup folder exactly once, one completed quarter).
/// </summary>
[TestFixture]
public sealed class CrashAtEachStepTests
{
    private string _dir = "";
    private ContractCaseSystem _cases = default!;

    [SetUp]
    public void SetUp()
    {
        _dir = EjvProcess.TempFolder();
        _cases = new ContractCaseSystem(Path.Combine(_dir, "case.db"))
            .Add("B-1", "P-1", "SABO", "2023-11-30")
            .Add("B-2", "P-2", "L4", "2023-09-15", verk: "2024-02-10");
    }

    [TearDown]
    public void TearDown() => Directory.Delete(_dir, recursive: true);

    private string[] Config(string folder, params string[] extra)
    {
        TestStateStore.InitSqliteOnce(Path.Combine(folder, "state.db"));
        return Installation(folder, extra);
    }

    private string[] Installation(string folder, params string[] extra) =>
    [
        $"--Ejv:Source:ConnectionString={_cases.ConnectionString}",
        $"--Ejv:State:ConnectionString=Data Source={Path.Combine(folder, "state.db")}",
        $"--Ejv:Output:Folder={Path.Combine(folder, "out")}", $"--Ejv:Mail:PickupFolder={Path.Combine(folder, "mail")}",
        "--Ejv:Mail:Lease=00:00:01", .. extra,
    ];

    private static string[] Mails(string folder, string prefix) =>
        Directory.Exists(Path.Combine(folder, "mail"))
            ? Directory.GetFiles(Path.Combine(folder, "mail"), prefix + "*.eml").Select(Path.GetFileName).OfType<string>().Order().ToArray()
            : [];

    private async Task CrashAsync(string folder, string point, params string[] command)
    {
        using var running = EjvRunning.Start(_dir, null, [.. command, .. Config(folder, $"--Ejv:Testing:PauseAt={point}", "--Ejv:Testing:PauseFor=00:01:00")]);
        Assert.That(await running.WaitForStderrAsync($"pausing at {point}", TimeSpan.FromSeconds(60)), Is.True, running.Stderr);
        running.KillHard();
    }

    private async Task Ok(string folder, params string[] command)
    {
        var r = await EjvProcess.RunAsync(_dir, [.. command, .. Config(folder)]);
        Assert.That(r.ExitCode, Is.Zero, r.ToString());
    }

    private static string Reports(string folder) =>
        string.Join("\n", Underlag.Read(Path.Combine(folder, "out"), "socialnamnden", "2024Q1").Reports
            .Select(r => $"{r.GetProperty("beslutId")} {r.GetProperty("kind")} {r.GetProperty("status")} {r.GetProperty("late")} {r.GetProperty("deadline")}"));

    [TestCase("mid-read")]
    [TestCase("after-read")]
    [TestCase("mid-outputs")]
    [TestCase("after-outputs")]
    [TestCase("after-ledger")]
    [TestCase("before-send")]
    [TestCase("after-send")]
    public async Task Run_KilledAtStep_RerunEndsInTheUndisturbedState(string point)
    {
        var calm = Path.Combine(_dir, "calm");
        await Ok(calm, "run", "--quarter", "2024Q1");

        var hit = Path.Combine(_dir, "hit");
        await CrashAsync(hit, point, "run", "--quarter", "2024Q1");
        await Task.Delay(TimeSpan.FromSeconds(1.5)); // the killed sender's one-second lease runs out
        await Ok(hit, "run", "--quarter", "2024Q1");
        await Ok(hit, "mail", "send");

        Assert.That(Reports(hit), Is.EqualTo(Reports(calm)));
        Assert.That(Mails(hit, "draft."), Has.Length.EqualTo(1), "the draft is delivered exactly once");
        var status = await EjvProcess.RunAsync(_dir, ["status", "--json", .. Config(hit)]);
        using var json = System.Text.Json.JsonDocument.Parse(status.Stdout);
        var namnd = json.RootElement.GetProperty("namnder")[0];
        Assert.That(namnd.GetProperty("completedQuarters").EnumerateArray().Select(q => q.GetString()), Is.EqualTo(new[] { "2024Q1" }));
        var outcomes = namnd.GetProperty("lastRuns").EnumerateArray().Select(r => r.GetProperty("outcome").GetString()).ToList();
        var killedInRun = point is not ("before-send" or "after-send");
        // Killed inside the run (even after its ledger transaction): the run never recorded its end and is marked interrupted
        // when the quarter is run again. Killed while mailing: the run had ended, and the operator's second run of the same
        // quarter succeeds too, with the same result and no second draft. (Killed after the pickup folder took the draft and before
        // it was marked sent, the next sender writes the same file again: the folder holds one message per id.)
        Assert.That(outcomes.Count(o => o == "succeeded"), Is.EqualTo(killedInRun ? 1 : 2), string.Join(",", outcomes));
        Assert.That(outcomes.Count(o => o == "interrupted"), Is.EqualTo(killedInRun ? 1 : 0), string.Join(",", outcomes));
        Assert.That(outcomes, Has.No.Member("running"));
        Assert.That(status.Stdout, Does.Not.Contain("\"status\": \"pending\""), "nothing left in the outbox");
    }

    [TestCase("after-approval")]
    [TestCase("before-send")]
    [TestCase("after-send")]
    public async Task Approve_KilledAtStep_FinalsDeliveredOnceAfterwards(string point)
    {
        var hit = Path.Combine(_dir, "hit");
        await Ok(hit, "run", "--quarter", "2024Q1");
        await CrashAsync(hit, point, "approve", "--quarter", "2024Q1", "--by", "Handläggare");
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        await Ok(hit, "approve", "--quarter", "2024Q1", "--by", "Handläggare");
        await Ok(hit, "mail", "send");

        Assert.That(Mails(hit, "final."), Is.EqualTo(new[] { "final.socialnamnden.2024Q1.v1.namnd.eml" }), "approval: the nämnd only, once");
    }
}
