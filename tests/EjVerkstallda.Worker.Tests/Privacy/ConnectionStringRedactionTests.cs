using EjVerkstallda.Worker.Tests.Support;

namespace EjVerkstallda.Worker.Tests.Privacy;

/// <summary>
/// Issue 10, defect 11: a password with an unquoted ';' makes its tail a keyword, and the providers' "Keyword not
/// supported: '…'" message carried that tail to the console, the status log, the log file and the alert e-mail. The
/// error names the setting and the syntax rule and shows no part of the string.
/// </summary>
[TestFixture]
public sealed class ConnectionStringRedactionTests
{
    private const string Tail = "Tail7Secret";
    private string _dir = "";
    private string _caseDb = "";

    [SetUp]
    public void SetUp()
    {
        _dir = EjvProcess.TempFolder();
        _caseDb = Path.Combine(_dir, "case.db");
        new ContractCaseSystem(_caseDb).Add("B-1", "P-1", "SABO", "2023-10-01");
        TestStateStore.InitSqlite(Path.Combine(_dir, "state.db"));
    }

    [TearDown]
    public void TearDown() => Directory.Delete(_dir, recursive: true);

    private string StateDb => $"Data Source={Path.Combine(_dir, "state.db")}";

    private string[] Config(string sourceProvider, string state) =>
    [
        $"--Ejv:Source:Provider={sourceProvider}", "--Ejv:State:Provider=sqlite", $"--Ejv:State:ConnectionString={state}",
        $"--Ejv:Output:Folder={Path.Combine(_dir, "out")}", $"--Ejv:Mail:PickupFolder={Path.Combine(_dir, "mail")}",
        $"--Ejv:Logging:Folder={Path.Combine(_dir, "logs")}",
    ];

    /// <summary>Every text the run left behind: output, log files, pickup mails, and the status log read back.</summary>
    private async Task<string> EverythingAfter(EjvResult run)
    {
        var status = await EjvProcess.RunAsync(_dir, ["status", "--json", .. Config("sqlite", StateDb)]);
        var files = Directory.EnumerateFiles(_dir, "*", SearchOption.AllDirectories)
            .Where(f => !Path.GetFileName(f).StartsWith("case.db", StringComparison.Ordinal) && !f.EndsWith(".db", StringComparison.Ordinal))
            .Select(File.ReadAllText);
        return string.Join("\n", [run.Stdout, run.Stderr, status.Stdout, status.Stderr, .. files]);
    }

    [TestCase("postgresql", "Host=127.0.0.1;Port=1;Username=x;Password=ab;" + Tail + ";Timeout=3")]
    [TestCase("postgresql", "Host=127.0.0.1;Port=1;Username=x;Password=ab;" + Tail + "=1;Timeout=3")]
    [TestCase("sqlserver", "Server=127.0.0.1,1;User Id=x;Password=ab;" + Tail + "=1;Connect Timeout=3")]
    [TestCase("sqlite", "Data Source=DB;Mode=ReadOnly;Password=ab;" + Tail + "=1")]
    public async Task Run_SourcePasswordWithUnquotedSemicolon_NamesTheSettingShowsNoPartOfIt(string provider, string connectionString)
    {
        var env = new Dictionary<string, string> { ["Ejv__Source__ConnectionString"] = connectionString.Replace("DB", _caseDb, StringComparison.Ordinal) };

        var run = await EjvProcess.RunAsync(_dir, env, ["run", "--quarter", "2024Q1", .. Config(provider, StateDb)]);

        Assert.That(run.ExitCode, Is.Not.Zero, run.ToString());
        Assert.That(run.ErrorLines, Has.Count.EqualTo(1), run.ToString());
        Assert.That(run.ErrorLines[0], Does.Contain("Ejv:Source:ConnectionString").And.Contain("double quotes"));
        var everything = await EverythingAfter(run);
        Assert.That(everything, Does.Not.Contain(Tail).IgnoreCase);
        Assert.That(everything, Does.Not.Contain("Password=ab").IgnoreCase);
    }

    [Test]
    public async Task Run_StatePasswordWithUnquotedSemicolon_NamesTheSettingShowsNoPartOfIt()
    {
        var run = await EjvProcess.RunAsync(_dir, ["run", "--quarter", "2024Q1",
            "--Ejv:Source:Provider=sqlite", $"--Ejv:Source:ConnectionString=Data Source={_caseDb};Mode=ReadOnly",
            .. Config("sqlite", StateDb + ";Password=ab;" + Tail + "=1")[1..]]);

        Assert.That(run.ExitCode, Is.Not.Zero, run.ToString());
        Assert.That(run.ErrorLines, Has.Count.EqualTo(1), run.ToString());
        Assert.That(run.ErrorLines[0], Does.Contain("Ejv:State:ConnectionString").And.Contain("double quotes"));
        Assert.That(await EverythingAfter(run), Does.Not.Contain(Tail).IgnoreCase);
    }

    [Test]
    public async Task Run_QuotedValueInConnectionString_IsAccepted()
    {
        var run = await EjvProcess.RunAsync(_dir, ["run", "--quarter", "2024Q1",
            "--Ejv:Source:Provider=sqlite", $"--Ejv:Source:ConnectionString=Data Source={_caseDb};Mode=ReadOnly;Pooling=False",
            .. Config("sqlite", StateDb + ";Pooling=False;Foreign Keys=\"True\"")[1..]]);

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
    }
}
