using EjVerkstallda.Worker.Service;
using EjVerkstallda.Worker.Tests.Support;
using Microsoft.Data.Sqlite;

namespace EjVerkstallda.Worker.Tests.Service;

/// <summary>
/// The service as a systemd <c>Type=notify</c> unit, for real: the service process gets NOTIFY_SOCKET (a socket this test
/// listens on) and WATCHDOG_USEC, as systemd gives them; READY=1 must come only after the state store is checked and
/// migrated, WATCHDOG=1 must follow at half the interval, STOPPING=1 on SIGTERM.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class SystemdNotifyTests
{
    private ServiceSandbox _box = default!;

    [SetUp]
    public void SetUp() => _box = new ServiceSandbox();

    [TearDown]
    public void TearDown() => _box.Dispose();

    [Test]
    public async Task Service_UnderSystemd_ReadyAfterStateStoreThenWatchdogThenStopping()
    {
        var schemaAtReady = -1L;
        using var notify = new NotifySocket(Path.Combine(_box.Dir, "notify.sock"), text =>
        {
            if (text.Contains("READY=1", StringComparison.Ordinal)) schemaAtReady = StateTables();
        });
        var env = new Dictionary<string, string> { ["NOTIFY_SOCKET"] = notify.Path, ["WATCHDOG_USEC"] = "1000000" };
        // The start pauses 2 s after the state store is migrated: READY=1 must wait for it.
        var service = _box.Start(env, "--Ejv:Testing:ClockStart=2027-01-10T06:00:00Z", "--Ejv:Testing:PauseAt=service-start", "--Ejv:Testing:PauseFor=00:00:02");

        Assert.That(await service.WaitForAsync("pausing at service-start", TimeSpan.FromSeconds(45)), Is.True, service.ToString());
        var beforeReady = notify.Texts;
        Assert.That(await notify.WaitForAsync("READY=1", TimeSpan.FromSeconds(45)), Is.True, $"{string.Join(" | ", notify.Texts)}\n{service}");
        Assert.That(await notify.WaitForAsync("WATCHDOG=1", TimeSpan.FromSeconds(10), count: 5), Is.True, string.Join(" | ", notify.Texts));
        var pings = notify.Received.Where(r => r.Text.Contains("WATCHDOG=1", StringComparison.Ordinal)).Select(r => r.At).ToList();
        Assert.That(await service.TerminateAsync(TimeSpan.FromSeconds(60)), Is.True, service.ToString());

        var texts = notify.Texts;
        var ready = texts.ToList().FindIndex(t => t.Contains("READY=1", StringComparison.Ordinal));
        Assert.Multiple(() =>
        {
            Assert.That(beforeReady, Is.Empty, "nothing is reported while the start is still under way");
            Assert.That(schemaAtReady, Is.GreaterThan(0), "the state store was migrated when READY=1 arrived");
            Assert.That(texts.Take(ready), Has.None.Contains("WATCHDOG=1"), "the first ping follows READY=1");
            Assert.That((pings[4] - pings[2]) / 2, Is.GreaterThan(TimeSpan.FromMilliseconds(350)).And.LessThan(TimeSpan.FromMilliseconds(750)),
                "about half of WATCHDOG_USEC (1 s) apart");
            Assert.That(texts.Last(), Does.Contain("STOPPING=1"), string.Join(" | ", texts));
            Assert.That(service.ExitCode, Is.Zero, "a stop asked for is a clean exit");
            Assert.That(service.Lines.FirstOrDefault(l => l.Contains("Health endpoint listening", StringComparison.Ordinal)), Does.StartWith("<6>"),
                "journald's format: priority prefix, no timestamp\n" + service);
        });
    }

    [Test]
    public async Task Service_UnderSystemdStartFails_NeverReportsReady()
    {
        using var notify = new NotifySocket(Path.Combine(_box.Dir, "notify.sock"));
        var env = new Dictionary<string, string> { ["NOTIFY_SOCKET"] = notify.Path, ["WATCHDOG_USEC"] = "1000000" };
        var service = _box.Start(env, "--Ejv:Schedule:ReminderCron=bogus");

        Assert.That(await service.WaitForExitAsync(TimeSpan.FromSeconds(45)), Is.True, service.ToString());
        Assert.Multiple(() =>
        {
            Assert.That(service.ExitCode, Is.EqualTo(1));
            Assert.That(notify.Texts, Has.None.Contains("READY=1").And.None.Contains("WATCHDOG=1"), string.Join(" | ", notify.Texts));
            Assert.That(service.ErrorLines, Has.Count.EqualTo(1), service.ToString());
        });
    }

    [TestCase("2000000", null, 42, ExpectedResult = 1000)]
    [TestCase("2000000", "42", 42, ExpectedResult = 1000)]
    [TestCase("2000000", "43", 42, ExpectedResult = null)]
    [TestCase("", null, 42, ExpectedResult = null)]
    [TestCase("0", null, 42, ExpectedResult = null)]
    [TestCase("abc", null, 42, ExpectedResult = null)]
    public double? WatchdogInterval_Of_HalfForThisProcessOnly(string usec, string? pid, int processId) =>
        WatchdogInterval.Of(usec, pid, processId)?.TotalMilliseconds;

    private long StateTables()
    {
        using var c = new SqliteConnection($"Data Source={Path.Combine(_box.Dir, "state.db")};Mode=ReadOnly;Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'ejv_quarter'";
        return (long)cmd.ExecuteScalar()!;
    }
}
