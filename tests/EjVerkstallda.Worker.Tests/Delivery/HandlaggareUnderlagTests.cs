using EjVerkstallda.Infrastructure.Documents;
using EjVerkstallda.Infrastructure.Tests.Documents;
using EjVerkstallda.Infrastructure.Tests.Mail;
using MimeKit.Cryptography;

namespace EjVerkstallda.Worker.Tests.Delivery;

/// <summary>
/// <c>Ejv:Namnder:N:Handlaggare:Certificates</c>: the run's draft is joined by the confidential IVO underlag (.xlsx),
/// S/MIME encrypted to the handläggare's certificate, through the outbox and the real relay; the handläggare's key opens it,
/// running the quarter again sends nothing new. Without a certificate the draft alone goes (the other delivery tests).
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class HandlaggareUnderlagTests
{
    private DeliveryWorld _world = default!;
    private SmimeTestKey _key = default!;

    [SetUp]
    public void SetUp()
    {
        _world = new DeliveryWorld();
        _key = SmimeTestKey.Make(_world.Dir, "handlaggare");
    }

    [TearDown]
    public void TearDown() => _world.Dispose();

    [Test]
    public async Task Run_HandlaggareCertificate_UnderlagArrivesEncryptedOnceBesideTheDraft()
    {
        string[] config = [$"--Ejv:Namnder:0:Handlaggare:Certificates:0={_key.CertFile}"];
        var run = await _world.EjvWith(["run", "--quarter", "2024Q1"], config);
        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        await _world.SendUntilReceived(2, maxTries: 3);

        var raw = _world.Smtp.ReadMessages();
        var messages = raw.Select(m => MimeKit.MimeMessage.Load(new MemoryStream(System.Text.Encoding.Latin1.GetBytes(m)))).ToList();
        Assert.That(messages, Has.Count.EqualTo(2), "the draft and the encrypted underlag");
        var encrypted = messages.Where(m => m.Body is ApplicationPkcs7Mime).ToList();
        Assert.That(encrypted, Has.Count.EqualTo(1));
        Assert.That(encrypted[0].To.Mailboxes.Single().Address, Is.EqualTo(DeliveryWorld.Handlaggare));
        Assert.That(raw.Single(r => r.Contains("pkcs7-mime", StringComparison.Ordinal)), Does.Not.Contain("B-1001"));
        var decrypted = (MimeKit.Multipart)_key.Decrypt((ApplicationPkcs7Mime)encrypted[0].Body!);
        var part = decrypted.OfType<MimeKit.MimePart>().Single(p => p.FileName is not null);
        using var bytes = new MemoryStream();
        part.Content!.DecodeTo(bytes);
        var rows = XlsxTestReader.Rows(bytes.ToArray(), IvoUnderlagXlsxRenderer.ReportsSheet);
        Assert.That(rows.Skip(1).Select(r => r[0]).Order(), Is.EqualTo(new[] { "B-1001", "B-1002", "B-1003" }));

        var again = await _world.EjvWith(["run", "--quarter", "2024Q1"], config);
        Assert.That(again.ExitCode, Is.Zero, again.ToString());
        await _world.SendUntilReceived(3, maxTries: 2);
        Assert.That(_world.Smtp.ReadMessages(), Has.Count.EqualTo(2), "the same result run again sends nothing");
    }
}
