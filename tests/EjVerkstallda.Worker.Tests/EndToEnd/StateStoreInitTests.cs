using EjVerkstallda.Worker.Tests.Support;

namespace EjVerkstallda.Worker.Tests.EndToEnd;

/// <summary>
/// Defect 8: a mistyped state-store path (or a command run from another folder) silently started a new, empty ledger. Only
/// <c>ejv init</c> (and the demo, for its own store) creates a state store; every other command refuses one that does not
/// exist or has no schema, with one line that names it, and creates nothing.
/// </summary>
[TestFixture]
public sealed class StateStoreInitTests
{
    private string _dir = "";
    private ContractCaseSystem _cases = default!;

    [SetUp]
    public void SetUp()
    {
        _dir = EjvProcess.TempFolder();
        _cases = new ContractCaseSystem(Path.Combine(_dir, "case.db")).Add("B-1", "P-1", "SABO", "2023-11-30", fodd: "1940-01-01", kon: "M");
    }

    [TearDown]
    public void TearDown() => Directory.Delete(_dir, recursive: true);

    private string StateFile => Path.Combine(_dir, "state", "ejv.db");

    private string[] Config(params string[] extra) =>
    [
        "--Ejv:Source:Provider=sqlite", $"--Ejv:Source:ConnectionString={_cases.ConnectionString}",
        "--Ejv:State:Provider=sqlite", $"--Ejv:State:ConnectionString=Data Source={StateFile}",
        $"--Ejv:Output:Folder={Path.Combine(_dir, "out")}", "--Ejv:Mail:Delivery=pickup", $"--Ejv:Mail:PickupFolder={Path.Combine(_dir, "mail")}",
        .. extra,
    ];

    [TestCase("run", "--quarter", "2024Q1")]
    [TestCase("status")]
    [TestCase("migrate")]
    [TestCase("approve", "--quarter", "2024Q1", "--by", "Test")]
    [TestCase("ivo", "list", "--quarter", "2024Q1")]
    [TestCase("mail", "send")]
    [TestCase("remind")]
    public async Task Command_StateStoreMissing_RefusesNamingItAndCreatesNothing(params string[] command)
    {
        var r = await EjvProcess.RunAsync(_dir, [.. command, .. Config()]);

        Assert.That(r.ExitCode, Is.EqualTo(1), r.ToString());
        Assert.That(r.ErrorLines, Is.EqualTo(new[] { $"ejv: state store: {StateFile} does not exist; create it with 'ejv init' (check Ejv:State:ConnectionString)" }), r.ToString());
        Assert.That(File.Exists(StateFile), Is.False, "no new, empty ledger");
        Assert.That(Directory.Exists(Path.GetDirectoryName(StateFile)), Is.False, "not even its folder");
    }

    [Test]
    public async Task Service_StateStoreMissing_RefusesToStart()
    {
        var r = await EjvProcess.RunAsync(_dir, Config($"--Ejv:Schedule:HealthUrl={ServiceSandbox.HealthUrl(ServiceSandbox.FreePort())}", $"--Ejv:Web:Url={ServiceSandbox.HealthUrl(ServiceSandbox.FreePort())}"));

        Assert.That(r.ExitCode, Is.EqualTo(1), r.ToString());
        Assert.That(r.ErrorLines, Has.Count.EqualTo(1).And.Some.Contains($"{StateFile} does not exist; create it with 'ejv init'"), r.ToString());
        Assert.That(File.Exists(StateFile), Is.False);
    }

    [Test]
    public async Task Run_StateFileWithoutSchema_RefusesNamingIt()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(StateFile)!);
        await File.WriteAllBytesAsync(StateFile, []);

        var r = await EjvProcess.RunAsync(_dir, ["run", "--quarter", "2024Q1", .. Config()]);

        Assert.That(r.ExitCode, Is.EqualTo(1), r.ToString());
        Assert.That(r.ErrorLines, Is.EqualTo(new[] { $"ejv: state store: {StateFile} has no ejv schema (no ejv_schema_journal table); create it with 'ejv init' (check Ejv:State:ConnectionString)" }), r.ToString());
        Assert.That(new FileInfo(StateFile).Length, Is.Zero, "nothing written into it");
    }

    [Test]
    public async Task Init_ThenRun_CreatesTheStoreOnceAndRuns()
    {
        var init = await EjvProcess.RunAsync(_dir, ["init", .. Config()]);
        Assert.That(init.ExitCode, Is.Zero, init.ToString());
        var scripts = Directory.GetFiles(Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "sql", "sqlite", "state")), "*.sql").Length;
        Assert.That(init.Stdout, Does.Contain($"state store ready ({scripts} script(s) applied now)"), "every embedded state script");
        Assert.That(File.Exists(StateFile), Is.True);

        var again = await EjvProcess.RunAsync(_dir, ["init", .. Config()]);
        Assert.That(again.Stdout, Does.Contain("state store ready (0 script(s) applied now)"), "init on an existing store only upgrades");

        var run = await EjvProcess.RunAsync(_dir, ["run", "--quarter", "2024Q1", .. Config()]);
        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        Assert.That(Underlag.Read(Path.Combine(_dir, "out"), "socialnamnden", "2024Q1").Report("B-1").Str("status"), Is.EqualTo("ny"));
    }
}
