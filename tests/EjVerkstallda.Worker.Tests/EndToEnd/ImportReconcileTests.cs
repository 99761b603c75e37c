using EjVerkstallda.Worker.Tests.Support;
using Microsoft.Data.Sqlite;

namespace EjVerkstallda.Worker.Tests.EndToEnd;

/// <summary>
/// Issue 14's acceptance case: a kommun that reported by hand up to 2026Q2 imports its history, the product runs 2026Q3,
/// and the reconciliation lists the beslut it never reported. Real <c>ejv</c> processes, a contract case system, the clock
/// at 2026-10-15 (2026Q3 has ended). Expected values worked out by hand from CONTRACT sections 3 and 4.
/// </summary>
[TestFixture]
public sealed class ImportReconcileTests
{
    private const string Clock = "--Ejv:Testing:ClockStart=2026-10-15T08:00:00Z";
    private string _dir = "";
    private ContractCaseSystem _cases = default!;

    /// <summary>The kommun's spreadsheet: B-1 and B-4 are one person under one identifier; B-6 is missing (never reported).</summary>
    public const string History = """
        beslut_id;kind;avbrottsdatum;ivo_id;first_quarter;last_quarter;last_status
        B-1;ej_verkstallt;;19400101-T133;2026Q1;2026Q2;kvarstar
        B-2;ej_verkstallt;;19550505-T201;2025Q4;2026Q2;kvarstar
        B-3;ej_verkstallt;;19600606-T415;2025Q3;2025Q4;verkstalld
        B-4;ej_verkstallt;;19400101-T133;2026Q2;2026Q2;ny
        B-5;avbrott;2025-12-01;19700707-T042;2026Q1;2026Q2;kvarstar
        """;

    [SetUp]
    public void SetUp()
    {
        _dir = EjvProcess.TempFolder();
        TestStateStore.InitSqlite(Path.Combine(_dir, "state.db"));
        _cases = new ContractCaseSystem(Path.Combine(_dir, "case.db"))
            // D 2026-01-15: reportable from 2026Q1, open. Reported by hand Q1, Q2: kvarstår in Q3.
            .Add("B-1", "P-1", "SABO", "2025-10-15", fodd: "1940-01-01", kon: "M")
            // D 2025-12-01, verkställd 2026-08-10: reported Q4–Q2, closing report owed in Q3.
            .Add("B-2", "P-2", "L9", "2025-09-01", verk: "2026-08-10", fodd: "1955-05-05", kon: "K")
            // D 2025-09-10, verkställd 2025-11-20: closed at IVO in 2025Q4, never again.
            .Add("B-3", "P-3", "SABO", "2025-06-10", verk: "2025-11-20", fodd: "1960-06-06", kon: "M")
            // The same person as B-1: D 2026-05-01, open. Reported once (ny in Q2): kvarstår in Q3 under P-1's identifier.
            .Add("B-4", "P-1", "EKB", "2026-02-01", fodd: "1940-01-01", kon: "M")
            // Avbrott 2025-12-01, D 2026-03-01, not resumed: kvarstår in Q3.
            .Add("B-5", "P-5", "L4", "2024-01-01", verk: "2024-02-01", avbrott: "2025-12-01", fodd: "1970-07-07", kon: "K")
            // D 2026-02-20, open, never reported by hand: the rules report it in Q1 and Q2 (missed), ny and late in Q3.
            .Add("B-6", "P-6", "SABO", "2025-11-20", fodd: "1945-02-02", kon: "K")
            // Verkställd in time: never reportable.
            .Add("B-7", "P-7", "SABO", "2026-01-10", verk: "2026-02-01", fodd: "1950-03-03", kon: "K");
    }

    [TearDown]
    public void TearDown() => Directory.Delete(_dir, recursive: true);

    private string[] Config(params string[] extra) =>
    [
        "--Ejv:Source:Provider=sqlite", $"--Ejv:Source:ConnectionString={_cases.ConnectionString}",
        "--Ejv:State:Provider=sqlite", $"--Ejv:State:ConnectionString=Data Source={StatePath};Pooling=False",
        $"--Ejv:Output:Folder={Path.Combine(_dir, "out")}", Clock, .. extra,
    ];

    private string StatePath => Path.Combine(_dir, "state.db");

    private async Task<EjvResult> Ejv(params string[] args) => await EjvProcess.RunAsync(_dir, [.. args, .. Config()]);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text.Replace("\n", "\r\n", StringComparison.Ordinal), new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        return path;
    }

    /// <summary>
    /// <c>ejv status</c> says which history was imported: the file (name and the start of its SHA-256), when, by whom and how
    /// many rows; <c>--json</c> gives the whole hash. Before any import it says none.
    /// </summary>
    [Test]
    public async Task Status_AfterImportHistory_ShowsTheFileItsHashWhenAndRows()
    {
        var before = await Ejv("status");
        Assert.That(before.Stdout, Does.Contain("Imported history: none"), before.ToString());
        var file = Write("historik.csv", History);
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(file)));
        var import = await Ejv("import", "history", "--file", file);
        Assert.That(import.ExitCode, Is.Zero, import.ToString());

        var status = await Ejv("status");
        Assert.That(status.ExitCode, Is.Zero, status.ToString());
        Assert.That(status.Stdout, Does.Contain($"Imported history: historik.csv (sha256 {sha[..12]}…) at 2026-10-15T08:")
            .And.Contain($"by {Environment.UserName}, 5 row(s)"));
        var json = await Ejv("status", "--json");
        var imported = System.Text.Json.JsonDocument.Parse(json.Stdout).RootElement.GetProperty("namnder")[0].GetProperty("imports")[0];
        Assert.That((imported.GetProperty("kind").GetString(), imported.GetProperty("sha256").GetString(), imported.GetProperty("rows").GetInt32()),
            Is.EqualTo(("history", sha, 5)));
    }

    [Test]
    public async Task ImportHistory_ThenRun_ReportsImportedCasesKvarstarWithTheirIdentifiers_AndReconcileListsTheMissedBeslut()
    {
        var file = Write("historik.csv", History);
        var dry = await Ejv("import", "history", "--file", file, "--dry-run");
        Assert.That(dry.ExitCode, Is.Zero, dry.ToString());
        Assert.That(dry.Stdout, Does.Contain("line 2: B-1 ej_verkstallt 2026Q1–2026Q2 kvarstar -> kvarstår"));
        Assert.That(dry.Stdout, Does.Contain("line 3: B-2 ej_verkstallt 2025Q4–2026Q2 kvarstar -> closing report owed: verkstalld 2026-08-10"));
        Assert.That(dry.Stdout, Does.Contain("line 4: B-3 ej_verkstallt 2025Q3–2025Q4 verkstalld -> never again"));
        Assert.That(dry.Stdout, Does.Contain("total: kvarstår 3, closing report owed 1, never again 1"));
        Assert.That(Rows("ejv_report"), Is.Zero, "a dry run imports nothing");

        var imported = await Ejv("import", "history", "--file", file);
        Assert.That(imported.ExitCode, Is.Zero, imported.ToString());
        Assert.That(imported.Stdout, Does.Contain("imported 5 case(s) (10 ledger row(s), 4 person(s)"));
        var again = await Ejv("import", "history", "--file", file);
        Assert.That(again.ExitCode, Is.Zero, again.ToString());
        Assert.That(again.Stdout, Does.Contain("already imported"));
        Assert.That(Rows("ejv_report"), Is.EqualTo(10), "the second import changed nothing");

        var run = await Ejv("run", "--quarter", "2026Q3");
        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        var q3 = Underlag.Read(Path.Combine(_dir, "out"), "socialnamnden", "2026Q3");
        Assert.That(Status(q3, "B-1"), Is.EqualTo(("kvarstar", "False", "19400101-T133")));
        Assert.That(Status(q3, "B-4"), Is.EqualTo(("kvarstar", "False", "19400101-T133")), "the person's identifier, for their other beslut too");
        Assert.That(Status(q3, "B-5", "avbrott"), Is.EqualTo(("kvarstar", "False", "19700707-T042")));
        Assert.That(Status(q3, "B-2"), Is.EqualTo(("verkstalld", "False", "19550505-T201")), "the closing report owed");
        Assert.That(q3.Report("B-3"), Is.Null, "closed at IVO: never again");
        Assert.That(Status(q3, "B-6").Item1, Is.EqualTo("ny"));
        Assert.That(Status(q3, "B-6").Item2, Is.EqualTo("True"), "never reported: new and late");

        var before = Dump();
        var xlsx = Path.Combine(_dir, "avstamning.xlsx");
        var reconcile = await Ejv("reconcile", "--from", "2025Q1", "--to", "2026Q3", "--out", xlsx);
        Assert.That(reconcile.ExitCode, Is.Zero, reconcile.ToString());
        Assert.That(reconcile.Stdout, Does.Contain("  2026Q1      4         3       1          0                 0                 0"));
        Assert.That(reconcile.Stdout, Does.Contain("  2026Q2      5         4       1          0                 0                 0"));
        Assert.That(reconcile.Stdout, Does.Contain("2 missed report(s) of 1 case(s)"));
        Assert.That(reconcile.Stdout, Does.Not.Contain("B-6"), "beslut ids only in the confidential workbook");
        Assert.That(Dump(), Is.EqualTo(before), "reconcile changes nothing in the state store");
        if (!OperatingSystem.IsWindows()) Assert.That(File.GetUnixFileMode(xlsx), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite), "confidential: 0600");
        var missed = Infrastructure.Import.XlsxTableReader.Read(File.ReadAllBytes(xlsx), "avstamning.xlsx", "Missade ärenden");
        Assert.That(missed.Lines.Select(r => (r.Cells[0], r.Cells[3], r.Cells[4], r.Cells[5])), Is.EqualTo(new[] { ("B-6", "2026Q1", "2", "2026Q3") }));
    }

    [Test]
    public async Task ImportHistory_WithFirstQuarter_ACaseMissingFromTheFileIsNyAndLate_NotGuessedAsHandReported()
    {
        const string first = "--Ejv:Namnder:0:FirstQuarter=2026Q3";
        var imported = await Ejv("import", "history", "--file", Write("historik.csv", History), first);
        Assert.That(imported.ExitCode, Is.Zero, imported.ToString());
        var run = await Ejv("run", "--quarter", "2026Q3", first);
        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        var q3 = Underlag.Read(Path.Combine(_dir, "out"), "socialnamnden", "2026Q3");
        Assert.That(Status(q3, "B-6").Item1, Is.EqualTo("ny"), "the kommun's file is the record of what it reported: B-6 is not in it");
        Assert.That(Status(q3, "B-6").Item2, Is.EqualTo("True"));
        Assert.That(Status(q3, "B-1"), Is.EqualTo(("kvarstar", "False", "19400101-T133")));
    }

    [Test]
    public async Task ImportHistory_FileWithErrors_ImportsNothingAndNamesEveryLine()
    {
        var file = Write("fel.csv", """
            beslut_id,kind,avbrottsdatum,ivo_id,first_quarter,last_quarter,last_status
            B-1,ej_verkstallt,,19400101-T133,2026Q1,2026Q2,kvarstar
            B-404,ej_verkstallt,,19500101-T111,2026Q1,2026Q2,kvarstar
            B-4,ej_verkstallt,,19400101-T135,2026Q2,2026Q2,ny
            B-5,avbrott,,19700707-T042,2026Q2,2026Q1,kvarstar
            B-2,ej_verkstallt,,19550505-T201,2025Q4,2026Q4,kvarstar
            B-6,ej_verkstallt,,19450202-T111,2026Q1,2026Q2,kvarstar
            """);
        var r = await Ejv("import", "history", "--file", file);
        Assert.That(r.ExitCode, Is.EqualTo(1), r.ToString());
        Assert.That(r.ErrorLines, Has.Some.Contains("fel.csv line 3: beslut B-404 is not in ejv_beslut"));
        Assert.That(r.ErrorLines, Has.Some.Contains("fel.csv line 4: beslut B-4 is the same person (person_id) as line 2 but has another ivo_id"));
        Assert.That(r.ErrorLines, Has.Some.Contains("fel.csv line 5: kind avbrott needs an avbrottsdatum"));
        Assert.That(r.ErrorLines, Has.Some.Contains("fel.csv line 5: first_quarter 2026Q2 is after last_quarter 2026Q1"));
        Assert.That(r.ErrorLines, Has.Some.Contains("fel.csv line 6: last_quarter 2026Q4 is not before 2026Q4"));
        Assert.That(r.ErrorLines, Has.Some.Contains("fel.csv line 7: ivo_id's kön digit"));
        Assert.That(r.ErrorLines, Has.None.Contains("line 2:"), "line 2 is right");
        Assert.That(r.ErrorLines.Last(), Does.Contain("error(s) in fel.csv; nothing was imported"));
        Assert.That(r.Stderr, Does.Not.Contain("19400101"), "an IVO identifier holds a birth date: never repeated in a message");
        Assert.That(Rows("ejv_report") + Rows("ejv_person") + Rows("ejv_import"), Is.Zero);
    }

    [Test]
    public async Task ImportHistory_ConflictingSecondFile_IsRefusedNamingTheLine()
    {
        Assert.That((await Ejv("import", "history", "--file", Write("historik.csv", History))).ExitCode, Is.Zero);
        var changed = Write("andra.csv", History.Replace("B-2;ej_verkstallt;;19550505-T201;2025Q4;2026Q2;kvarstar", "B-2;ej_verkstallt;;19550505-T201;2025Q4;2026Q2;verkstalld", StringComparison.Ordinal));
        var r = await Ejv("import", "history", "--file", changed);
        Assert.That(r.ExitCode, Is.EqualTo(1), r.ToString());
        Assert.That(r.ErrorLines, Has.Some.Contains("andra.csv line 3: beslut B-2 (ej_verkstallt) was imported earlier as 2025Q4–2026Q2 kvarstar"));
        Assert.That(Rows("ejv_import"), Is.EqualTo(1));
        Assert.That(Rows("ejv_report"), Is.EqualTo(10));
    }

    private static (string?, string?, string?) Status(Underlag u, string id, string kind = "ej_verkstallt")
    {
        var r = u.Report(id, kind);
        Assert.That(r, Is.Not.Null, $"{id} {kind} is reported");
        return (r.Str("status"), r.Str("late"), r.Str("ivoId"));
    }

    private long Rows(string table)
    {
        using var c = new SqliteConnection($"Data Source={StatePath};Mode=ReadOnly;Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = $"SELECT COUNT(*) FROM {table}";
        return (long)cmd.ExecuteScalar()!;
    }

    /// <summary>Every row of every table of the state store, as text.</summary>
    private string Dump()
    {
        using var c = new SqliteConnection($"Data Source={StatePath};Mode=ReadOnly;Pooling=False");
        c.Open();
        var tables = new List<string>();
        using (var cmd = c.CreateCommand())
        {
            cmd.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name";
            using var r = cmd.ExecuteReader();
            while (r.Read()) tables.Add(r.GetString(0));
        }
        var sb = new System.Text.StringBuilder();
        foreach (var t in tables)
        {
            using var cmd = c.CreateCommand();
            cmd.CommandText = $"SELECT * FROM \"{t}\"";
            using var r = cmd.ExecuteReader();
            var rows = new List<string>();
            while (r.Read()) rows.Add(string.Join("|", Enumerable.Range(0, r.FieldCount).Select(i => r.IsDBNull(i) ? "NULL" : Convert.ToString(r.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
            rows.Sort(StringComparer.Ordinal);
            sb.Append(t).Append('\n').AppendJoin('\n', rows).Append('\n');
        }
        return sb.ToString();
    }
}
