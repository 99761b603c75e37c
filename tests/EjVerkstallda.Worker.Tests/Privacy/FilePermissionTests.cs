using EjVerkstallda.Worker.Tests.Support;

namespace EjVerkstallda.Worker.Tests.Privacy;

/// <summary>
/// Issue 10, defect 10: outside systemd (umask 022) every file and folder the product makes holds personal data or leads
/// to it (the IVO underlag, the state store with person_id → IVO identifier, .eml drafts, logs, locks), so none may be
/// readable by the group or by other local users, whatever the umask.
/// </summary>
[TestFixture]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
[Platform(Exclude = "Win", Reason = "Unix file modes; on Windows the folder ACL decides")]
public sealed class FilePermissionTests
{
    private const UnixFileMode GroupOrOther =
        UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute |
        UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    private string _dir = "";
    private string _caseDb = "";

    [SetUp]
    public void SetUp()
    {
        _dir = EjvProcess.TempFolder();
        _caseDb = Path.Combine(_dir, "case.db");
        new ContractCaseSystem(_caseDb)
            .Add("B-1", "P-1", "SABO", "2023-10-01", fodd: "1940-01-01", kon: "M")
            .Add("B-2", "P-2", "NOPE", "2023-10-01");
    }

    [TearDown]
    public void TearDown() => Directory.Delete(_dir, recursive: true);

    private string[] Config() =>
    [
        "--Ejv:Source:Provider=sqlite", $"--Ejv:Source:ConnectionString=Data Source={_caseDb};Mode=ReadOnly;Pooling=False",
        "--Ejv:State:Provider=sqlite", $"--Ejv:State:ConnectionString=Data Source={Path.Combine(_dir, "data", "state.db")}",
        $"--Ejv:Output:Folder={Path.Combine(_dir, "out")}",
        $"--Ejv:Mail:PickupFolder={Path.Combine(_dir, "mail")}",
        $"--Ejv:Logging:Folder={Path.Combine(_dir, "logs")}",
    ];

    private async Task RunQuarter()
    {
        if (!File.Exists(Path.Combine(_dir, "data", "state.db")))
        {
            var init = await UmaskProcess.RunAsync(_dir, "022", ["init", .. Config()]);
            Assert.That(init.ExitCode, Is.Zero, init.ToString());
        }
        var r = await UmaskProcess.RunAsync(_dir, "022", ["run", "--quarter", "2024Q1", .. Config()]);
        Assert.That(r.ExitCode, Is.Zero, r.ToString());
    }

    /// <summary>Everything under the test's folder except the case system the test itself wrote.</summary>
    private List<string> ProductEntries() =>
        Directory.EnumerateFileSystemEntries(_dir, "*", SearchOption.AllDirectories)
            .Where(p => !Path.GetFileName(p).StartsWith("case.db", StringComparison.Ordinal)).ToList();

    [Test]
    public async Task Run_UnderUmask022_MakesNoFileOrFolderOthersCanRead()
    {
        await RunQuarter();

        var entries = ProductEntries();
        var names = entries.Select(p => Path.GetRelativePath(_dir, p)).ToList();
        Assert.That(names, Does.Contain(Path.Combine("data", "state.db")));
        Assert.That(names, Does.Contain(Path.Combine("out", "socialnamnden", "2024Q1", "ivo-underlag.json")));
        Assert.That(names, Does.Contain(Path.Combine("out", "socialnamnden", "2024Q1", "ivo-underlag.xlsx")));
        Assert.That(names.Where(n => n.StartsWith("mail" + Path.DirectorySeparatorChar, StringComparison.Ordinal)), Has.Some.EndsWith(".eml"));
        Assert.That(names.Where(n => n.StartsWith("logs" + Path.DirectorySeparatorChar, StringComparison.Ordinal)), Has.Some.EndsWith(".jsonl"));
        Assert.That(names, Has.Some.EndsWith(".lock"));

        var open = entries.Where(p => (File.GetUnixFileMode(p) & GroupOrOther) != 0)
            .Select(p => $"{Path.GetRelativePath(_dir, p)} {Convert.ToString((int)File.GetUnixFileMode(p), 8)}").ToList();
        Assert.That(open, Is.Empty, "files and folders the group or other users can read, write or enter");
    }

    [Test]
    public async Task Run_AfterAnInterruptedWrite_RemovesTheStaleTempFileWithPersonalData()
    {
        await RunQuarter();
        var quarterFolder = Path.Combine(_dir, "out", "socialnamnden", "2024Q1");
        // What a run killed between writing and renaming leaves behind (pid of a process that no longer exists).
        var stale = Path.Combine(quarterFolder, ".ivo-underlag.json.4194000.tmp");
        File.WriteAllText(stale, "{\"ivoId\": \"19400101-T123\"}");

        await RunQuarter();

        Assert.That(File.Exists(stale), Is.False, "a temp file of an interrupted write stays forever");
        Assert.That(Directory.GetFiles(quarterFolder, "*.tmp"), Is.Empty);
    }
}
