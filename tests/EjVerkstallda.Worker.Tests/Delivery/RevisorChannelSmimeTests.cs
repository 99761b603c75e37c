using EjVerkstallda.Core.Kvartal;
using EjVerkstallda.Infrastructure.Documents;
using EjVerkstallda.Infrastructure.Outbox;
using EjVerkstallda.Infrastructure.Tests.Documents;
using EjVerkstallda.Infrastructure.Tests.Mail;
using EjVerkstallda.Worker.Delivery;
using EjVerkstallda.Worker.Options;
using EjVerkstallda.Worker.Service;
using EjVerkstallda.Worker.Tests.Service;
using MimeKit.Cryptography;

namespace EjVerkstallda.Worker.Tests.Delivery;

/// <summary>
/// The revisorer's per-case reports through the wired channel (<see cref="EjvServices.AddEjv"/>), the outbox and the real SMTP
/// relay: the message taken from the relay is S/MIME enveloped data, each configured revisor decrypts it with their own key,
/// a key it was not encrypted to cannot, and the .xlsx inside has the quarter's reports and no personal data beyond the IVO
/// identifier. Defect of issue 12: the revisorer got only the anonymised statistikrapport (NoRevisorChannel).
/// </summary>
[TestFixture]
public sealed class RevisorChannelSmimeTests
{
    private static readonly Kvartal Q = Kvartal.Parse("2024Q1");
    private string _keys = default!;
    private SmimeTestKey _a = default!, _b = default!, _stranger = default!;
    private SmtpTestServer _smtp = default!;

    [OneTimeSetUp]
    public void MakeKeysAndRelay()
    {
        _keys = Directory.CreateTempSubdirectory("ejv-smime-").FullName;
        _a = SmimeTestKey.Make(_keys, "revisor-a");
        _b = SmimeTestKey.Make(_keys, "revisor-b");
        _stranger = SmimeTestKey.Make(_keys, "stranger");
        _smtp = SmtpTestServer.Start();
    }

    [OneTimeTearDown]
    public void CleanUp()
    {
        _smtp.Dispose();
        Directory.Delete(_keys, recursive: true);
    }

    [SetUp]
    public void EmptyRelay() => _smtp.Reset();

    private Task<InProcessEjv> Ejv(params (string Key, string Value)[] revisorer) =>
        InProcessEjv.StartAsync(DateTimeOffset.UtcNow, new Dictionary<string, string?>(InProcessEjv.Namnd(0, RevisorSample.Namnd,
        [
            ("Recipients:Revisorer:1", "revisor.b@kommun.example"), .. revisorer,
        ]))
        {
            ["Ejv:Mail:Delivery"] = "smtp", ["Ejv:Mail:Smtp:Host"] = "127.0.0.1", ["Ejv:Mail:Smtp:Port"] = _smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Ejv:Mail:Smtp:UserName"] = SmtpTestServer.UserName, ["Ejv:Mail:Smtp:Password"] = SmtpTestServer.Password,
            ["Ejv:Mail:Smtp:TrustedCertificateThumbprint"] = _smtp.Thumbprint, ["Ejv:Mail:Smtp:Timeout"] = "00:00:20",
        });

    private (string, string)[] Smime => [("Revisorer:Delivery", "smime"), ("Revisorer:Certificates:0", _a.CertFile), ("Revisorer:Certificates:1", _b.DerFile())];

    /// <summary>What an approval records for the revisorer, delivered by the outbox to the relay.</summary>
    private static async Task<IReadOnlyList<OutboxMessage>> ApproveAndDispatch(InProcessEjv ejv, int version = 1, bool rattelse = false)
    {
        var namnd = ejv.Options.Namnder[0];
        var messages = ejv.Get<IRevisorChannel>().PerCaseReports(namnd, Q, version, RevisorSample.Underlag(), rattelse);
        await ejv.Get<OutboxStore>().EnqueueAsync(messages, CancellationToken.None);
        await ejv.Get<OutboxDispatcher>().DispatchAsync(CancellationToken.None);
        return messages;
    }

    private ApplicationPkcs7Mime TheOneMessage(out MimeKit.MimeMessage message)
    {
        var raw = _smtp.ReadMessages();
        Assert.That(raw, Has.Count.EqualTo(1), "one message reaches the revisorer");
        message = MimeKit.MimeMessage.Load(new MemoryStream(System.Text.Encoding.Latin1.GetBytes(raw[0])));
        Assert.That(message.Body, Is.InstanceOf<ApplicationPkcs7Mime>(), "the whole body is S/MIME, nothing beside it");
        var p7 = (ApplicationPkcs7Mime)message.Body;
        Assert.That(p7.SecureMimeType, Is.EqualTo(SecureMimeType.EnvelopedData));
        return p7;
    }

    private static byte[] Xlsx(MimeKit.MimeEntity decrypted)
    {
        var part = decrypted is MimeKit.Multipart mixed ? mixed.OfType<MimeKit.MimePart>().Single(p => p.FileName is not null) : null;
        Assert.That(part, Is.Not.Null, "the decrypted body holds the document");
        using var bytes = new MemoryStream();
        part!.Content!.DecodeTo(bytes);
        return bytes.ToArray();
    }

    [Test]
    public async Task PerCaseReports_Smime_OneEncryptedMailThatEveryRevisorDecryptsToTheQuartersReports()
    {
        await using var ejv = await Ejv(Smime);

        var recorded = await ApproveAndDispatch(ejv);

        Assert.That(recorded, Has.Count.EqualTo(1), "the approval records the per-case reports for the revisorer");
        var p7 = TheOneMessage(out var message);
        Assert.That(message.To.Mailboxes.Select(m => m.Address), Is.EquivalentTo(new[] { "revisorer@kommun.example", "revisor.b@kommun.example" }));
        Assert.That(message.Subject, Is.EqualTo("Rapporter om ej verkställda beslut kvartal 1 2024, version 1 – Nämnd socialnamnden"));
        foreach (var key in new[] { _a, _b })
        {
            var xlsx = Xlsx(key.Decrypt(p7));
            var rows = XlsxTestReader.Rows(xlsx, RevisorRapportXlsxRenderer.ReportsSheet);
            Assert.That(rows.Skip(1).Select(r => r[^1]), Is.EqualTo(RevisorSample.Ids), "one row per report of the quarter, closing reports included");
            Assert.That(rows.Skip(1).Select(r => r[11]), Is.EqualTo(new[] { "Ny", "Kvarstår", "Verkställd", "Avslutad" }));
        }
    }

    [Test]
    public async Task PerCaseReports_Smime_DocumentHasTheStatutesFieldsAndNoPersonalData()
    {
        await using var ejv = await Ejv(Smime);
        await ApproveAndDispatch(ejv);

        var xlsx = Xlsx(_a.Decrypt(TheOneMessage(out _)));

        var rows = XlsxTestReader.Rows(xlsx, RevisorRapportXlsxRenderer.ReportsSheet);
        Assert.That(rows[0], Is.EqualTo(new[]
        {
            "Lag", "Lagrum", "Insats", "Typ", "Beslutsdatum", "Avbrottsdatum", "Frist", "Skäl till dröjsmålet",
            "Verkställighets-/avslutsdatum", "Avslutsorsak", "IVO-identifierare", "Status", "Beslut-id",
        }));
        Assert.That(rows[1], Is.EqualTo(new[]
        {
            "SoL", "4 kap. 1 § SoL (2001:453)", "Särskilt boende", "ej verkställt beslut", "2023-11-30", "", "2024-02-29",
            $"{RevisorSample.Reason}; anhörig till {RevisorRapportColumns.RemovedNumber} kontaktad", "", "", RevisorSample.IvoId, "Ny", "B-1001",
        }));
        Assert.That(rows[2][5], Is.EqualTo("2023-08-15"), "avbrottsdatum");
        Assert.That(rows[2][7], Is.EqualTo(RevisorRapportColumns.NoReason), "no reason in the view: said so");
        Assert.That(rows[2][10], Is.EqualTo("Manuell hantering"), "no IVO identifier: manual handling");
        Assert.That((rows[3][8], rows[4][8], rows[4][9]), Is.EqualTo(("2024-03-10", "2024-02-20", "Flyttat")));
        var everything = string.Join("\n", XlsxTestReader.SheetNames(xlsx).SelectMany(s => XlsxTestReader.Rows(xlsx, s)).SelectMany(r => r));
        foreach (var forbidden in new[] { RevisorSample.PlantedPersonnummer, "1940-01-01", "P-1" })
            Assert.That(everything, Does.Not.Contain(forbidden), "no personal data beyond the IVO identifier");
        foreach (var column in new[] { "Kön", "Personnummer", "Namn", "Födelsedatum", "person" })
            Assert.That(rows[0], Has.None.Contains(column).IgnoreCase, "no column about the person");
        var about = XlsxTestReader.Rows(xlsx, RevisorRapportXlsxRenderer.AboutSheet);
        Assert.That(about[1][1], Is.EqualTo("Rapporter om ej verkställda beslut 2024Q1, version 1 – Nämnd socialnamnden"));
    }

    [Test]
    public async Task PerCaseReports_Smime_KeyItWasNotEncryptedToCannotDecrypt()
    {
        await using var ejv = await Ejv(Smime);
        await ApproveAndDispatch(ejv);

        var p7 = TheOneMessage(out var message);

        Assert.That(() => _stranger.Decrypt(p7), Throws.InstanceOf<Exception>());
        var wire = _smtp.ReadMessages()[0];
        foreach (var clear in new[] { "B-1001", RevisorSample.IvoId, RevisorSample.Reason, "ej-verkstallda-socialnamnden" })
            Assert.That(wire, Does.Not.Contain(clear), "nothing of the content in clear text on the wire, not even the file name");
        using var content = new MemoryStream();
        p7.Content!.DecodeTo(content);
        var enveloped = new Org.BouncyCastle.Cms.CmsEnvelopedData(content.ToArray());
        Assert.That(enveloped.EncryptionAlgOid, Is.EqualTo("2.16.840.1.101.3.4.1.42"), "AES-256-CBC");
        Assert.That(enveloped.GetRecipientInfos().Count, Is.EqualTo(2), "one key per configured revisor");
    }

    [Test]
    public async Task PerCaseReports_CorrectionRecordedTwice_SentOnceAsRattelse()
    {
        await using var ejv = await Ejv(Smime);

        var first = await ApproveAndDispatch(ejv, version: 2, rattelse: true);
        var again = await ApproveAndDispatch(ejv, version: 2, rattelse: true);

        Assert.That(again.Single().MessageId, Is.EqualTo(first.Single().MessageId), "the id holds nämnd, quarter and version");
        Assert.That(first.Single().MessageId, Is.EqualTo("percase.socialnamnden.2024Q1.v2.smime"));
        var p7 = TheOneMessage(out var message);
        Assert.That(message.Subject, Does.StartWith("Rättelse: ").And.Contain("version 2"));
        var decrypted = (MimeKit.Multipart)_a.Decrypt(p7);
        Assert.That(decrypted.OfType<MimeKit.MimePart>().Single(p => p.FileName is not null).FileName, Is.EqualTo("ej-verkstallda-socialnamnden-2024Q1-v2-rattelse.xlsx"));
        var text = ((MimeKit.TextPart)decrypted[0]).Text;
        Assert.That(text, Does.Contain("RÄTTELSE"));
        Assert.That(text, Does.Not.Contain("B-1001").And.Not.Contain(RevisorSample.IvoId), "the body says what it is, the cases are in the document only");
        var about = XlsxTestReader.Rows(Xlsx(decrypted), RevisorRapportXlsxRenderer.AboutSheet);
        Assert.That(about[1][1], Does.StartWith("Rättelse – "));
    }
}
