using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using EjVerkstallda.Worker.Tests.Support;

namespace EjVerkstallda.Worker.Tests.Evidence;

/// <summary>
/// <c>ejv evidence</c> as a user runs it, after a quarter was run twice, its reports marked entered and the report approved:
/// the zip is owner-only under umask 022, its manifest's hashes are the files' own, it holds both runs, the approval, every
/// message (without bodies), the entered marks and the data-quality list, and no person data beyond IVO's identifiers.
/// The quarter is lived once for the fixture (the tests only read the state store and write packs of their own).
/// </summary>
[TestFixture]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
[Platform(Exclude = "Win", Reason = "Unix file modes; on Windows the folder ACL decides")]
public sealed class EvidenceCommandTests
{
    private const UnixFileMode GroupOrOther = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    private string _dir = "";
    private ContractCaseSystem _cases = default!;

    [OneTimeSetUp]
    public async Task LiveTheQuarterOnce()
    {
        _dir = EjvProcess.TempFolder();
        TestStateStore.InitSqlite(Path.Combine(_dir, "state.db"));
        _cases = new ContractCaseSystem(Path.Combine(_dir, "case.db"))
            // 6 whole months at E 2024-03-31: band 6–11.
            .Add("B-2001", "P-1", "SABO", "2023-09-15", fodd: "1961-07-04", kon: "K", skal: "Ingen ledig plats")
            // 21 months: two-year day 2024-06-15 is after E, so near two years.
            .Add("B-2002", "P-2", "SABO", "2022-06-15", fodd: "1938-02-11", kon: "M")
            // Two-year day 2024-03-01 before E: past two years.
            .Add("B-2003", "P-3", "L4", "2022-03-01", fodd: "1990-12-24", kon: "K")
            // Closed in the quarter: a closing report, not at risk.
            .Add("B-2004", "P-4", "SABO", "2023-10-10", avslut: "2024-01-20", orsak: "avliden", fodd: "1944-04-04", kon: "M")
            // Unknown insats code: on the data-quality list.
            .Add("B-2005", "P-5", "NOPE", "2023-10-01", fodd: "1950-05-05", kon: "K");
        await LiveTheQuarter();
    }

    [OneTimeTearDown]
    public void TearDown() => Directory.Delete(_dir, recursive: true);

    private string[] Config() =>
    [
        "--Ejv:Source:Provider=sqlite", $"--Ejv:Source:ConnectionString={_cases.ConnectionString}",
        "--Ejv:State:Provider=sqlite", $"--Ejv:State:ConnectionString=Data Source={Path.Combine(_dir, "state.db")}",
        $"--Ejv:Output:Folder={Path.Combine(_dir, "out")}", $"--Ejv:Mail:PickupFolder={Path.Combine(_dir, "mail")}",
    ];

    private async Task<EjvResult> Ejv(params string[] args)
    {
        var r = await UmaskProcess.RunAsync(_dir, "022", [.. args, .. Config()]);
        return r;
    }

    private async Task LiveTheQuarter()
    {
        foreach (var command in new[]
        {
            new[] { "run", "--quarter", "2024Q1" },
            ["run", "--quarter", "2024Q1"],
            ["ivo", "submitted", "--quarter", "2024Q1", "--beslut", "B-2001", "--by", "Greta Handläggare"],
            ["approve", "--quarter", "2024Q1", "--by", "Anna Godkännare"],
        })
        {
            var r = await Ejv(command);
            Assert.That(r.ExitCode, Is.Zero, r.ToString());
        }
    }

    private static Dictionary<string, byte[]> Entries(string zipPath)
    {
        using var zip = ZipFile.OpenRead(zipPath);
        return zip.Entries.ToDictionary(e => e.FullName, e =>
        {
            using var s = e.Open();
            using var m = new MemoryStream();
            s.CopyTo(m);
            return m.ToArray();
        });
    }

    private static JsonElement Json(Dictionary<string, byte[]> entries, string name) => JsonDocument.Parse(entries[name]).RootElement;

    [Test]
    public async Task Evidence_AfterTwoRunsAndApproval_OwnerOnlyZipWhoseManifestHashesAreTheFiles()
    {
        var pack = Path.Combine(_dir, "pack", "evidens.zip");
        var r = await Ejv("evidence", "--quarter", "2024Q1", "--out", pack);
        Assert.That(r.ExitCode, Is.Zero, r.ToString());
        Assert.That(r.Stdout, Does.Contain("hash check: every file matches manifest.json"));

        Assert.That(File.GetUnixFileMode(pack) & GroupOrOther, Is.EqualTo((UnixFileMode)0), "the pack is confidential: 0600 under umask 022");
        Assert.That(Directory.GetFiles(Path.GetDirectoryName(pack)!), Is.EqualTo(new[] { pack }), "no temp file left beside it");

        var entries = Entries(pack);
        var manifest = Json(entries, "manifest.json").GetProperty("files").EnumerateArray()
            .ToDictionary(f => f.GetProperty("path").GetString()!, f => f.GetProperty("sha256").GetString()!);
        Assert.That(manifest.Keys, Is.EquivalentTo(entries.Keys.Where(k => k != "manifest.json")), "every file but the manifest is listed");
        foreach (var (path, sha) in manifest)
            Assert.That(Convert.ToHexString(SHA256.HashData(entries[path])).ToLowerInvariant(), Is.EqualTo(sha), path);
        Assert.That(manifest.Keys, Is.SupersetOf(new[]
        {
            "README.txt", "dokument/version-1/ivo-underlag.json", "dokument/version-1/statistikrapport.json", "dokument/version-1/statistikrapport.docx",
            "dokument/senaste-korning/statistikrapport.json", "dokument.json", "versioner.json", "leveranser.json", "handelser.json", "meddelanden.json", "ivo-rapporter.json", "datakvalitet.json", "korningar.json",
        }));
        Assert.That(Encoding.UTF8.GetString(entries["README.txt"]), Does.Contain("SEKRETESS").And.Contain("manifest.json"));
        Assert.That(Json(entries, "dokument.json").EnumerateArray().Select(d => d.GetProperty("hashMatchesStore").GetBoolean()), Is.All.True);
    }

    [Test]
    public async Task Evidence_AfterTwoRunsAndApproval_HoldsRunsApprovalMessagesEnteredMarksAndDataQuality()
    {
        var pack = Path.Combine(_dir, "evidens-holds.zip");
        var r = await Ejv("evidence", "--quarter", "2024Q1", "--out", pack);
        Assert.That(r.ExitCode, Is.Zero, r.ToString());
        var entries = Entries(pack);

        var runs = Json(entries, "korningar.json").EnumerateArray().ToList();
        Assert.That(runs.Select(x => x.GetProperty("outcome").GetString()), Is.EqualTo(new[] { "succeeded", "succeeded" }), "both runs of the quarter");

        var version = Json(entries, "versioner.json").EnumerateArray().Single();
        Assert.That((version.GetProperty("version").GetInt32(), version.GetProperty("state").GetString()), Is.EqualTo((1, "approved")),
            "the second run changed nothing: one version, approved");
        Assert.That(version.GetProperty("approvedByName").GetString(), Is.EqualTo("Anna Godkännare"));
        Assert.That(version.GetProperty("approvedById").GetString(), Is.EqualTo(Environment.UserName), "the OS account that ran ejv approve");
        Assert.That(version.GetProperty("approvedAt").GetString(), Does.Match(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$"));
        var audit = Json(entries, "handelser.json").EnumerateArray().Select(a => a.GetProperty("what").GetString()).ToList();
        Assert.That(audit, Does.Contain("ivo.entered").And.Contain("approve"));
        Assert.That(Json(entries, "leveranser.json").EnumerateArray().Select(x => x.GetProperty("role").GetString()), Does.Contain("namnd"));

        var messages = Json(entries, "meddelanden.json").EnumerateArray().ToList();
        Assert.That(messages.Select(m => m.GetProperty("kind").GetString()), Does.Contain("draft").And.Contain("final"));
        Assert.That(messages.Where(m => m.GetProperty("kind").GetString() == "final").Select(m => m.GetProperty("role").GetString()), Is.SupersetOf(new[] { "namnd" }));
        foreach (var m in messages)
        {
            Assert.That(m.GetProperty("messageId").GetString(), Is.Not.Empty);
            Assert.That(m.GetProperty("recipients").GetArrayLength(), Is.GreaterThan(0));
            Assert.That(m.GetProperty("status").GetString(), Is.EqualTo("sent"), "the pickup folder took every message");
            Assert.That(m.GetProperty("sentAt").GetString(), Is.Not.Null);
            Assert.That(m.TryGetProperty("body", out _), Is.False, "never a message body");
        }
        var draft = messages.First(m => m.GetProperty("kind").GetString() == "draft");
        Assert.That(draft.GetProperty("recipients")[0].GetString(), Is.EqualTo("avgiftshandlaggare@exempelkommun.example"));
        Assert.That(Encoding.UTF8.GetString(entries["meddelanden.json"]), Does.Not.Contain("Hej,"), "no body text");

        var reports = Json(entries, "ivo-rapporter.json").EnumerateArray().ToDictionary(x => x.GetProperty("beslutId").GetString()!);
        Assert.That(reports["B-2001"].GetProperty("submittedBy").GetString(), Does.StartWith("Greta Handläggare"));
        Assert.That(reports["B-2001"].GetProperty("submittedAt").GetString(), Is.Not.Null);
        Assert.That(reports["B-2002"].GetProperty("submittedAt").ValueKind, Is.EqualTo(JsonValueKind.Null));

        Assert.That(Json(entries, "datakvalitet.json").EnumerateArray().Select(p => p.GetProperty("beslutId").GetString()), Does.Contain("B-2005"));
    }

    [Test]
    public async Task Evidence_EveryFile_HoldsNoNamesPersonIdsOrBirthDates()
    {
        var pack = Path.Combine(_dir, "evidens-privacy.zip");
        Assert.That((await Ejv("evidence", "--quarter", "2024Q1", "--out", pack)).ExitCode, Is.Zero);
        foreach (var (name, bytes) in Entries(pack).Where(e => !e.Key.EndsWith(".docx", StringComparison.Ordinal)))
        {
            var text = Encoding.UTF8.GetString(bytes);
            foreach (var secret in new[] { "P-1", "P-2", "P-3", "P-4", "1961-07-04", "1938-02-11", "1990-12-24", "fodelsedatum", "personId" })
                Assert.That(text, Does.Not.Contain(secret).IgnoreCase, $"{name} holds '{secret}'");
        }
    }

    [Test]
    public async Task Evidence_ExistingFile_IsKeptWithoutForceAndReplacedWithIt()
    {
        var pack = Path.Combine(_dir, "evidens-earlier.zip");
        File.WriteAllText(pack, "an earlier pack");
        var refused = await Ejv("evidence", "--quarter", "2024Q1", "--out", pack);
        Assert.That(refused.ExitCode, Is.EqualTo(2), refused.ToString());
        Assert.That(refused.ErrorLines.Single(), Does.Contain("already exists").And.Contain("--force"));
        Assert.That(File.ReadAllText(pack), Is.EqualTo("an earlier pack"));

        var forced = await Ejv("evidence", "--quarter", "2024Q1", "--out", pack, "--force");
        Assert.That(forced.ExitCode, Is.Zero, forced.ToString());
        Assert.That(Entries(pack), Does.ContainKey("manifest.json"));
    }

    [Test]
    public async Task Evidence_QuarterNeverRun_RefusesWithTheCommandToRunIt()
    {
        var r = await Ejv("evidence", "--quarter", "2023Q4", "--out", Path.Combine(_dir, "x.zip"));
        Assert.That(r.ExitCode, Is.EqualTo(2), r.ToString());
        Assert.That(r.ErrorLines.Single(), Does.Contain("ejv run --quarter 2023Q4"));
        Assert.That(File.Exists(Path.Combine(_dir, "x.zip")), Is.False);
    }

    [Test]
    public void Run_Draft_CountsTheFeeRiskBandsWithoutBeslutIds()
    {
        var body = Directory.GetFiles(Path.Combine(_dir, "mail"), "*.eml").Select(f => MimeKit.MimeMessage.Load(f))
            .First(m => (m.Subject ?? "").StartsWith("Utkast", StringComparison.Ordinal)).TextBody ?? "";
        var section = body[body.IndexOf("Risk för särskild avgift", StringComparison.Ordinal)..];
        section = section[..section.IndexOf("ivo-underlag.xlsx", StringComparison.Ordinal)];
        Assert.That(section, Does.Contain("3 öppna ärenden"));
        Assert.That(section, Does.Contain("6–11 månader          1"));
        Assert.That(section, Does.Contain("18 månader eller mer  2"));
        Assert.That(section, Does.Contain("Varav inom sex månader från två år: 1, mer än två år: 1"));
        Assert.That(section, Does.Contain("10\u00a0000–1\u00a0000\u00a0000 kr").And.Contain("15\u00a0000–1\u00a0500\u00a0000 kr"));
        Assert.That(section, Does.Not.Contain("B-20"), "beslut ids stay in the underlag");

        var underlag = Underlag.Read(Path.Combine(_dir, "out"), "socialnamnden", "2024Q1").Root.GetProperty("avgiftRisk");
        Assert.That((underlag.GetProperty("from6Months").GetInt32(), underlag.GetProperty("from18Months").GetInt32()), Is.EqualTo((1, 2)));
        var near = underlag.GetProperty("cases").EnumerateArray().ToDictionary(c => c.GetProperty("beslutId").GetString()!, c => c.GetProperty("position").GetString());
        Assert.That(near, Is.EquivalentTo(new Dictionary<string, string?> { ["B-2002"] = "near", ["B-2003"] = "past" }));
    }
}
