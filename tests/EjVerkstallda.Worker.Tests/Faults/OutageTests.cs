using EjVerkstallda.Core.Kvartal;
using EjVerkstallda.Infrastructure.Data;
using EjVerkstallda.Infrastructure.Demo;
using EjVerkstallda.Worker.Tests.Support;
using Npgsql;

namespace EjVerkstallda.Worker.Tests.Faults;

/// <summary>
/// Outages in the middle of a run, made real: a PostgreSQL case system or state store whose login is taken away and whose
/// connections are cut while the run is paused at a named point, and an output folder on a full file system (a small tmpfs).
/// Each run fails with one line and a status entry, and the next run, once the fault is gone, ends in the undisturbed state.
/// Needs EJV_TEST_PG and root (for the tmpfs), both given by tests/run-tests.sh: in CI a missing one fails the test.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class OutageTests
{
    private const string Administrator = "it-drift@exempelkommun.example";
    private string _dir = "";
    private ContractCaseSystem _cases = default!;
    private readonly List<string> _databases = [];
    private readonly List<string> _roles = [];
    private string? _mount;

    private static string Admin => TestPrerequisite.PostgresAdmin;

    [SetUp]
    public void SetUp()
    {
        _dir = EjvProcess.TempFolder();
        _cases = new ContractCaseSystem(Path.Combine(_dir, "case.db"))
            .Add("B-1", "P-1", "SABO", "2023-11-30")
            .Add("B-2", "P-2", "L4", "2023-09-15", verk: "2024-02-10")
            .Add("B-3", "P-3", "L9", "2023-10-02", verk: "2024-03-20");
    }

    [TearDown]
    public async Task TearDown()
    {
        if (_mount is not null) await AsRoot("umount", "-l", _mount);
        if (Admin.Length > 0)
        {
            foreach (var db in _databases) await AdminSql($"DROP DATABASE IF EXISTS {db} WITH (FORCE)");
            foreach (var role in _roles) await AdminSql($"DROP ROLE IF EXISTS {role}");
        }
        Directory.Delete(_dir, recursive: true);
    }

    [Test]
    public async Task CaseSystemGoneMidRun_RunFailsWithOneLineAndTheNextRunEndsInTheUndisturbedState()
    {
        var (role, source) = await PostgresDatabaseAsync();
        await using (var c = new NpgsqlConnection(source))
        {
            await c.OpenAsync();
            var dialect = SqlDialect.For(DbProvider.PostgreSql);
            await DemoCaseSystem.CreateSchemaAsync(c, dialect, CancellationToken.None);
            await DemoCaseSystem.InsertAsync(c, dialect,
                [new DemoPerson("P-1", new DateOnly(1950, 1, 1), "K", false), new DemoPerson("P-2", new DateOnly(1980, 5, 5), "M", false)],
                [
                    new DemoBeslut { BeslutId = "B-1", PersonId = "P-1", InsatsKod = "SABO", BeslutDatum = new DateOnly(2023, 11, 30) },
                    new DemoBeslut { BeslutId = "B-2", PersonId = "P-2", InsatsKod = "L4", BeslutDatum = new DateOnly(2023, 9, 15), VerkstDatum = new DateOnly(2024, 2, 10) },
                ], CancellationToken.None);
        }
        string[] caseSystem = ["--Ejv:Source:Provider=postgresql", $"--Ejv:Source:ConnectionString={source}"];
        var calm = Path.Combine(_dir, "calm");
        await Ok(calm, ["run", "--quarter", "2024Q1"], caseSystem);
        Assert.That(Reports(calm, "2024Q1"), Does.Contain("B-1"), "the data gives a report to compare");

        var hit = Path.Combine(_dir, "hit");
        var failed = await RunWithOutageAsync(hit, "mid-read", () => CutAsync(role), ["run", "--quarter", "2024Q1"], caseSystem);
        Assert.That(failed.ErrorLines, Has.Count.EqualTo(1), failed.ToString());
        Assert.That(failed.ErrorLines[0], Does.StartWith("ejv: case source: "));
        Assert.That(failed.Stderr, Does.Not.Contain("   at "), "no stack trace");
        var status = await StatusAsync(hit, caseSystem);
        Assert.That(status.Outcomes, Is.EqualTo(new[] { "failed" }), status.Json);
        Assert.That(status.LastMessage, Does.StartWith("case source: "), status.Json);
        Assert.That(status.Completed, Is.Empty);
        Assert.That(Mails(hit, "draft."), Is.Empty, "no draft for a failed run");
        Assert.That(Mails(hit, "alert."), Has.Length.EqualTo(1), "the administrator is told");

        await AdminSql($"ALTER ROLE {role} LOGIN");
        await Ok(hit, ["run", "--quarter", "2024Q1"], caseSystem);
        Assert.That(Reports(hit, "2024Q1"), Is.EqualTo(Reports(calm, "2024Q1")));
        Assert.That(Mails(hit, "draft."), Has.Length.EqualTo(1));
        status = await StatusAsync(hit, caseSystem);
        Assert.That(status.Outcomes, Is.EquivalentTo(new[] { "failed", "succeeded" }), status.Json);
        Assert.That(status.Completed, Is.EqualTo(new[] { "2024Q1" }));
    }

    [Test]
    public async Task StateStoreGoneMidRun_RunFailsWithOneLineAndTheNextRunEndsInTheUndisturbedState()
    {
        var (role, state) = await PostgresDatabaseAsync();
        TestStateStore.Init(DbProvider.PostgreSql, state);
        string[] stateStore = ["--Ejv:State:Provider=postgresql", $"--Ejv:State:ConnectionString={state}"];
        var calm = Path.Combine(_dir, "calm");
        await Ok(calm, ["run", "--quarter", "2024Q1"]);

        var hit = Path.Combine(_dir, "hit");
        var failed = await RunWithOutageAsync(hit, "after-outputs", () => CutAsync(role), ["run", "--quarter", "2024Q1"], stateStore);
        Assert.That(failed.ErrorLines, Has.Count.EqualTo(1), failed.ToString());
        Assert.That(failed.ErrorLines[0], Does.StartWith("ejv: state store: ").And.Contain("Ejv:State:ConnectionString"));
        Assert.That(failed.Stderr, Does.Not.Contain("   at ").And.Not.Contain("Password="), "no stack trace, no password");
        Assert.That(failed.Stderr, Does.Contain("could not be recorded").Or.Contain("not recorded"), "the log says the failure is not in the status log");

        await AdminSql($"ALTER ROLE {role} LOGIN");
        var between = await StatusAsync(hit, stateStore);
        Assert.That(between.Outcomes, Is.EqualTo(new[] { "running" }), "the store was gone when the run ended: it shows as not finished");
        Assert.That(between.Completed, Is.Empty, "the ledger transaction was never committed");
        Assert.That(Mails(hit, "draft."), Is.Empty);

        await Ok(hit, ["run", "--quarter", "2024Q1"], stateStore);
        Assert.That(Reports(hit, "2024Q1"), Is.EqualTo(Reports(calm, "2024Q1")));
        Assert.That(Mails(hit, "draft."), Has.Length.EqualTo(1));
        var after = await StatusAsync(hit, stateStore);
        Assert.That(after.Outcomes, Is.EquivalentTo(new[] { "interrupted", "succeeded" }), after.Json);
        Assert.That(after.Json, Does.Contain("state store was unreachable"), "the interrupted entry says why it may have stopped");
        Assert.That(after.Completed, Is.EqualTo(new[] { "2024Q1" }));
    }

    [Test]
    public async Task OutputDiskFull_RunFailsKeepsEarlierOutputsAndTheNextRunEndsInTheUndisturbedState()
    {
        var calm = Path.Combine(_dir, "calm");
        await Ok(calm, ["run", "--quarter", "2024Q1"]);
        await Ok(calm, ["run", "--quarter", "2024Q2"]);

        var hit = Path.Combine(_dir, "hit");
        var output = Path.Combine(hit, "out");
        await MountSmallDiskAsync(output);
        await Ok(hit, ["run", "--quarter", "2024Q1"]);
        var q1Files = Snapshot(output);
        Assert.That(q1Files.Keys, Has.Some.EndsWith("statistikrapport.docx"));

        var filler = Path.Combine(output, "filler");
        var free = new DriveInfo(output).AvailableFreeSpace;
        await using (var f = File.Create(filler)) f.SetLength(0);
        await File.WriteAllBytesAsync(filler, new byte[Math.Max(0, free - 8192)]);
        var failed = await EjvProcess.RunAsync(_dir, ["run", "--quarter", "2024Q2", .. Config(hit)]);
        Assert.That(failed.ExitCode, Is.EqualTo(1), failed.ToString());
        var lines = ErrorLines(failed.Stderr);
        Assert.That(lines, Has.Count.EqualTo(1), failed.ToString());
        Assert.That(lines[0], Does.StartWith("ejv: file: ").And.Contain("No space left on device"));

        var status = await StatusAsync(hit);
        Assert.That(status.Completed, Is.EqualTo(new[] { "2024Q1" }), "the failed quarter is not recorded as reported");
        Assert.That(status.LastMessage, Does.Contain("No space left on device"), status.Json);
        Assert.That(Mails(hit, "draft."), Has.Length.EqualTo(1), "no draft for the failed quarter");
        Assert.That(Mails(hit, "alert."), Has.Length.EqualTo(1), "the administrator is told");
        File.Delete(filler);
        Assert.That(Snapshot(output).Where(f => f.Key.StartsWith("socialnamnden/2024Q1/", StringComparison.Ordinal)), Is.EquivalentTo(q1Files),
            "the earlier quarter's outputs are untouched");
        Assert.That(Directory.GetFiles(output, "*.tmp", SearchOption.AllDirectories), Is.Empty, "no temporary file left on the full disk");

        await Ok(hit, ["run", "--quarter", "2024Q2"]);
        Assert.That(Reports(hit, "2024Q2"), Is.EqualTo(Reports(calm, "2024Q2")));
        Assert.That(Mails(hit, "draft."), Has.Length.EqualTo(2), "one draft a quarter");
        status = await StatusAsync(hit);
        Assert.That(status.Completed, Is.EquivalentTo(new[] { "2024Q1", "2024Q2" }));
    }

    // ---- the world ----

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
        $"--Ejv:Mail:Administrator:0={Administrator}", "--Ejv:Mail:Lease=00:00:01", .. extra,
    ];

    private async Task Ok(string folder, string[] command, params string[] extra)
    {
        var r = await EjvProcess.RunAsync(_dir, [.. command, .. Config(folder, extra)]);
        Assert.That(r.ExitCode, Is.Zero, r.ToString());
    }

    private sealed record Failed(int ExitCode, string Stderr, IReadOnlyList<string> ErrorLines)
    {
        public override string ToString() => $"exit {ExitCode}\n{Stderr}";
    }

    /// <summary>Starts the command paused at <paramref name="point"/>, brings the outage about, and lets the run go on into it.</summary>
    private async Task<Failed> RunWithOutageAsync(string folder, string point, Func<Task> outage, string[] command, string[] extra)
    {
        using var running = EjvRunning.Start(_dir, null, [.. command, .. Config(folder, [.. extra, $"--Ejv:Testing:PauseAt={point}", "--Ejv:Testing:PauseFor=00:00:03"])]);
        Assert.That(await running.WaitForStderrAsync($"pausing at {point}", TimeSpan.FromSeconds(60)), Is.True, running.Stderr);
        await outage();
        var exit = await running.WaitForExitAsync(TimeSpan.FromSeconds(90));
        Assert.That(exit, Is.EqualTo(1), running.Stderr);
        return new Failed(exit, running.Stderr, ErrorLines(running.Stderr));
    }

    private static List<string> ErrorLines(string stderr) =>
        stderr.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.StartsWith("ejv: ", StringComparison.Ordinal)).ToList();

    private static string Reports(string folder, string quarter) =>
        string.Join("\n", Underlag.Read(Path.Combine(folder, "out"), "socialnamnden", quarter).Reports
            .Select(r => $"{r.GetProperty("beslutId")} {r.GetProperty("kind")} {r.GetProperty("status")} {r.GetProperty("late")} {r.GetProperty("deadline")}"));

    private static string[] Mails(string folder, string prefix) =>
        Directory.Exists(Path.Combine(folder, "mail")) ? Directory.GetFiles(Path.Combine(folder, "mail"), prefix + "*.eml") : [];

    private sealed record Status(string Json, IReadOnlyList<string> Outcomes, string? LastMessage, IReadOnlyList<string> Completed);

    private async Task<Status> StatusAsync(string folder, params string[] extra)
    {
        var r = await EjvProcess.RunAsync(_dir, ["status", "--json", .. Config(folder, extra)]);
        Assert.That(r.ExitCode, Is.Zero, r.ToString());
        using var json = System.Text.Json.JsonDocument.Parse(r.Stdout);
        var namnd = json.RootElement.GetProperty("namnder")[0];
        var runs = namnd.GetProperty("lastRuns").EnumerateArray().ToList();
        string? Message(System.Text.Json.JsonElement run) =>
            run.TryGetProperty("message", out var m) && m.ValueKind == System.Text.Json.JsonValueKind.String ? m.GetString() : null;
        return new Status(r.Stdout,
            runs.Select(x => x.GetProperty("outcome").GetString() ?? "").ToList(),
            runs.Select(Message).FirstOrDefault(m => m is not null),
            namnd.GetProperty("completedQuarters").EnumerateArray().Select(q => q.GetString() ?? "").ToList());
    }

    private static Dictionary<string, string> Snapshot(string root) =>
        Directory.GetFiles(root, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(root, f).Replace('\\', '/'), f => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f))));

    // ---- PostgreSQL: a database owned by its own login role, so the test can take the login away ----

    private async Task<(string Role, string ConnectionString)> PostgresDatabaseAsync()
    {
        TestPrerequisite.RequirePostgres();
        var id = Guid.NewGuid().ToString("N")[..12];
        var (role, db) = ("ejv_r_" + id, "ejv_" + id);
        await AdminSql($"CREATE ROLE {role} LOGIN PASSWORD 'outage-{id}'");
        _roles.Add(role);
        await AdminSql($"CREATE DATABASE {db} OWNER {role}");
        _databases.Add(db);
        var cs = new NpgsqlConnectionStringBuilder(Admin) { Database = db, Username = role, Password = $"outage-{id}", Pooling = false };
        return (role, cs.ToString());
    }

    /// <summary>The database goes away for this role: no new login, and every open connection cut.</summary>
    private static async Task CutAsync(string role)
    {
        await AdminSql($"ALTER ROLE {role} NOLOGIN");
        await AdminSql($"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = '{role}'");
    }

    private static async Task AdminSql(string sql)
    {
        await using var c = new NpgsqlConnection(Admin);
        await c.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, c);
        await cmd.ExecuteNonQueryAsync();
    }

    // ---- a full disk: a 512 KiB tmpfs for the output folder ----

    private async Task MountSmallDiskAsync(string folder)
    {
        Directory.CreateDirectory(folder);
        var (code, output) = await AsRoot("mount", "-t", "tmpfs", "-o", "size=512k,mode=0777", "tmpfs", folder);
        if (code != 0) TestPrerequisite.Unavailable($"cannot mount a small tmpfs for the full-disk test (run the tests as root, as tests/run-tests.sh does): {output}");
        _mount = folder;
    }

    /// <summary>As root directly, or through passwordless sudo (as the test script installs packages when not root).</summary>
    private static Task<(int Code, string Output)> AsRoot(string file, params string[] args) =>
        Environment.UserName == "root" ? Sh(file, args) : Sh("sudo", ["-n", file, .. args]);

    private static async Task<(int Code, string Output)> Sh(string file, params string[] args)
    {
        var psi = new System.Diagnostics.ProcessStartInfo(file) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = StartOrNull(psi);
        if (p is null) return (-1, $"{file} is not installed");
        var output = await p.StandardError.ReadToEndAsync() + await p.StandardOutput.ReadToEndAsync();
        await p.WaitForExitAsync();
        return (p.ExitCode, output.Trim());
    }

    private static System.Diagnostics.Process? StartOrNull(System.Diagnostics.ProcessStartInfo psi)
    {
        try { return System.Diagnostics.Process.Start(psi); }
        catch (System.ComponentModel.Win32Exception) { return null; }
    }
}
