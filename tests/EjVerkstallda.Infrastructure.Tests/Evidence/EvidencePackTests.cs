using System.IO.Compression;
using System.Text;
using System.Text.Json;
using EjVerkstallda.Infrastructure.Evidence;

namespace EjVerkstallda.Infrastructure.Tests.Evidence;

[TestFixture]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
[Platform(Exclude = "Win", Reason = "Unix file modes; on Windows the folder ACL decides")]
public sealed class EvidencePackTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 1, 23, 0, 0, TimeSpan.Zero);
    private string _dir = "";

    [SetUp]
    public void SetUp() => _dir = Directory.CreateTempSubdirectory("ejv-evidence-").FullName;

    [TearDown]
    public void TearDown() => Directory.Delete(_dir, recursive: true);

    private static EvidenceData Data(params EvidenceDocument[] documents) => new("socialnamnden", "2024Q1", documents,
        [new EvidenceVersion { Version = 1, State = "approved", ApprovedById = "anna", ApprovedByName = "Anna", ApprovedBySource = "os", ApprovedAt = "2024-04-02T08:00:00Z" }],
        [new EvidenceDelivery { Version = 1, Role = "namnd", Purpose = "namnd", MessageId = "final.1", Channel = "mail", RecordedAt = "2024-04-02T08:00:00Z" }],
        [new EvidenceAuditEvent { AuditId = 1, OccurredAt = "2024-04-02T08:00:00Z", ActorId = "anna", ActorName = "Anna", ActorSource = "os", What = "approve", ToVersion = 1 }],
        [new EvidenceMessage("draft.socialnamnden.2024Q1.abc", "draft", "handlaggare", ["h@kommun.example"], "Utkast", "sent", 1,
            "2024-04-01T06:00:00Z", "2024-04-01T06:00:05Z", null, new string('0', 64), null, null)],
        [new EvidenceIvoReport("B-1", "ej_verkstallt", null, "ny", false, "SoL", "2024-02-29", null, "2024-04-10T09:00:00Z", "Greta")],
        [new EvidenceDataQuality("B-9", "unknown insats code", true)],
        [new EvidenceRun { RunId = 1, StartedAt = "2024-04-01T06:00:00Z", Outcome = "succeeded", Reports = 1 }]);

    private static EvidenceDocument Doc(string name, string text) =>
        new(name, Encoding.UTF8.GetBytes(text), EvidenceReader.Sha256(Encoding.UTF8.GetBytes(text)), 1, "2024-04-01T06:00:01Z");

    [Test]
    public void Build_WholePack_VerifiesClean()
    {
        var zip = EvidencePack.Build(Data(Doc("statistikrapport.json", "{}"), Doc("ivo-underlag.json", "{\"reports\":[]}")), At);
        Assert.That(EvidencePack.Verify(zip), Is.Empty);
        using var archive = new ZipArchive(new MemoryStream(zip));
        Assert.That(archive.Entries.Select(e => e.FullName), Does.Contain("dokument/senaste-korning/ivo-underlag.json").And.Contain("README.txt"));
    }

    [Test]
    public void Verify_AChangedFile_IsFound()
    {
        var zip = EvidencePack.Build(Data(Doc("statistikrapport.json", "{}")), At);
        var copy = new MemoryStream();
        copy.Write(zip);
        using (var archive = new ZipArchive(copy, ZipArchiveMode.Update, leaveOpen: true))
        {
            archive.GetEntry("versioner.json")!.Delete();
            using var s = archive.CreateEntry("versioner.json").Open();
            s.Write(Encoding.UTF8.GetBytes("[{\"approvedBy\":\"someone else\"}]"));
            archive.CreateEntry("extra.txt");
        }
        Assert.That(EvidencePack.Verify(copy.ToArray()), Is.EqualTo(new[]
        {
            "versioner.json: its SHA-256 does not match the manifest",
            "extra.txt: not in the manifest",
        }));
    }

    [Test]
    public void Build_DocumentChangedInTheStore_IsMarkedNotMatching()
    {
        var tampered = Doc("statistikrapport.json", "{}") with { Content = Encoding.UTF8.GetBytes("{\"changed\":1}") };
        var zip = EvidencePack.Build(Data(tampered), At);
        using var archive = new ZipArchive(new MemoryStream(zip));
        using var s = archive.GetEntry("dokument.json")!.Open();
        var doc = JsonDocument.Parse(s).RootElement.EnumerateArray().Single();
        Assert.That(doc.GetProperty("hashMatchesStore").GetBoolean(), Is.False);
        Assert.That(EvidencePack.HashMatches(tampered), Is.False);
    }

    [Test]
    public async Task WriteAsync_NewFile_IsOwnerOnlyAndAnExistingOneIsKeptWithoutForce()
    {
        var path = Path.Combine(_dir, "sub", "pack.zip");
        await EvidencePack.WriteAsync(path, [1, 2, 3], force: false, CancellationToken.None);
        Assert.That(File.GetUnixFileMode(path), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));

        Assert.That(() => EvidencePack.WriteAsync(path, [9], force: false, CancellationToken.None), Throws.InstanceOf<IOException>());
        Assert.That(File.ReadAllBytes(path), Is.EqualTo(new byte[] { 1, 2, 3 }));
        await EvidencePack.WriteAsync(path, [9], force: true, CancellationToken.None);
        Assert.That(File.ReadAllBytes(path), Is.EqualTo(new byte[] { 9 }));
        Assert.That(Directory.GetFiles(Path.GetDirectoryName(path)!), Has.Length.EqualTo(1), "no temp file left");
    }
}
