using EjVerkstallda.Worker.Tests.Support;
using Npgsql;

namespace EjVerkstallda.Worker.Tests.Faults;

/// <summary>
/// Runs of one nämnd are serialised, whatever the quarter (CONTRACT section 4): while one process holds a run of 2024Q1
/// (paused after reading the case source), a run of 2024Q2 of the same nämnd is refused, so it cannot judge against a
/// ledger that the first is about to change. Two real processes, on SQLite (a lock file) and on PostgreSQL (an advisory
/// lock). PostgreSQL needs EJV_TEST_PG (set by tests/run-tests.sh): in CI a missing server fails the test.
/// </summary>
[TestFixture("sqlite")]
[TestFixture("postgresql")]
[NonParallelizable]
public sealed class RunLockTests(string provider)
{
    private string _dir = "";
    private string _database = "";
    private string _state = "";
    private ContractCaseSystem _cases = default!;

    [SetUp]
    public async Task SetUp()
    {
        _dir = EjvProcess.TempFolder();
        _cases = new ContractCaseSystem(Path.Combine(_dir, "case.db"))
            .Add("B-1", "P-1", "SABO", "2023-11-30")
            .Add("B-2", "P-2", "L4", "2023-09-15");
        if (provider == "sqlite")
        {
            _state = $"Data Source={Path.Combine(_dir, "state.db")}";
            TestStateStore.InitSqlite(Path.Combine(_dir, "state.db"));
            return;
        }
        TestPrerequisite.RequirePostgres();
        _database = "ejv_" + Guid.NewGuid().ToString("N")[..12];
        await using var c = new NpgsqlConnection(TestPrerequisite.PostgresAdmin);
        await c.OpenAsync();
        await using var cmd = new NpgsqlCommand($"CREATE DATABASE {_database}", c);
        await cmd.ExecuteNonQueryAsync();
        _state = new NpgsqlConnectionStringBuilder(TestPrerequisite.PostgresAdmin) { Database = _database }.ToString();
        TestStateStore.Init(Infrastructure.Data.DbProvider.PostgreSql, _state);
    }

    [TearDown]
    public async Task TearDown()
    {
        Directory.Delete(_dir, recursive: true);
        if (_database.Length == 0) return;
        await using var c = new NpgsqlConnection(TestPrerequisite.PostgresAdmin);
        await c.OpenAsync();
        await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_database} WITH (FORCE)", c);
        await cmd.ExecuteNonQueryAsync();
    }

    private string[] Config(params string[] extra) =>
    [
        "--Ejv:Source:Provider=sqlite", $"--Ejv:Source:ConnectionString={_cases.ConnectionString}",
        $"--Ejv:State:Provider={provider}", $"--Ejv:State:ConnectionString={_state}",
        $"--Ejv:Output:Folder={Path.Combine(_dir, "out")}", $"--Ejv:Mail:PickupFolder={Path.Combine(_dir, "mail")}", .. extra,
    ];

    [Test]
    public async Task Run_TwoQuartersOfOneNamndAtOnce_TheSecondIsRefusedUntilTheFirstEnds()
    {
        using var first = EjvRunning.Start(_dir, null, ["run", "--quarter", "2024Q1", .. Config("--Ejv:Testing:PauseAt=after-read", "--Ejv:Testing:PauseFor=00:01:00")]);
        Assert.That(await first.WaitForStderrAsync("pausing at after-read", TimeSpan.FromSeconds(60)), Is.True, first.Stderr);

        var second = await EjvProcess.RunAsync(_dir, ["run", "--quarter", "2024Q2", .. Config()]);

        Assert.That(second.ExitCode, Is.Not.Zero, second.ToString());
        Assert.That(second.ErrorLines, Has.Count.EqualTo(1), second.ToString());
        Assert.That(second.ErrorLines[0], Does.Contain("another instance is running nämnd socialnamnden"), second.ToString());
        Assert.That(Directory.Exists(Path.Combine(_dir, "out", "socialnamnden", "2024Q2")), Is.False, "the refused run wrote nothing");

        first.KillHard(); // the lock dies with its holder
        var q1 = await EjvProcess.RunAsync(_dir, ["run", "--quarter", "2024Q1", .. Config()]);
        var q2 = await EjvProcess.RunAsync(_dir, ["run", "--quarter", "2024Q2", .. Config()]);
        Assert.That((q1.ExitCode, q2.ExitCode), Is.EqualTo((0, 0)), $"{q1}\n{q2}");
        var b1 = Underlag.Read(Path.Combine(_dir, "out"), "socialnamnden", "2024Q2").Report("B-1");
        Assert.That((b1.Str("status"), b1.Str("late")), Is.EqualTo(("kvarstar", "False")), "run in turn: Q2 sees Q1's reports");
    }
}
