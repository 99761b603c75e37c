using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;

namespace EjVerkstallda.Worker.Tests.Delivery;

/// <summary>
/// The public statistikrapport that goes to nämnd, fullmäktige and revisorer is exactly the document that passed the
/// anonymity guard at run time, kept in the state store: the output folder is an export, and neither an edit of the file
/// on disk nor a dry run's preview reaches a recipient.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class PublicDocumentTests
{
    private DeliveryWorld _world = default!;

    [SetUp]
    public void SetUp() => _world = new DeliveryWorld();

    [TearDown]
    public void TearDown() => _world.Dispose();

    private string DocxPath => Path.Combine(_world.Dir, "out", DeliveryWorld.Namnd, "2024Q1", "statistikrapport.docx");

    /// <summary>Approval (to the nämnd) and the nämnd's decision (to fullmäktige and revisorer): three mails of the one stored document.</summary>
    private async Task<Support.EjvResult> ApproveAndDecideAsync()
    {
        var approve = await _world.EjvWith(["approve", "--quarter", "2024Q1", "--by", "Nämndsekreterare Test"], DeliveryWorld.ApprovedBeforeTheMeeting);
        Assert.That(approve.ExitCode, Is.Zero, approve.ToString());
        var decision = await _world.Ejv("decision", "--quarter", "2024Q1", "--date", "2024-04-24", "--paragraph", "§ 45");
        Assert.That(decision.ExitCode, Is.Zero, decision.ToString());
        return decision;
    }

    [Test]
    public async Task Approve_DocxEditedOnDiskAfterTheRun_MailsTheBytesThatPassedTheGuard()
    {
        var run = await _world.Ejv("run", "--quarter", "2024Q1");
        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        var original = SHA256.HashData(await File.ReadAllBytesAsync(DocxPath));
        await File.WriteAllBytesAsync(DocxPath, WithText(await File.ReadAllBytesAsync(DocxPath), "Anna Fiktiv 19400101-1234"));

        var approve = await ApproveAndDecideAsync();

        var finals = _world.Received().Skip(1).ToList();
        Assert.That(finals, Has.Count.EqualTo(3), approve.ToString());
        foreach (var f in finals)
        {
            var sent = DeliveryWorld.Attachments(f).Single().DecodedBody();
            Assert.That(Convert.ToHexString(SHA256.HashData(sent)), Is.EqualTo(Convert.ToHexString(original)), f.Header("To"));
            Assert.That(Encoding.UTF8.GetString(DocumentXml(sent)), Does.Not.Contain("19400101-1234"));
        }
    }

    [Test]
    public async Task Approve_AfterADryRunOnChangedData_MailsTheRealRunsDocument()
    {
        var run = await _world.Ejv("run", "--quarter", "2024Q1");
        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        var original = Convert.ToHexString(SHA256.HashData(await File.ReadAllBytesAsync(DocxPath)));
        var draft = DeliveryWorld.Attachments(_world.ReceivedBy(DeliveryWorld.Handlaggare).Single()).Single().DecodedBody();
        Assert.That(Convert.ToHexString(SHA256.HashData(draft)), Is.EqualTo(original), "the draft carries the run's document");
        _world.Cases.Add("B-1004", "P-4", "L4", "2023-10-20", fodd: "1980-02-02", kon: "K");

        var dry = await _world.Ejv("run", "--quarter", "2024Q1", "--dry-run");
        Assert.That(dry.ExitCode, Is.Zero, dry.ToString());
        var approve = await ApproveAndDecideAsync();

        var finals = _world.Received().Skip(1).ToList();
        Assert.That(finals, Has.Count.EqualTo(3), approve.ToString());
        foreach (var f in finals)
        {
            Assert.That(Convert.ToHexString(SHA256.HashData(DeliveryWorld.Attachments(f).Single().DecodedBody())), Is.EqualTo(original), f.Header("To"));
            Assert.That(DeliveryWorld.Body(f), Does.Contain("var 3 beslut inte verkställda"), "the real run's numbers, not the preview's 4");
        }
    }

    private static byte[] DocumentXml(byte[] docx)
    {
        using var zip = new ZipArchive(new MemoryStream(docx));
        using var s = zip.GetEntry("word/document.xml")!.Open();
        using var m = new MemoryStream();
        s.CopyTo(m);
        return m.ToArray();
    }

    /// <summary>The document with <paramref name="text"/> typed into its first text run, as someone editing the file would.</summary>
    private static byte[] WithText(byte[] docx, string text)
    {
        var xml = Encoding.UTF8.GetString(DocumentXml(docx));
        var at = xml.IndexOf("<w:t", StringComparison.Ordinal);
        at = xml.IndexOf('>', at) + 1;
        xml = xml[..at] + text + " " + xml[at..];
        var copy = new MemoryStream();
        copy.Write(docx);
        using (var zip = new ZipArchive(copy, ZipArchiveMode.Update, leaveOpen: true))
        {
            zip.GetEntry("word/document.xml")!.Delete();
            using var w = new StreamWriter(zip.CreateEntry("word/document.xml").Open(), new UTF8Encoding(false));
            w.Write(xml);
        }
        return copy.ToArray();
    }
}
