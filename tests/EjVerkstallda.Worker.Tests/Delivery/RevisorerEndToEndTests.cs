using EjVerkstallda.Infrastructure.Documents;
using EjVerkstallda.Infrastructure.Tests.Documents;
using EjVerkstallda.Infrastructure.Tests.Mail;
using MimeKit.Cryptography;

namespace EjVerkstallda.Worker.Tests.Delivery;

/// <summary>
/// The built <c>ejv</c> with <c>Revisorer:Delivery=smime</c> and two revisorer's certificates, through the real relay:
/// <c>ejv approve</c> delivers the encrypted per-case report once (each revisor's key opens it), approving again sends nothing,
/// and a corrected quarter (version 2) sends a "Rättelse" document once.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class RevisorerEndToEndTests
{
    private const string Revisorer = "revisorerna@exempelkommun.example";
    private DeliveryWorld _world = default!;
    private SmimeTestKey _a = default!, _b = default!;
    private string[] _config = [];

    [SetUp]
    public void SetUp()
    {
        _world = new DeliveryWorld();
        _a = SmimeTestKey.Make(_world.Dir, "revisor-a");
        _b = SmimeTestKey.Make(_world.Dir, "revisor-b");
        _config = ["--Ejv:Namnder:0:Revisorer:Delivery=smime", $"--Ejv:Namnder:0:Revisorer:Certificates:0={_a.CertFile}", $"--Ejv:Namnder:0:Revisorer:Certificates:1={_b.CertFile}"];
    }

    [TearDown]
    public void TearDown() => _world.Dispose();

    private async Task Ok(params string[] args)
    {
        var r = await _world.EjvWith(args, _config);
        Assert.That(r.ExitCode, Is.Zero, r.ToString());
    }

    private List<(MimeKit.MimeMessage Message, string Raw)> Encrypted() => _world.Smtp.ReadMessages()
        .Select(raw => (MimeKit.MimeMessage.Load(new MemoryStream(System.Text.Encoding.Latin1.GetBytes(raw))), raw))
        .Where(m => m.Item1.Body is ApplicationPkcs7Mime).ToList();

    private static (string FileName, byte[] Xlsx) Open(SmimeTestKey key, MimeKit.MimeMessage m)
    {
        var decrypted = (MimeKit.Multipart)key.Decrypt((ApplicationPkcs7Mime)m.Body!);
        var part = decrypted.OfType<MimeKit.MimePart>().Single(p => p.FileName is not null);
        using var bytes = new MemoryStream();
        part.Content!.DecodeTo(bytes);
        return (part.FileName!, bytes.ToArray());
    }

    [Test]
    public async Task Approve_Smime_EncryptedPerCaseReportOnce_RattelseForVersion2()
    {
        await Ok("run", "--quarter", "2024Q1");
        await Ok("approve", "--quarter", "2024Q1");
        await Ok("approve", "--quarter", "2024Q1");

        var sent = Encrypted();
        Assert.That(sent, Has.Count.EqualTo(1), "the revisorer's per-case report, once however often approved");
        Assert.That(sent[0].Message.To.Mailboxes.Single().Address, Is.EqualTo(Revisorer));
        Assert.That(sent[0].Raw, Does.Not.Contain("B-1001").And.Not.Contain(DeliveryWorld.PlantedSkal));
        foreach (var key in new[] { _a, _b })
        {
            var (name, xlsx) = Open(key, sent[0].Message);
            Assert.That(name, Is.EqualTo("ej-verkstallda-socialnamnden-2024Q1-v1.xlsx"));
            var rows = XlsxTestReader.Rows(xlsx, RevisorRapportXlsxRenderer.ReportsSheet);
            Assert.That(rows.Skip(1).Select(r => r[^1]).Order(), Is.EqualTo(new[] { "B-1001", "B-1002", "B-1003" }));
            var text = string.Join("\n", XlsxTestReader.SheetNames(xlsx).SelectMany(s => XlsxTestReader.Rows(xlsx, s)).SelectMany(r => r));
            foreach (var forbidden in new[] { "P-1", "P-2", "1940-01-01", "1961-07-04" })
                Assert.That(text, Does.Not.Contain(forbidden), "no person_id, no birth date");
        }

        _world.Cases.Add("B-1004", "P-4", "SABO", "2023-10-02", fodd: "1950-05-05", kon: "K");
        await Ok("run", "--quarter", "2024Q1");
        await Ok("approve", "--quarter", "2024Q1");
        await Ok("approve", "--quarter", "2024Q1");

        sent = Encrypted();
        Assert.That(sent, Has.Count.EqualTo(2), "version 2 once more");
        Assert.That(sent[1].Message.Subject, Does.StartWith("Rättelse: ").And.Contain("version 2"));
        var (v2Name, v2) = Open(_b, sent[1].Message);
        Assert.That(v2Name, Is.EqualTo("ej-verkstallda-socialnamnden-2024Q1-v2-rattelse.xlsx"));
        Assert.That(XlsxTestReader.Rows(v2, RevisorRapportXlsxRenderer.AboutSheet)[1][1], Does.StartWith("Rättelse – "));
        Assert.That(XlsxTestReader.Rows(v2, RevisorRapportXlsxRenderer.ReportsSheet).Skip(1).Select(r => r[^1]), Does.Contain("B-1004"));
    }
}
