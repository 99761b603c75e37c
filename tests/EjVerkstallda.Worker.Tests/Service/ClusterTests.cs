using EjVerkstallda.Worker.Tests.Support;
using Npgsql;

namespace EjVerkstallda.Worker.Tests.Service;

/// <summary>
/// Three service instances clustered on one PostgreSQL state store, sharing the case source and the pickup folder. The one
/// that takes a quarter first is killed in the middle of it; the others finish every quarter exactly once.
/// Needs EJV_TEST_PG (set by tests/run-tests.sh): in CI a missing server fails the test, elsewhere it is ignored.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class ClusterTests
{
    private const string Pause = "Fault injection: pausing at after-read in process ";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);
    private readonly List<ServiceSandbox> _boxes = [];
    private string _database = "";

    private static string Admin => TestPrerequisite.PostgresAdmin;

    [SetUp]
    public async Task SetUp()
    {
        TestPrerequisite.RequirePostgres();
        _database = "ejv_" + Guid.NewGuid().ToString("N")[..12];
        await using var c = new NpgsqlConnection(Admin);
        await c.OpenAsync();
        await using var cmd = new NpgsqlCommand($"CREATE DATABASE {_database}", c);
        await cmd.ExecuteNonQueryAsync();
        TestStateStore.Init(Infrastructure.Data.DbProvider.PostgreSql, new NpgsqlConnectionStringBuilder(Admin) { Database = _database }.ToString());
    }

    [TearDown]
    public async Task TearDown()
    {
        foreach (var b in _boxes) b.Dispose();
        if (_database.Length == 0) return;
        await using var c = new NpgsqlConnection(Admin);
        await c.OpenAsync();
        await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_database} WITH (FORCE)", c);
        await cmd.ExecuteNonQueryAsync();
    }

    [Test]
    public async Task Service_ThreeInstancesOneKilledMidRun_EachQuarterRunsOnce()
    {
        string[] quarters = ["2026Q3", "2026Q4"];
        var shared = new ServiceSandbox();
        _boxes.Add(shared);
        var state = new NpgsqlConnectionStringBuilder(Admin) { Database = _database }.ToString();
        var sandboxes = Enumerable.Range(0, 3).Select(_ => new ServiceSandbox(shared.CaseDb, shared.PickupFolder)).ToList();
        _boxes.AddRange(sandboxes);
        foreach (var b in sandboxes.Append(shared))
            b.State = ["--Ejv:State:Provider=postgresql", $"--Ejv:State:ConnectionString={state}", "--Ejv:Schedule:Clustered=true"];
        string[] config =
        [
            "--Ejv:Namnder:0:FirstQuarter=2026Q3", "--Ejv:Testing:ClockStart=2027-01-10T06:00:00Z",
            "--Ejv:Testing:PauseAt=after-read", "--Ejv:Testing:PauseFor=00:00:08",
        ];
        var services = sandboxes.Select(b => b.Start(config)).ToList();

        var victim = await FirstToPauseAsync(services);
        Assert.That(victim, Is.Not.Null, "no instance took a quarter\n" + string.Join("\n", services));
        await victim!.CrashAsync();
        var survivors = services.Where(s => s != victim).ToList();

        var status = await shared.WaitForCompletedAsync(Wait, quarters);
        foreach (var s in survivors) await s.TerminateAsync(TimeSpan.FromSeconds(30));
        status = await shared.StatusAsync();

        Assert.Multiple(() =>
        {
            Assert.That(status.CompletedQuarters, Is.EqualTo(quarters), $"{status}\n{string.Join("\n", services)}");
            foreach (var q in quarters)
            {
                Assert.That(status.Succeeded(q), Is.EqualTo(1), $"{q}: {status}");
                Assert.That(shared.Drafts(q), Has.Count.EqualTo(1), $"one draft for {q}");
            }
            Assert.That(status.SucceededQuarters, Is.EqualTo(quarters));
            Assert.That(shared.AllDrafts(), Has.Count.EqualTo(2));
            Assert.That(survivors.All(s => s.ExitCode == 0), Is.True, string.Join("\n", survivors));
            Assert.That(victim.Count("Run succeeded"), Is.Zero, "the killed instance finished nothing");
            Assert.That(survivors.Sum(s => s.Count("Run succeeded")), Is.EqualTo(quarters.Length), "the others ran each quarter once");
            var killedIn = victim.Lines.Last(l => l.Contains("Run started", StringComparison.Ordinal));
            Assert.That(quarters.Any(q => killedIn.Contains(q, StringComparison.Ordinal)), Is.True, killedIn);
        });
        await AssertOneDraftPerQuarterInOutboxAsync(state, quarters);
    }

    /// <summary>The first instance that logs the pause (each logs its own process id), or null after the wait.</summary>
    private static async Task<ServiceProcess?> FirstToPauseAsync(IReadOnlyList<ServiceProcess> services)
    {
        var until = DateTime.UtcNow + Wait;
        while (DateTime.UtcNow < until)
        {
            var paused = services.FirstOrDefault(s => s.Count(Pause) > 0);
            if (paused is not null) return paused;
            if (services.All(s => s.HasExited)) return null;
            await Task.Delay(100);
        }
        return null;
    }

    /// <summary>message_id is the outbox's key, so a second run of a quarter would show as a second draft id for it.</summary>
    private static async Task AssertOneDraftPerQuarterInOutboxAsync(string state, IEnumerable<string> quarters)
    {
        await using var c = new NpgsqlConnection(state);
        await c.OpenAsync();
        await using var cmd = new NpgsqlCommand("SELECT message_id FROM ejv_outbox", c);
        await using var r = await cmd.ExecuteReaderAsync();
        var ids = new List<string>();
        while (await r.ReadAsync()) ids.Add(r.GetString(0));
        var drafts = ids.Where(id => id.StartsWith("draft.", StringComparison.Ordinal)).ToList();
        Assert.That(drafts, Has.Count.EqualTo(quarters.Count()), string.Join(", ", ids));
        foreach (var q in quarters)
            Assert.That(drafts.Count(id => id.StartsWith($"draft.{ServiceSandbox.Namnd}.{q}.", StringComparison.Ordinal)), Is.EqualTo(1), q);
    }
}
