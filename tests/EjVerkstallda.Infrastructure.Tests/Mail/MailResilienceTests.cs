using EjVerkstallda.Infrastructure.Mail;

namespace EjVerkstallda.Infrastructure.Tests.Mail;

[TestFixture]
[NonParallelizable]
public sealed class MailResilienceTests
{
    private SmtpTestServer server = null!;

    [OneTimeSetUp]
    public void StartServer() => server = SmtpTestServer.Start();

    [OneTimeTearDown]
    public void StopServer() => server?.Dispose();

    [SetUp]
    public void ResetServer()
    {
        server.StartProcessIfStopped();
        server.Reset();
    }

    [Test]
    public async Task SendAsync_TwoTempFailsThenSuccess_DeliversOnceAfterThreeAttempts()
    {
        server.SetControl("""{"tempfail": 2}""");
        var logger = new CapturingLogger<SmtpMailSender>();
        var sender = new CountingMailSender(new SmtpMailSender(server.Options(), logger));

        await MailResilience.SendAsync(Pipeline(logger), sender, TestMails.Report(), CancellationToken.None);

        Assert.That(sender.Attempts, Is.EqualTo(3));
        Assert.That(server.ReadMessages(), Has.Count.EqualTo(1));
        var retries = logger.Entries.Where(e => e.Id.Id == 4102).Select(e => e.Text).ToList();
        Assert.That(retries, Has.Count.EqualTo(2));
        Assert.That(retries[0], Does.Contain("ejv-2024Q1-0001").And.Contain("attempt 1").And.Contain(nameof(MailTransientException)));
        Assert.That(logger.Entries.Select(e => e.Text), Has.None.Contain("@kommun.example").And.None.Contain(SmtpTestServer.Password).And.None.Contain("statistikrapporten"));
    }

    [Test]
    public async Task SendAsync_Relay554_IsNotRetried()
    {
        server.SetControl("""{"permfail": 1}""");
        var logger = new CapturingLogger<SmtpMailSender>();
        var sender = new CountingMailSender(new SmtpMailSender(server.Options(), logger));

        await Assert.ThrowsAsync<MailPermanentException>(async () =>
            await MailResilience.SendAsync(Pipeline(logger), sender, TestMails.Report(), CancellationToken.None));

        Assert.That(sender.Attempts, Is.EqualTo(1));
        Assert.That(server.ReadMessages(), Is.Empty);
    }

    [Test]
    public async Task SendAsync_NothingListening_ThrowsTransient()
    {
        var options = server.Options();
        options.Port = SmtpTestServer.FreePort();

        var e = await Assert.ThrowsAsync<MailTransientException>(() =>
            new SmtpMailSender(options, new CapturingLogger<SmtpMailSender>()).SendAsync(TestMails.Report(), CancellationToken.None));

        Assert.That(e!.ToString(), Does.Not.Contain(SmtpTestServer.Password).And.Not.Contain("statistikrapporten"));
    }

    [Test]
    public async Task SendAsync_RelayAcceptsButNeverAnswers_ThrowsTransientAfterTimeout()
    {
        using var silent = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        silent.Start();
        var options = server.Options();
        options.Port = ((System.Net.IPEndPoint)silent.LocalEndpoint).Port;
        options.Timeout = TimeSpan.FromSeconds(1);

        var e = await Assert.ThrowsAsync<MailTransientException>(() =>
            new SmtpMailSender(options, new CapturingLogger<SmtpMailSender>()).SendAsync(TestMails.Report(), CancellationToken.None));

        Assert.That(e!.InnerException, Is.InstanceOf<TimeoutException>());
    }

    [Test]
    public async Task SendAsync_RelayDownThenBackWithinRetryWindow_DeliversOnce()
    {
        server.StopProcess();
        var logger = new CapturingLogger<SmtpMailSender>();
        var sender = new CountingMailSender(new SmtpMailSender(server.Options(), logger));
        var restart = Task.Run(async () =>
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
            server.StartProcess();
        });

        await MailResilience.SendAsync(MailResilience.CreatePipeline(8, TimeSpan.FromMilliseconds(300), logger), sender, TestMails.Report(), CancellationToken.None);
        await restart;

        Assert.That(sender.Attempts, Is.GreaterThan(1));
        Assert.That(server.ReadMessages(), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task SendAsync_CallerCancels_ThrowsOperationCanceled()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        var sender = new SmtpMailSender(server.Options(), new CapturingLogger<SmtpMailSender>());

        await Assert.ThrowsAsync(Is.InstanceOf<OperationCanceledException>(), async () =>
            await MailResilience.SendAsync(Pipeline(new CapturingLogger<SmtpMailSender>()), sender, TestMails.Report(), cancelled.Token));
    }

    [Test]
    public async Task SendAsync_CallerCancelsWhileRelayIsSilent_ThrowsOperationCanceled()
    {
        using var silent = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        silent.Start();
        var options = server.Options();
        options.Port = ((System.Net.IPEndPoint)silent.LocalEndpoint).Port;
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        await Assert.ThrowsAsync(Is.InstanceOf<OperationCanceledException>(), () =>
            new SmtpMailSender(options, new CapturingLogger<SmtpMailSender>()).SendAsync(TestMails.Report(), cancel.Token));
    }

    private static Polly.ResiliencePipeline Pipeline(Microsoft.Extensions.Logging.ILogger logger) =>
        MailResilience.CreatePipeline(maxRetryAttempts: 3, baseDelay: TimeSpan.FromMilliseconds(50), logger);
}
