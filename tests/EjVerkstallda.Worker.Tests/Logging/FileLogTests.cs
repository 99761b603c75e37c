using EjVerkstallda.Worker.Tests.Support;

namespace EjVerkstallda.Worker.Tests.Logging;

/// <summary>
/// Issue 11: a failure that stops a command before it has done anything (here the configuration check at start) reaches the
/// log file too, not only the console; the console still shows the one <c>ejv:</c> line.
/// </summary>
[TestFixture]
public sealed class FileLogTests
{
    private string _dir = default!;

    [SetUp]
    public void SetUp() => _dir = EjvProcess.TempFolder();

    [TearDown]
    public void TearDown() => Directory.Delete(_dir, recursive: true);

    [Test]
    public async Task Command_ConfigurationFailsAtStart_OneConsoleLineAndTheSameReasonInTheLogFile()
    {
        var state = Path.Combine(_dir, "state.db");
        TestStateStore.InitSqlite(state);
        var logs = Path.Combine(_dir, "logs");

        var result = await EjvProcess.RunAsync(_dir, "status",
            $"--Ejv:State:ConnectionString=Data Source={state}", $"--Ejv:Logging:Folder={logs}", "--Ejv:Rules:MinCellSize=0");

        var logText = Directory.Exists(logs)
            ? string.Concat(Directory.GetFiles(logs, "*.jsonl").Select(File.ReadAllText))
            : "";
        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
            Assert.That(result.ErrorLines, Has.Count.EqualTo(1), result.ToString());
            Assert.That(result.ErrorLines[0], Does.Contain("MinCellSize"), result.ToString());
            Assert.That(logText, Does.Contain("MinCellSize"), "the start-up failure is in the log file\n" + logText);
            Assert.That(logText, Does.Contain("\"Level\":\"Error\""), logText);
        });
    }
}
