using EjVerkstallda.Infrastructure.Mail;

namespace EjVerkstallda.Infrastructure.Tests.Mail;

/// <summary>
/// The relay's certificate is self-signed (and issued to "localhost" while we connect to 127.0.0.1).
/// Without a pin, validation fails and the send is permanent: retrying cannot make an untrusted
/// certificate trusted, an administrator must install a trusted one or configure the pin.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class SmtpCertificateTests
{
    private SmtpTestServer server = null!;

    [OneTimeSetUp]
    public void StartServer() => server = SmtpTestServer.Start();

    [OneTimeTearDown]
    public void StopServer() => server?.Dispose();

    [SetUp]
    public void ClearSpool() => server.Reset();

    [Test]
    public async Task SendAsync_SelfSignedRelayWithoutPin_ThrowsPermanent()
    {
        var e = await Assert.ThrowsAsync<MailPermanentException>(() =>
            new SmtpMailSender(server.Options(pin: false), new CapturingLogger<SmtpMailSender>()).SendAsync(TestMails.Report("no-pin"), CancellationToken.None));

        Assert.That(e!.Message, Does.Contain("TrustedCertificateThumbprint"));
        Assert.That(server.ReadMessages(), Is.Empty);
    }

    [Test]
    public async Task SendAsync_SelfSignedRelayWithSha256Pin_Delivers()
    {
        await new SmtpMailSender(server.Options(pin: true), new CapturingLogger<SmtpMailSender>()).SendAsync(TestMails.Report("pinned"), CancellationToken.None);

        Assert.That(server.ReadMessages(), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task SendAsync_PinOfAnotherCertificate_ThrowsPermanent()
    {
        var options = server.Options(pin: false);
        options.TrustedCertificateThumbprint = new string('A', 64);

        await Assert.ThrowsAsync<MailPermanentException>(() =>
            new SmtpMailSender(options, new CapturingLogger<SmtpMailSender>()).SendAsync(TestMails.Report("wrong-pin"), CancellationToken.None));
    }

    [Test]
    public async Task SendAsync_PinnedSendThenUnpinnedSend_PinDoesNotLeak()
    {
        await new SmtpMailSender(server.Options(pin: true), new CapturingLogger<SmtpMailSender>()).SendAsync(TestMails.Report("pinned-first"), CancellationToken.None);

        await Assert.ThrowsAsync<MailPermanentException>(() =>
            new SmtpMailSender(server.Options(pin: false), new CapturingLogger<SmtpMailSender>()).SendAsync(TestMails.Report("unpinned-after"), CancellationToken.None));
    }
}
