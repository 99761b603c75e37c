using EjVerkstallda.Infrastructure.Mail;

namespace EjVerkstallda.Infrastructure.Tests.Mail;

/// <summary>A relay that speaks TLS from the first byte (port 465 style): Security=Tls delivers, StartTls does not downgrade.</summary>
[TestFixture]
[NonParallelizable]
public sealed class SmtpImplicitTlsTests
{
    private SmtpTestServer server = null!;

    [OneTimeSetUp]
    public void StartServer() => server = SmtpTestServer.Start(implicitTls: true);

    [OneTimeTearDown]
    public void StopServer() => server?.Dispose();

    [SetUp]
    public void ClearSpool() => server.Reset();

    [Test]
    public async Task SendAsync_SecurityTls_DeliversOverImplicitTls()
    {
        var options = server.Options();
        options.Security = SmtpSecurity.Tls;

        await new SmtpMailSender(options, new CapturingLogger<SmtpMailSender>()).SendAsync(TestMails.Report("implicit"), CancellationToken.None);

        Assert.That(MimeEntity.Parse(server.ReadMessages().Single()).DecodedHeader("Subject"), Is.EqualTo(TestMails.Subject));
    }

    [Test]
    public async Task SendAsync_SecurityTlsWithoutPin_ThrowsPermanentNamingTheFix()
    {
        var options = server.Options(pin: false);
        options.Security = SmtpSecurity.Tls;

        var e = await Assert.ThrowsAsync<MailPermanentException>(() =>
            new SmtpMailSender(options, new CapturingLogger<SmtpMailSender>()).SendAsync(TestMails.Report("implicit-no-pin"), CancellationToken.None));

        Assert.That(e!.Message, Does.Contain("TLS handshake").And.Contain("TrustedCertificateThumbprint").And.Contain("CheckRevocation"));
        Assert.That(server.ReadMessages(), Is.Empty);
    }

    [TestCase(true)]
    [TestCase(false)]
    public void CreateClient_CheckRevocation_SetOnTheClient(bool check)
    {
        var options = server.Options();
        options.CheckRevocation = check;

        using var client = new SmtpMailSender(options, new CapturingLogger<SmtpMailSender>()).CreateClient(pin: null);

        Assert.That(client.CheckCertificateRevocation, Is.EqualTo(check));
        Assert.That(client.ServerCertificateValidationCallback, Is.Not.Null, "every client validates with its own callback");
    }

    [Test]
    public async Task SendAsync_PinnedAndUnpinnedAtTheSameTime_OnlyThePinnedOneDelivers()
    {
        var pinned = server.Options(pin: true);
        var unpinned = server.Options(pin: false);
        pinned.Security = unpinned.Security = SmtpSecurity.Tls;

        var sends = Enumerable.Range(0, 6).Select(i => Task.Run(() =>
            new SmtpMailSender(i % 2 == 0 ? pinned : unpinned, new CapturingLogger<SmtpMailSender>()).SendAsync(TestMails.Report($"both-{i}"), CancellationToken.None))).ToList();
        await Task.WhenAll(sends.Select(s => s.ContinueWith(_ => { }, TaskScheduler.Default)));

        Assert.That(sends.Select(s => s.IsCompletedSuccessfully).ToArray(), Is.EqualTo(new[] { true, false, true, false, true, false }));
        Assert.That(sends.Where((_, i) => i % 2 == 1).Select(s => s.Exception?.InnerException).ToList(), Is.All.InstanceOf<MailPermanentException>());
        Assert.That(server.ReadMessages(), Has.Count.EqualTo(3));
    }
}
