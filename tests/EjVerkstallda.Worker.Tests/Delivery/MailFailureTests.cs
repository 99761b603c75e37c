using EjVerkstallda.Infrastructure.Tests.Mail;
using EjVerkstallda.Worker.Tests.Support;

namespace EjVerkstallda.Worker.Tests.Delivery;

/// <summary>
/// What happens to the draft when the relay is down, answers 4xx or 5xx, refuses the password, or the sender dies between
/// recording and sending: every message ends up delivered exactly once, or visibly failed in <c>ejv status</c>.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class MailFailureTests
{
    private DeliveryWorld _world = default!;

    [TearDown]
    public void TearDown() => _world.Dispose();

    [Test]
    public async Task Run_RelayDownThenUp_DraftPendingThenDeliveredOnce()
    {
        _world = new DeliveryWorld();
        _world.Smtp.StopProcess();

        var run = await _world.Ejv("run", "--quarter", "2024Q1");
        Assert.That(run.ExitCode, Is.Not.Zero, run.ToString());
        Assert.That(run.ErrorLines, Has.Some.Contains("not delivered"), run.ToString());
        var pending = await _world.MailNotSent();
        Assert.That(pending.Select(m => (m.GetProperty("kind").GetString(), m.GetProperty("status").GetString())),
            Is.EqualTo(new[] { ("draft", "pending") }));

        _world.Smtp.StartProcess();
        await _world.SendUntilReceived(1);
        Assert.That(_world.ReceivedBy(DeliveryWorld.Handlaggare), Has.Count.EqualTo(1));
        Assert.That(await _world.MailNotSent(), Is.Empty);

        var again = await _world.Ejv("mail", "send");
        Assert.That(again.ExitCode, Is.Zero, again.ToString());
        Assert.That(again.Stdout, Does.Contain("mail: 0 sent"));
        Assert.That(_world.Received(), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Run_Relay4xxOnce_RetriedAndDeliveredOnce()
    {
        _world = new DeliveryWorld();
        _world.Smtp.SetControl("""{"tempfail": 1}""");

        var run = await _world.Ejv("run", "--quarter", "2024Q1");

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        Assert.That(_world.ReceivedBy(DeliveryWorld.Handlaggare), Has.Count.EqualTo(1));
        Assert.That(_world.Received(), Has.Count.EqualTo(1));
        Assert.That(File.ReadAllText(Path.Combine(_world.Smtp.SpoolFolder, "control.json")), Does.Contain("\"tempfail\": 0"), "the 4xx was answered");
        Assert.That(await _world.MailNotSent(), Is.Empty);
    }

    [Test]
    public async Task Run_Relay4xxOutlastsTheRetries_PendingWithReasonThenDeliveredOnce()
    {
        _world = new DeliveryWorld();
        _world.Smtp.SetControl("""{"tempfail": 4}"""); // three tries in the run, one more in the next send

        // RetryLater longer than the rest of the run, so the draft is still pending when the run ends.
        var run = await _world.EjvWith(["run", "--quarter", "2024Q1"], "--Ejv:Mail:Retry:RetryLater=00:00:03", "--Ejv:Mail:Retry:MaxRetryLater=00:00:03");

        Assert.That(run.ExitCode, Is.Not.Zero, run.ToString());
        var notSent = await _world.MailNotSent();
        Assert.That(notSent, Has.Count.EqualTo(1), run.ToString());
        var pending = notSent[0];
        Assert.That((pending.GetProperty("status").GetString(), pending.GetProperty("attempts").GetInt64()), Is.EqualTo(("pending", 1L)));
        Assert.That(pending.GetProperty("lastError").GetString(), Does.Contain("451"));
        // The operator runs the quarter again instead of 'ejv mail send': the same draft is recorded once and sent once.
        for (var i = 0; i < 20 && _world.Received().Count == 0; i++) // bounded: until the draft's retry falls due (RetryLater 3 s)
            Assert.That((await _world.Ejv("run", "--quarter", "2024Q1")).Stdout, Does.Contain("IVO report(s)"));
        Assert.That(_world.ReceivedBy(DeliveryWorld.Handlaggare), Has.Count.EqualTo(1));
        Assert.That((await _world.Ejv("mail", "send")).Stdout, Does.Contain("mail: 0 sent"));
        Assert.That(_world.Received(), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Run_RetryFallsDueWithinTheSameDispatch_SummaryMatchesWhatWasDelivered()
    {
        _world = new DeliveryWorld();
        _world.Smtp.SetControl("""{"tempfail": 4}""");

        // A 1 ms RetryLater: the draft falls due again at once and the same dispatch tries it again and delivers it.
        var run = await _world.EjvWith(["run", "--quarter", "2024Q1"], "--Ejv:Mail:Retry:RetryLater=00:00:00.001", "--Ejv:Mail:Retry:MaxRetryLater=00:00:00.001");

        var delivered = _world.Received().Count;
        Assert.That(delivered, Is.LessThanOrEqualTo(1));
        Assert.That((run.ExitCode, run.Stdout.Contains($"mail: {delivered} sent, {1 - delivered} waiting for a retry", StringComparison.Ordinal)),
            Is.EqualTo((delivered == 1 ? 0 : 1, true)), "the summary and the exit code say what happened to the draft:\n" + run);
    }

    [Test]
    public async Task Run_Relay5xx_FailedWithReasonAlertedAndRetryDeliversOnce()
    {
        _world = new DeliveryWorld();
        _world.Smtp.SetControl("""{"permfail": 1}""");

        var run = await _world.Ejv("run", "--quarter", "2024Q1");

        Assert.That(run.ExitCode, Is.Not.Zero, run.ToString());
        Assert.That(_world.ReceivedBy(DeliveryWorld.Handlaggare), Is.Empty, "a 5xx is not retried");
        var failed = (await _world.MailNotSent()).Single();
        Assert.That((failed.GetProperty("kind").GetString(), failed.GetProperty("status").GetString()), Is.EqualTo(("draft", "failed")));
        Assert.That(failed.GetProperty("lastError").GetString(), Does.Contain("554"));
        var status = await _world.Ejv("status");
        Assert.That(status.Stdout, Does.Contain("1 failed").And.Contain("554"), status.ToString());
        var alert = _world.ReceivedBy(DeliveryWorld.Administrator).Single();
        Assert.That(alert.DecodedHeader("Subject"), Does.StartWith("EjVerkställda: e-mail draft."));

        _world.Smtp.SetControl("{}");
        var retry = await _world.Ejv("mail", "retry");
        Assert.That(retry.ExitCode, Is.Zero, retry.ToString());
        Assert.That(retry.Stdout, Does.Contain("1 failed message(s) queued again").And.Contain("mail: 1 sent"));
        Assert.That(_world.ReceivedBy(DeliveryWorld.Handlaggare), Has.Count.EqualTo(1));
        var again = await _world.Ejv("mail", "retry");
        Assert.That(again.Stdout, Does.Contain("0 failed message(s) queued again").And.Contain("mail: 0 sent"));
        Assert.That(_world.Received(), Has.Count.EqualTo(2), "the alert and the draft, each once");
    }

    [Test]
    public async Task Run_WrongPassword_PermanentFailureWithoutStackTraceOrPassword()
    {
        const string wrong = "Wr0ng-Pw-8152-must-not-leak";
        _world = new DeliveryWorld(password: wrong);

        var run = await _world.Ejv("run", "--quarter", "2024Q1");
        var status = await _world.Ejv("status");
        var json = await _world.Ejv("status", "--json");

        Assert.That(run.ExitCode, Is.Not.Zero, run.ToString());
        Assert.That(_world.Received(), Is.Empty);
        Assert.That(status.Stdout, Does.Contain("failed draft.").And.Match(@"answered 53[05]"), status.ToString());
        Assert.That(status.Stdout, Does.Contain("check UserName and the password"));
        Assert.That(run.Stderr, Does.Not.Match(@"\s+at [\w.`<>|\[\]]+\("), "no stack trace for an operational failure:\n" + run.Stderr);
        Assert.That(run.Stderr, Does.Not.Contain(" ---> ").And.Not.Contain("--- End of"), run.Stderr);
        foreach (var output in new[] { run.Stdout, run.Stderr, status.Stdout, status.Stderr, json.Stdout, json.Stderr })
        {
            Assert.That(output, Does.Not.Contain(wrong));
            Assert.That(output, Does.Not.Contain(SmtpTestServer.Password));
        }
    }

    /// <summary>A quarter's run, SIGKILLed at the named fault point while it mails the draft (the lease is two seconds).</summary>
    private async Task RunKilledAtAsync(string point)
    {
        _world = new DeliveryWorld();
        string[] args = ["run", "--quarter", "2024Q1", .. _world.Config($"--Ejv:Testing:PauseAt={point}", "--Ejv:Testing:PauseFor=00:01:00", "--Ejv:Mail:Lease=00:00:02")];
        using var running = EjvRunning.Start(_world.Dir, _world.Env, args);
        Assert.That(await running.WaitForStderrAsync($"Fault injection: pausing at {point}", TimeSpan.FromSeconds(45)), Is.True, running.Stderr);
        running.KillHard();
    }

    [Test]
    public async Task Run_KilledBetweenRecordingAndSending_DraftDeliveredOnceAfterLease()
    {
        await RunKilledAtAsync("before-send");
        Assert.That(_world.Received(), Is.Empty, "killed before sending");
        var claimed = (await _world.MailNotSent()).Single();
        Assert.That(claimed.GetProperty("status").GetString(), Is.EqualTo("pending"));

        var late = await SendAfterTheLeaseAsync();
        Assert.That(_world.ReceivedBy(DeliveryWorld.Handlaggare), Has.Count.EqualTo(1), "sent once the lease of the dead sender passed\n" + late);

        var again = await _world.Ejv("mail", "send");
        Assert.That(again.ExitCode, Is.Zero, again.ToString());
        Assert.That(again.Stdout, Does.Contain("mail: 0 sent"));
        Assert.That(_world.Received(), Has.Count.EqualTo(1));
    }

    /// <summary>
    /// The one window SMTP cannot close: the relay took the message and the process died before marking it sent. It is never
    /// lost: the next sender delivers it again, once, with the same Message-ID, which mail systems that de-duplicate use.
    /// </summary>
    [Test]
    public async Task Run_KilledAfterTheRelayAcceptedBeforeMarking_SentAgainOnceWithTheSameMessageId()
    {
        await RunKilledAtAsync("after-send");
        Assert.That(_world.Received(), Has.Count.EqualTo(1), "the relay had the draft before the kill");
        Assert.That((await _world.MailNotSent()).Single().GetProperty("status").GetString(), Is.EqualTo("pending"), "not marked sent");

        var late = await SendAfterTheLeaseAsync();
        var received = _world.Received();
        Assert.That(received, Has.Count.EqualTo(2), "delivered again after the dead sender's lease\n" + late);
        Assert.That(received.Select(m => m.Header("Message-ID")).Distinct().ToList(), Has.Count.EqualTo(1), "the same Message-ID both times");
        Assert.That(received[0].Header("Message-ID"), Is.Not.Null.And.Not.Empty);

        var again = await _world.Ejv("mail", "send");
        Assert.That(again.Stdout, Does.Contain("mail: 0 sent"), again.ToString());
        Assert.That(_world.Received(), Has.Count.EqualTo(2), "marked sent after the second delivery: no third");
        Assert.That(await _world.MailNotSent(), Is.Empty);
    }

    [Test]
    public async Task MailSend_SenderStalledPastItsLease_MessageStillDeliveredOnce()
    {
        _world = new DeliveryWorld();
        string[] slow = ["run", "--quarter", "2024Q1", .. _world.Config("--Ejv:Testing:PauseAt=before-send", "--Ejv:Testing:PauseFor=00:00:08", "--Ejv:Mail:Lease=00:00:02")];
        using var stalled = EjvRunning.Start(_world.Dir, _world.Env, slow);
        Assert.That(await stalled.WaitForStderrAsync("Fault injection: pausing at before-send", TimeSpan.FromSeconds(45)), Is.True, stalled.Stderr);

        var late = await SendAfterTheLeaseAsync();
        Assert.That(_world.Received(), Has.Count.EqualTo(1), "a second sender took over after the lease\n" + late);
        for (var i = 0; i < 300 && !stalled.HasExited; i++) await Task.Delay(100);
        Assert.That(stalled.HasExited, Is.True, stalled.Stderr);

        Assert.That(_world.Received(), Has.Count.EqualTo(1), "the stalled sender lost its claim and must not send it again:\n" + stalled.Stderr);
    }

    /// <summary>
    /// One <c>ejv mail send</c> whose clock is an hour on (Ejv:Testing:ClockStart): the other sender's 2-second lease has run
    /// out for it at once, so no test waits for a lease in real time, and one try must deliver.
    /// </summary>
    private async Task<EjvResult> SendAfterTheLeaseAsync()
    {
        var later = DateTimeOffset.UtcNow.AddHours(1).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
        var r = await _world.EjvWith(["mail", "send"], $"--Ejv:Testing:ClockStart={later}");
        Assert.That(r.ExitCode, Is.Zero, r.ToString());
        return r;
    }
}
