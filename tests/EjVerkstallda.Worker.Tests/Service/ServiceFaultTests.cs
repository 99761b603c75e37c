using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using EjVerkstallda.Worker.Tests.Support;
using Microsoft.Data.Sqlite;

namespace EjVerkstallda.Worker.Tests.Service;

/// <summary>
/// Defects 15 and 16: a failing request does not stop the service; a service that stops on a fault exits non-zero (so
/// systemd's Restart=on-failure and the Windows recovery actions restart it); start-up errors are one line, no stack trace;
/// a mistyped configuration key is named in a warning.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class ServiceFaultTests
{
    private ServiceSandbox _box = default!;

    [SetUp]
    public void SetUp() => _box = new ServiceSandbox();

    [TearDown]
    public void TearDown() => _box.Dispose();

    [Test]
    public async Task Health_HandlerThrows_Answers500AndServiceCarriesOn()
    {
        var url = ServiceSandbox.HealthUrl(ServiceSandbox.FreePort());
        var service = _box.Start("--Ejv:Testing:ClockStart=2027-01-10T06:00:00Z", $"--Ejv:Schedule:HealthUrl={url}");
        Assert.That(await service.WaitForAsync(ServiceSandbox.QuarterlyCheck, TimeSpan.FromSeconds(45)), Is.True, service.ToString());
        Assert.That(await service.WaitForAsync("Outbox: ", TimeSpan.FromSeconds(45)), Is.True, "the drafts are delivered\n" + service);
        // A ledger row the status cannot read (not a quarter): building the health answer throws a FormatException.
        Execute("INSERT INTO ejv_quarter (namnd_id, quarter, completed_at, run_id, open_count) VALUES ('socialnamnden', '2099QX', '2027-01-10T06:00:00Z', 0, 0)");

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(20) };
        using var failing = await http.GetAsync(url);
        Execute("DELETE FROM ejv_quarter WHERE quarter = '2099QX'");
        using var after = await http.GetAsync(url);
        using var json = JsonDocument.Parse(await after.Content.ReadAsStringAsync());

        Assert.Multiple(() =>
        {
            Assert.That(failing.StatusCode, Is.EqualTo(HttpStatusCode.InternalServerError), service.ToString());
            Assert.That(service.HasExited, Is.False, "a failing request does not stop the service\n" + service);
            Assert.That(after.StatusCode, Is.EqualTo(HttpStatusCode.OK), service.ToString());
            Assert.That(json.RootElement.GetProperty("status").GetString(), Is.EqualTo("healthy"));
            Assert.That(service.Count("Health request failed"), Is.EqualTo(1), service.ToString());
        });
    }

    [Test]
    public async Task Service_BackgroundServiceFaults_ExitsNonZeroWithOneLine()
    {
        // The health port is taken: the endpoint's background service fails after the host started.
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var url = ServiceSandbox.HealthUrl(((IPEndPoint)taken.LocalEndpoint).Port);
        var service = _box.Start("--Ejv:Testing:ClockStart=2027-01-10T06:00:00Z", $"--Ejv:Schedule:HealthUrl={url}");

        Assert.That(await service.WaitForExitAsync(TimeSpan.FromSeconds(45)), Is.True, "the service stops\n" + service);
        Assert.Multiple(() =>
        {
            Assert.That(service.ExitCode, Is.EqualTo(1), "a fault is not a clean stop: systemd's Restart=on-failure must see it\n" + service);
            Assert.That(service.ErrorLines, Has.Count.EqualTo(1), service.ToString());
            Assert.That(service.ErrorLines.FirstOrDefault(), Does.Contain("health endpoint").And.Contain(url), service.ToString());
            Assert.That(service.Lines.Where(l => l.Contains("   at ", StringComparison.Ordinal)), Is.Empty, "no stack trace on the console");
        });
    }

    [Test]
    public async Task Service_BadCronExpression_OneLineWithoutStackTrace()
    {
        var service = _box.Start("--Ejv:Schedule:QuarterlyCron=bogus");

        Assert.That(await service.WaitForExitAsync(TimeSpan.FromSeconds(45)), Is.True, service.ToString());
        Assert.Multiple(() =>
        {
            Assert.That(service.ExitCode, Is.EqualTo(1), service.ToString());
            Assert.That(service.ErrorLines, Has.Count.EqualTo(1), service.ToString());
            Assert.That(service.ErrorLines.FirstOrDefault(), Does.Contain("Ejv:Schedule:QuarterlyCron 'bogus'"));
            Assert.That(service.Lines.Where(l => l.Contains("   at ", StringComparison.Ordinal)), Is.Empty, "no stack trace before the ejv: line\n" + service);
            Assert.That(service.Lines.Where(l => l.Contains("Hosting failed to start", StringComparison.Ordinal)), Is.Empty, "the ejv: line says it once\n" + service);
        });
    }

    [Test]
    public async Task Command_MistypedConfigurationKey_WarnsNamingTheKey()
    {
        var typo = await _box.RunAsync("status", "--Ejv:Source:Provder=oracle", "--Ejv:Namnder:0:Recipients:Handlagare:0=x@kommun.example");
        var clean = await _box.RunAsync("status");

        var warnings = typo.Stderr.Split('\n').Where(l => l.Contains("Unknown configuration key", StringComparison.Ordinal)).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(warnings, Has.Count.EqualTo(2), typo.ToString());
            Assert.That(warnings.Any(w => w.Contains("Ejv:Source:Provder", StringComparison.Ordinal)), Is.True, typo.ToString());
            Assert.That(warnings.Any(w => w.Contains("Ejv:Namnder:0:Recipients:Handlagare", StringComparison.Ordinal)), Is.True, typo.ToString());
            Assert.That(clean.Stderr, Does.Not.Contain("Unknown configuration key"), "every key the sandbox sets is known\n" + clean);
        });
    }

    private void Execute(string sql)
    {
        using var c = new SqliteConnection($"Data Source={Path.Combine(_box.Dir, "state.db")};Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }
}
