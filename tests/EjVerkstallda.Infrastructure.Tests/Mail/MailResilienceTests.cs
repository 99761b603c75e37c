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

    /// <summary>
    /// The caller cancels while the send is under way: the relay accepted the connection and stalls before its greeting.
    /// The send must end at once with OperationCanceledException (not wait for the timeout, not become a transient
    /// failure that the pipeline retries).
    /// </summary>
    [Test]
    public async Task SendAsync_CallerCancelsWhileTheRelayStalls_ThrowsOperationCanceledAndIsNotRetried()
    {
        using var stalling = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        stalling.Start();
        var options = server.Options();
        options.Port = ((System.Net.IPEndPoint)stalling.LocalEndpoint).Port;
        options.Timeout = TimeSpan.FromSeconds(30); // only the cancellation can end the send within the assertion below
        var logger = new CapturingLogger<SmtpMailSender>();
        var sender = new CountingMailSender(new SmtpMailSender(options, logger));
        using var cancel = new CancellationTokenSource();

        var send = MailResilience.SendAsync(Pipeline(logger), sender, TestMails.Report(), cancel.Token).AsTask();
        using var connection = await stalling.AcceptTcpClientAsync().WaitAsync(TimeSpan.FromSeconds(20));
        await cancel.CancelAsync();
        var watch = System.Diagnostics.Stopwatch.StartNew();

        await Assert.ThrowsAsync(Is.InstanceOf<OperationCanceledException>(), async () => await send);
        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(10)));
        Assert.That(sender.Attempts, Is.EqualTo(1), "a cancelled send is not retried");
    }

    private static Polly.ResiliencePipeline Pipeline(Microsoft.Extensions.Logging.ILogger logger) =>
        MailResilience.CreatePipeline(maxRetryAttempts: 3, baseDelay: TimeSpan.FromMilliseconds(50), logger);
}
