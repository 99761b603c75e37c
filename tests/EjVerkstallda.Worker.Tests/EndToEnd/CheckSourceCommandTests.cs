using System.Text.Json;
using Dapper;
using EjVerkstallda.Infrastructure.Data;
using EjVerkstallda.Infrastructure.Demo;
using EjVerkstallda.Worker.Tests.Support;
using Microsoft.Data.Sqlite;

namespace EjVerkstallda.Worker.Tests.EndToEnd;

/// <summary>
/// <c>ejv check-source</c> as a user runs it: the built executable against a real SQLite case system (the example schema),
/// once through the example views and once through a broken view with every planted fault.
/// </summary>
[TestFixture]
public sealed class CheckSourceCommandTests
{
    private const string Clock = "--Ejv:Testing:ClockStart=2024-07-15T10:00:00Z";
    private string _folder = "";
    private string _db = "";

    [SetUp]
    public async Task SetUp()
    {
        _folder = EjvProcess.TempFolder();
        _db = Path.Combine(_folder, "case-system.db");
        await using var c = new SqliteConnection($"Data Source={_db};Pooling=False");
        await c.OpenAsync();
        var sqlite = SqlDialect.For(DbProvider.Sqlite);
        await DemoCaseSystem.CreateSchemaAsync(c, sqlite, CancellationToken.None);
        var rows = DemoCatalogue.Insatser.Select((i, n) => new DemoBeslut
        {
            BeslutId = $"G-{n + 1}", PersonId = "P-1", InsatsKod = i.Kod, BeslutDatum = new DateOnly(2023, 9, 1).AddDays(7 * n),
            VerkstDatum = n % 3 == 0 ? null : new DateOnly(2023, 10, 1).AddDays(7 * n),
        });
        await DemoCaseSystem.InsertAsync(c, sqlite, [new DemoPerson("P-1", new DateOnly(1950, 5, 17), "K", false)], rows, CancellationToken.None);
        await c.ExecuteAsync("""
            CREATE VIEW ejv_beslut_broken AS
            SELECT b.beslut_id, b.person_id, CASE WHEN b.beslut_id = 'G-2' THEN 'ZZZ' ELSE b.insats_kod END AS insats_kod,
                   strftime('%d/%m/%Y', b.beslut_datum) AS beslutsdatum, b.verkst_datum AS verkstallighetsdatum,
                   b.avbrott_datum AS avbrottsdatum, b.ater_datum AS aterupptagandedatum, b.avslut_datum AS avslutsdatum,
                   b.avslut_orsak AS avslutsorsak, b.erbjuden_datum AS erbjudandedatum, b.tackat_nej, p.fodd AS fodelsedatum,
                   CASE WHEN b.beslut_id = 'G-1' THEN 'X' ELSE p.kon END AS kon, p.skyddad AS skyddad_identitet, b.kommentar AS skal
            FROM cs_beslut b LEFT JOIN cs_person p ON p.person_id = b.person_id;
            CREATE VIEW ejv_insats_broken AS
            SELECT kod AS insats_kod, namn AS benamning, lag, lagrum FROM cs_insatstyp UNION ALL SELECT 'GAMMAL', 'Gammal insats', 'SoL', 'bistand';
            """);
    }

    [TearDown]
    public void TearDown() => Directory.Delete(_folder, recursive: true);

    private async Task<EjvResult> CheckAsync(bool broken, params string[] extra)
    {
        if (broken)
        {
            await using var c = new SqliteConnection($"Data Source={_db};Pooling=False");
            await c.ExecuteAsync("DROP INDEX IF EXISTS ix_cs_beslut_avbrott"); // the planted missing index
        }
        return await EjvProcess.RunAsync(_folder,
    [
        "check-source", Clock, "--Ejv:Source:Provider=sqlite", $"--Ejv:Source:ConnectionString=Data Source={_db};Pooling=False",
        .. broken ? new[] { "--Ejv:Source:BeslutRelation=ejv_beslut_broken", "--Ejv:Source:InsatsRelation=ejv_insats_broken" } : [],
        .. extra,
    ]);
    }

    [Test]
    public async Task CheckSource_ExampleView_ExitsZeroAndSaysUsable()
    {
        var r = await CheckAsync(broken: false);

        Assert.That(r.ExitCode, Is.EqualTo(0), r.ToString());
        Assert.That(r.Stdout, Does.Contain("Vyn kan användas (0 varning(ar))."));
        Assert.That(r.Stdout, Does.Contain("beslutsdatum          ix_cs_beslut_beslut"));
        Assert.That(r.Stdout, Does.Contain("Kandidater per kvartal (socialnamnden): 2022Q3"));
        Assert.That(r.Stdout, Does.Not.Contain("FEL").And.Not.Contain("VARNING"));
        Assert.That(r.Stdout.Split('\n'), Has.Length.LessThan(50), "one screen");
    }

    [Test]
    public async Task CheckSource_BrokenView_ExitsOneAndNamesEveryPlantedFault()
    {
        var r = await CheckAsync(broken: true);

        Assert.That(r.ExitCode, Is.EqualTo(1), r.ToString());
        var lines = r.Stdout.Split('\n');
        string Line(string start, string text) => lines.SingleOrDefault(l => l.StartsWith(start, StringComparison.Ordinal) && l.Contains(text, StringComparison.Ordinal)) ?? "";
        Assert.Multiple(() =>
        {
            Assert.That(Line("FEL", "ejv_beslut_broken.enhet saknas"), Is.Not.Empty, "missing column");
            Assert.That(Line("FEL", "beslutsdatum: 19 rad(er) har text som inte är ett datum"), Is.Not.Empty, "text date DD/MM/YYYY");
            Assert.That(Line("FEL", "insatskoder som ejv_insats_broken inte mappar används av 1 beslut, som inte bedöms: ZZZ (1)"), Is.Not.Empty, "unmapped code");
            Assert.That(Line("VARNING", "inget index på den underliggande tabellen tjänar avbrottsdatum"), Is.Not.Empty, "missing index");
            Assert.That(Line("VARNING", "kon: 1 rad(er) har ett värde som varken är K eller M"), Does.EndWith("(beslut_id G-1)"), "kon outside the list");
            Assert.That(Line("VARNING", "koder som inget beslut använder"), Does.Contain("GAMMAL"), "unused catalogue row");
            Assert.That(r.ErrorLines, Is.EqualTo(new[] { "ejv: check-source: vyn kan inte användas: 3 fel att åtgärda" }));
        });
    }

    [Test]
    public async Task CheckSource_BrokenViewJson_ParsesWithTheSameFindings()
    {
        var text = await CheckAsync(broken: true);
        var json = await CheckAsync(broken: true, "--json", "--lang", "en");

        using var doc = JsonDocument.Parse(json.Stdout);
        var findings = doc.RootElement.GetProperty("findings").EnumerateArray()
            .Select(f => $"{f.GetProperty("severity").GetString()} {f.GetProperty("code").GetString()} {f.GetProperty("column").GetString()}").ToList();
        Assert.Multiple(() =>
        {
            Assert.That(json.ExitCode, Is.EqualTo(1));
            Assert.That(doc.RootElement.GetProperty("usable").GetBoolean(), Is.False);
            Assert.That(findings, Is.SupersetOf(new[]
            {
                "fault kolumn_saknas enhet", "fault textdatum_ogiltigt beslutsdatum", "fault insats_omappad insats_kod",
                "warning index_saknas avbrottsdatum", "warning kon_utanfor_lista kon", "warning insats_oanvand insats_kod",
            }));
            Assert.That(findings, Has.Count.EqualTo(text.Stdout.Split('\n').Count(l => l.StartsWith("FEL", StringComparison.Ordinal) || l.StartsWith("VARNING", StringComparison.Ordinal))),
                "the same findings as the screen");
            Assert.That(doc.RootElement.GetProperty("findings")[0].GetProperty("message").GetString(), Does.Contain("is missing"), "--lang en");
        });
    }

    [Test]
    public async Task CheckSource_English_PrintsEnglishScreen()
    {
        var r = await CheckAsync(broken: true, "--lang", "en");

        Assert.That(r.Stdout, Does.Contain("FAULT   ejv_beslut_broken.enhet is missing"));
        Assert.That(r.Stdout, Does.Contain("The view cannot be used: 3 fault(s) to fix"));
    }

    [Test]
    public async Task CheckSource_MissingSqliteFile_FailsAndCreatesNothing()
    {
        var missing = Path.Combine(_folder, "typo.db");
        var r = await EjvProcess.RunAsync(_folder, "check-source", "--Ejv:Source:Provider=sqlite", $"--Ejv:Source:ConnectionString=Data Source={missing}");

        Assert.That(r.ExitCode, Is.EqualTo(1), r.ToString());
        Assert.That(r.ErrorLines.Single(), Does.StartWith("ejv: case source: cannot open the case source (sqlite) read-only"));
        Assert.That(File.Exists(missing), Is.False, "read-only: a mistyped path never creates a database");
    }
}
