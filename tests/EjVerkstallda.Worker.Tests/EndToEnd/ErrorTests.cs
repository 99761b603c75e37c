using EjVerkstallda.Worker.Tests.Support;

namespace EjVerkstallda.Worker.Tests.EndToEnd;

/// <summary>Bad arguments, bad configuration and unreachable databases: one clear line, a non-zero exit, no stack trace.</summary>
[TestFixture]
public sealed class ErrorTests
{
    private string _dir = "";

    [SetUp]
    public void SetUp()
    {
        _dir = EjvProcess.TempFolder();
        TestStateStore.InitSqlite(Path.Combine(_dir, "state.db"));
    }

    [TearDown]
    public void TearDown() => Directory.Delete(_dir, recursive: true);

    private static void AssertOneLine(EjvResult r, int exitCode, string contains)
    {
        Assert.That(r.ExitCode, Is.EqualTo(exitCode), r.ToString());
        Assert.That(r.ErrorLines, Has.Count.EqualTo(1), r.ToString());
        Assert.That(r.ErrorLines[0], Does.Contain(contains), r.ToString());
        Assert.That(r.Stderr, Does.Not.Contain("   at "), "no stack trace");
    }

    [TestCase("run", "--quarter", "2024Q5", ExpectedResult = "YYYYQn")]
    [TestCase("run", ExpectedResult = "give --quarter")]
    [TestCase("frobnicate", ExpectedResult = "unknown command")]
    [TestCase("run", "--quarter", "2024Q1", "--qarter", "x", ExpectedResult = "unknown option --qarter")]
    public async Task<string> BadCommandLine_ExitsTwoWithOneLine(params string[] args)
    {
        var r = await EjvProcess.RunAsync(_dir, args);
        Assert.That(r.ExitCode, Is.EqualTo(2), r.ToString());
        Assert.That(r.ErrorLines, Has.Count.EqualTo(1), r.ToString());
        return r.ErrorLines[0].Contains("YYYYQn") ? "YYYYQn" : r.ErrorLines[0].Contains("give --quarter") ? "give --quarter"
            : r.ErrorLines[0].Contains("unknown command") ? "unknown command" : r.ErrorLines[0].Contains("unknown option --qarter") ? "unknown option --qarter" : r.ErrorLines[0];
    }

    [Test]
    public async Task BadConfiguration_ListsEveryBadKey()
    {
        var r = await EjvProcess.RunAsync(_dir, "run", "--quarter", "2024Q1", "--Ejv:Source:Provider=oracle", "--Ejv:Rules:MinCellSize=0");
        AssertOneLine(r, 1, "Ejv:Source:Provider 'oracle'");
        Assert.That(r.ErrorLines[0], Does.Contain("Ejv:Rules:MinCellSize"));
    }

    [Test]
    public async Task MissingCaseSystemFile_SaysWhereToLook()
    {
        var r = await EjvProcess.RunAsync(_dir, "run", "--quarter", "2024Q1",
            $"--Ejv:Source:ConnectionString=Data Source={Path.Combine(_dir, "nope.db")};Mode=ReadOnly",
            $"--Ejv:State:ConnectionString=Data Source={Path.Combine(_dir, "state.db")}");
        AssertOneLine(r, 1, "case source");
        Assert.That(r.ErrorLines[0], Does.Contain("Ejv:Source:ConnectionString"));
    }

    [Test]
    public async Task UnreachablePostgres_OneLineNoTrace()
    {
        var r = await EjvProcess.RunAsync(_dir, "run", "--quarter", "2024Q1", "--Ejv:Source:Provider=postgresql",
            "--Ejv:Source:ConnectionString=Host=127.0.0.1;Port=1;Username=x;Password=y;Timeout=3",
            $"--Ejv:State:ConnectionString=Data Source={Path.Combine(_dir, "state.db")}");
        AssertOneLine(r, 1, "case source");
    }

    [Test]
    public async Task ConnectionStringPasswords_NeverInOutput()
    {
        const string secret = "Zq8-never-print-me";
        var env = new Dictionary<string, string> { ["Ejv__Source__ConnectionString"] = $"Host=127.0.0.1;Port=1;Username=x;Password={secret};Timeout=3" };
        var run = await EjvProcess.RunAsync(_dir, env, "run", "--quarter", "2024Q1", "--Ejv:Source:Provider=postgresql",
            $"--Ejv:State:ConnectionString=Data Source={Path.Combine(_dir, "state.db")}");
        var status = await EjvProcess.RunAsync(_dir, env, "status", "--json", "--Ejv:Source:Provider=postgresql", $"--Ejv:State:ConnectionString=Data Source={Path.Combine(_dir, "state.db")}");
        Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString());
        Assert.That(status.ExitCode, Is.Zero, status.ToString());
        Assert.That(status.Stdout, Does.Contain("\"outcome\": \"failed\""), "the failed run is in the status log");
        foreach (var text in new[] { run.Stdout, run.Stderr, status.Stdout, status.Stderr })
            Assert.That(text, Does.Not.Contain(secret));
    }

    [Test]
    public async Task CaseSystemWithoutView_NamesTheRelation()
    {
        var db = Path.Combine(_dir, "empty.db");
        using (var c = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={db}")) { c.Open(); using var cmd = c.CreateCommand(); cmd.CommandText = "CREATE TABLE x (a)"; cmd.ExecuteNonQuery(); }
        var r = await EjvProcess.RunAsync(_dir, "run", "--quarter", "2024Q1",
            $"--Ejv:Source:ConnectionString=Data Source={db};Mode=ReadOnly;Pooling=False",
            $"--Ejv:State:ConnectionString=Data Source={Path.Combine(_dir, "state.db")}");
        AssertOneLine(r, 1, "ejv_insats");
    }
}
