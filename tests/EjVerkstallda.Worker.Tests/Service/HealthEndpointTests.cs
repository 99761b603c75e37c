using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using System.Text.Json;
using EjVerkstallda.Worker.Options;
using EjVerkstallda.Worker.Tests.Support;
using Microsoft.Extensions.Configuration;

namespace EjVerkstallda.Worker.Tests.Service;

/// <summary>The health endpoint answers on loopback with the health summary as JSON, and is not reachable from outside.</summary>
[TestFixture]
[NonParallelizable]
public sealed class HealthEndpointTests
{
    private ServiceSandbox _box = default!;

    [SetUp]
    public void SetUp() => _box = new ServiceSandbox();

    [TearDown]
    public void TearDown() => _box.Dispose();

    /// <summary>
    /// 2027-01-10: the service runs 2026Q4 on start and delivers its draft; then nothing is failing or pending, so the answer
    /// is exactly 200 and healthy. The port listens on 127.0.0.1 only (read from the kernel's socket table), and no other
    /// address of this machine answers on it.
    /// </summary>
    [Test]
    public async Task Get_RunningService_AnswersJsonStatusOnLoopback()
    {
        var port = ServiceSandbox.FreePort();
        var url = ServiceSandbox.HealthUrl(port);
        var service = _box.Start("--Ejv:Testing:ClockStart=2027-01-10T06:00:00Z", $"--Ejv:Schedule:HealthUrl={url}");
        Assert.That(await service.WaitForAsync("Health endpoint listening", TimeSpan.FromSeconds(45)), Is.True, service.ToString());
        Assert.That(await service.WaitForAsync(ServiceSandbox.QuarterlyCheck, TimeSpan.FromSeconds(45)), Is.True, service.ToString());
        Assert.That(await service.WaitForAsync("Outbox: ", TimeSpan.FromSeconds(45)), Is.True, "the draft is delivered\n" + service);

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(20) };
        using var response = await http.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        using var json = JsonDocument.Parse(body);
        var namnd = json.RootElement.GetProperty("namnder")[0];

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"));
            Assert.That(json.RootElement.GetProperty("status").GetString(), Is.EqualTo("healthy"), body);
            Assert.That(json.RootElement.GetProperty("stateStoreReachable").GetBoolean(), Is.True, body);
            Assert.That(namnd.GetProperty("id").GetString(), Is.EqualTo(ServiceSandbox.Namnd), body);
            Assert.That(namnd.GetProperty("lastRunQuarter").GetString(), Is.EqualTo("2026Q4"), body);
            Assert.That(namnd.GetProperty("lastRunOutcome").GetString(), Is.EqualTo("succeeded"), body);
            Assert.That(namnd.GetProperty("mailPending").GetInt32(), Is.Zero, body);
            var listening = ListeningAddresses(port);
            Assert.That(listening, Is.Not.Empty, "the kernel's socket table shows the listener");
            Assert.That(listening.Where(a => !IPAddress.IsLoopback(a)), Is.Empty, $"bound to loopback only: {string.Join(", ", listening)}");
        });
        foreach (var address in NonLoopbackAddresses())
            Assert.That(() => Connect(address, port), Throws.InstanceOf<SocketException>(), $"reachable on {address}: not bound to loopback only");
    }

    /// <summary>2026Q4's IVO window closes 2027-01-31; on the service's clock (2027-02-10) its reports are overdue.</summary>
    [Test]
    public async Task Get_IvoWindowClosedOnServiceClock_ReportsOverdueAsDegraded()
    {
        var url = ServiceSandbox.HealthUrl(ServiceSandbox.FreePort());
        var service = _box.Start("--Ejv:Testing:ClockStart=2027-02-10T06:00:00Z", $"--Ejv:Schedule:HealthUrl={url}");
        var status = await _box.WaitForCompletedAsync(TimeSpan.FromSeconds(45), "2026Q4");
        Assert.That(status.CompletedQuarters, Does.Contain("2026Q4"), $"{status}\n{service}");
        Assert.That(await service.WaitForAsync(ServiceSandbox.QuarterlyCheck, TimeSpan.FromSeconds(45), count: 2), Is.True, service.ToString());

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(20) };
        using var response = await http.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        using var json = JsonDocument.Parse(body);

        Assert.Multiple(() =>
        {
            Assert.That(json.RootElement.GetProperty("namnder")[0].GetProperty("ivoOverdue").GetInt32(), Is.GreaterThan(0), body);
            Assert.That(json.RootElement.GetProperty("status").GetString(), Is.EqualTo("degraded"), body);
            Assert.That(json.RootElement.GetProperty("reason").GetString(), Does.Contain("IVO reports overdue: socialnamnden 2026Q4"), body);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), "degraded is not unhealthy");
        });
    }

    /// <summary>The health URL the shipped appsettings.json and the production example give (their value, or the default).</summary>
    [TestCase("src/EjVerkstallda.Worker/appsettings.json")]
    [TestCase("deploy/config/appsettings.Production.json")]
    public void HealthUrl_Default_IsLoopback(string settings)
    {
        var repo = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", ".."));
        var options = new ConfigurationBuilder().AddJsonFile(Path.Combine(repo, settings)).Build().GetSection("Ejv").Get<EjvOptions>() ?? new EjvOptions();
        var host = new Uri(options.Schedule.HealthUrl).Host;

        Assert.That(IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip), Is.True, $"{settings}: {options.Schedule.HealthUrl}");
    }

    /// <summary>Local addresses with a listening TCP socket on <paramref name="port"/>, from /proc/net/tcp and tcp6.</summary>
    private static List<IPAddress> ListeningAddresses(int port)
    {
        var list = new List<IPAddress>();
        foreach (var file in new[] { "/proc/net/tcp", "/proc/net/tcp6" }.Where(File.Exists))
        {
            foreach (var fields in File.ReadLines(file).Skip(1).Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)))
            {
                var local = fields[1].Split(':');
                if (fields[3] != "0A" || Convert.ToInt32(local[1], 16) != port) continue; // 0A: LISTEN
                var bytes = Convert.FromHexString(local[0]);
                for (var i = 0; i < bytes.Length; i += 4) Array.Reverse(bytes, i, 4); // each 32-bit word is in host order
                list.Add(new IPAddress(bytes));
            }
        }
        return list;
    }

    private static void Connect(IPAddress address, int port)
    {
        using var client = new TcpClient(address.AddressFamily);
        client.Connect(address, port);
    }

    private static IEnumerable<IPAddress> NonLoopbackAddresses() => NetworkInterface.GetAllNetworkInterfaces()
        .Where(n => n.OperationalStatus == OperationalStatus.Up)
        .SelectMany(n => n.GetIPProperties().UnicastAddresses)
        .Select(a => a.Address)
        .Where(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a));
}
