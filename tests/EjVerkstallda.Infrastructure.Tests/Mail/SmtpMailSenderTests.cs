using System.Diagnostics;
using EjVerkstallda.Infrastructure.Mail;

namespace EjVerkstallda.Infrastructure.Tests.Mail;

[TestFixture]
[NonParallelizable]
public sealed class SmtpMailSenderTests
{
    private SmtpTestServer server = null!;

    [OneTimeSetUp]
    public void StartServer() => server = SmtpTestServer.Start();

    [OneTimeTearDown]
    public void StopServer() => server?.Dispose();

    [SetUp]
    public void ClearSpool() => server.Reset();

    [Test]
    public async Task SendAsync_SwedishReportOverStartTlsAndAuth_ArrivesIntact()
    {
        var logger = new CapturingLogger<SmtpMailSender>();

        await new SmtpMailSender(server.Options(), logger).SendAsync(TestMails.Report(), CancellationToken.None);

        var messages = server.ReadMessages();
        Assert.That(messages, Has.Count.EqualTo(1));
        var mail = MimeEntity.Parse(messages[0]);
        var text = mail.Parts.Single(p => p.Header("Content-Type")!.StartsWith("text/plain", StringComparison.OrdinalIgnoreCase));
        var attachment = mail.Parts.Single(p => p.FileName is not null);
        Assert.Multiple(() =>
        {
            Assert.That(mail.DecodedHeader("Subject"), Is.EqualTo(TestMails.Subject));
            Assert.That(mail.Header("Message-ID"), Is.EqualTo("<ejv-2024Q1-0001@ejverkstallda>"));
            Assert.That(mail.HeaderCount("Message-ID"), Is.EqualTo(1));
            Assert.That(text.DecodedText(), Is.EqualTo(TestMails.Body));
            Assert.That(attachment.FileName, Is.EqualTo(TestMails.AttachmentName));
            Assert.That(attachment.Parameter("Content-Type", "name"), Is.EqualTo(TestMails.AttachmentName));
            Assert.That(attachment.Parameter("Content-Type", "name", extended: false), Is.EqualTo(TestMails.AttachmentName), "RFC 2047 form for older clients");
            Assert.That(attachment.Parameter("Content-Disposition", "filename"), Is.EqualTo(TestMails.AttachmentName), "RFC 2231 form");
            Assert.That(attachment.Header("Content-Disposition"), Does.Contain("filename*"));
            Assert.That(attachment.DecodedBody(), Is.EqualTo(TestMails.AttachmentBytes));
            Assert.That(messages[0].All(c => c < 128), Is.True, "the wire format is 7-bit");
            Assert.That(logger.Entries.Select(e => e.Id.Id), Does.Contain(4101).And.Contain(4104));
        });
    }

    [Test]
    public async Task SendAsync_WrongPassword_ThrowsPermanentQuicklyAndSpoolsNothing()
    {
        var sender = new SmtpMailSender(server.Options(password: "wrong-password"), new CapturingLogger<SmtpMailSender>());
        var watch = Stopwatch.StartNew();

        var e = await Assert.ThrowsAsync<MailPermanentException>(() => sender.SendAsync(TestMails.Report(), CancellationToken.None));

        Assert.Multiple(() =>
        {
            Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(10)));
            Assert.That(server.ReadMessages(), Is.Empty);
            Assert.That(e!.MessageId, Is.EqualTo("ejv-2024Q1-0001"));
            Assert.That(e.ToString(), Does.Not.Contain("wrong-password").And.Not.Contain("statistikrapporten"));
        });
    }

    [Test]
    public async Task SendAsync_CredentialsWithoutTlsAndNoInsecureRelay_RefusesBeforeConnecting()
    {
        var options = server.Options();
        options.Security = SmtpSecurity.None;
        options.Port = SmtpTestServer.FreePort(); // nothing listens: connecting would give a transient error

        var e = await Assert.ThrowsAsync<MailPermanentException>(() =>
            new SmtpMailSender(options, new CapturingLogger<SmtpMailSender>()).SendAsync(TestMails.Report(), CancellationToken.None));

        Assert.That(e!.Message, Does.Contain("refusing to send credentials without TLS").And.Contain("AllowInsecureRelay=true"));
        Assert.That(e.InnerException, Is.Null);
    }

    [Test]
    public async Task SendAsync_RelayAnswers554_ThrowsPermanent()
    {
        server.SetControl("""{"permfail": 1}""");

        var e = await Assert.ThrowsAsync<MailPermanentException>(() =>
            new SmtpMailSender(server.Options(), new CapturingLogger<SmtpMailSender>()).SendAsync(TestMails.Report(), CancellationToken.None));

        Assert.That(e!.Message, Does.Contain("554"));
        Assert.That(server.ReadMessages(), Is.Empty);
    }

    [Test]
    public async Task SendAsync_RelayAnswers451_ThrowsTransient()
    {
        server.SetControl("""{"tempfail": 1}""");

        var e = await Assert.ThrowsAsync<MailTransientException>(() =>
            new SmtpMailSender(server.Options(), new CapturingLogger<SmtpMailSender>()).SendAsync(TestMails.Report(), CancellationToken.None));

        Assert.That(e!.Message, Does.Contain("451"));
        Assert.That(e.ToString(), Does.Not.Contain(SmtpTestServer.Password).And.Not.Contain("statistikrapporten"));
    }

    [Test]
    public async Task SendAsync_InvalidRecipient_ThrowsPermanentWithoutAddress()
    {
        var mail = TestMails.Report() with { To = ["not an address"] };

        var e = await Assert.ThrowsAsync<MailPermanentException>(() =>
            new SmtpMailSender(server.Options(), new CapturingLogger<SmtpMailSender>()).SendAsync(mail, CancellationToken.None));

        Assert.That(e!.Message, Does.Contain("recipient #1").And.Not.Contain("not an address"));
    }

    [Test]
    public async Task SendAsync_AllRecipientsGet450_ThrowsTransientAndSpoolsNothing()
    {
        server.SetControl("""{"rcpt_tempfail": 2}""");

        var e = await Assert.ThrowsAsync<MailTransientException>(() =>
            new SmtpMailSender(server.Options(), new CapturingLogger<SmtpMailSender>()).SendAsync(TestMails.Report(), CancellationToken.None));

        Assert.That(e!.Message, Does.Contain("450"));
        Assert.That(server.ReadMessages(), Is.Empty);
    }

    [Test]
    public async Task SendAsync_AllRecipientsGet550_ThrowsPermanent()
    {
        server.SetControl("""{"rcpt_permfail": 2}""");

        var e = await Assert.ThrowsAsync<MailPermanentException>(() =>
            new SmtpMailSender(server.Options(), new CapturingLogger<SmtpMailSender>()).SendAsync(TestMails.Report(), CancellationToken.None));

        Assert.That(e!.Message, Does.Contain("550"));
        Assert.That(server.ReadMessages(), Is.Empty);
    }

    [Test]
    public async Task SendAsync_OneOfTwoRecipientsGets450_ThrowsTransientAndNobodyGetsTheMail()
    {
        server.SetControl("""{"rcpt_tempfail": 1}""");

        var e = await Assert.ThrowsAsync<MailTransientException>(() =>
            new SmtpMailSender(server.Options(), new CapturingLogger<SmtpMailSender>()).SendAsync(TestMails.Report(), CancellationToken.None));

        // MailKit sends DATA only when every recipient was accepted: a retry cannot duplicate the mail.
        Assert.That(e!.Message, Does.Contain("450").And.Contain("nobody got the mail"));
        Assert.That(server.ReadMessages(), Is.Empty);
    }
}
