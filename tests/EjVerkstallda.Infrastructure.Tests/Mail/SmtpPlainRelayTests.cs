using EjVerkstallda.Infrastructure.Mail;

namespace EjVerkstallda.Infrastructure.Tests.Mail;

/// <summary>A relay that offers neither STARTTLS nor AUTH (an old internal relay).</summary>
[TestFixture]
[NonParallelizable]
public sealed class SmtpPlainRelayTests
{
    private SmtpTestServer server = null!;

    [OneTimeSetUp]
    public void StartServer() => server = SmtpTestServer.Start(plain: true);

    [OneTimeTearDown]
    public void StopServer() => server?.Dispose();

    [SetUp]
    public void ClearSpool() => server.Reset();

    [Test]
    public async Task SendAsync_StartTlsRequiredButNotOffered_ThrowsPermanentAndSendsNothing()
    {
        var options = new SmtpOptions { Host = "127.0.0.1", Port = server.Port, UserName = "u", Password = "p-never-sent" };

        var e = await Assert.ThrowsAsync<MailPermanentException>(() =>
            new SmtpMailSender(options, new CapturingLogger<SmtpMailSender>()).SendAsync(TestMails.Report(), CancellationToken.None));

        Assert.That(e!.ToString(), Does.Not.Contain("p-never-sent"));
        Assert.That(server.ReadMessages(), Is.Empty);
    }

    [Test]
    public async Task SendAsync_SecurityNoneWithoutCredentials_Delivers()
    {
        var options = new SmtpOptions { Host = "127.0.0.1", Port = server.Port, Security = SmtpSecurity.None };

        await new SmtpMailSender(options, new CapturingLogger<SmtpMailSender>()).SendAsync(TestMails.Report(), CancellationToken.None);

        Assert.That(MimeEntity.Parse(server.ReadMessages().Single()).DecodedHeader("Subject"), Is.EqualTo(TestMails.Subject));
    }
}
