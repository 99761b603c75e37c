using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using System.Text.Json;
using EjVerkstallda.Worker.Options;
using EjVerkstallda.Worker.Tests.Support;

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

    [Test]
    public async Task Get_RunningService_AnswersJsonStatusOnLoopback()
    {
        var port = ServiceSandbox.FreePort();
        var url = ServiceSandbox.HealthUrl(port);
        var service = _box.Start("--Ejv:Testing:ClockStart=2027-01-10T06:00:00Z", $"--Ejv:Schedule:HealthUrl={url}");
        Assert.That(await service.WaitForAsync("Health endpoint listening", TimeSpan.FromSeconds(45)), Is.True, service.ToString());
        Assert.That(await service.WaitForAsync(ServiceSandbox.QuarterlyCheck, TimeSpan.FromSeconds(45)), Is.True, service.ToString());

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(20) };
        using var response = await http.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        using var json = JsonDocument.Parse(body);

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK).Or.EqualTo(HttpStatusCode.ServiceUnavailable), body);
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"));
            Assert.That(json.RootElement.GetProperty("status").GetString(), Is.AnyOf("healthy", "degraded", "unhealthy"), body);
            Assert.That(json.RootElement.GetProperty("stateStoreReachable").GetBoolean(), Is.True, body);
            Assert.That(json.RootElement.GetProperty("namnder")[0].GetProperty("id").GetString(), Is.EqualTo(ServiceSandbox.Namnd), body);
            Assert.That(response.StatusCode == HttpStatusCode.ServiceUnavailable, Is.EqualTo(json.RootElement.GetProperty("status").GetString() == "unhealthy"), "503 exactly when unhealthy");
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

    [Test]
    public void HealthUrl_Default_IsLoopback()
    {
        var fromOptions = new Uri(new ScheduleOptions().HealthUrl);
        using var appsettings = JsonDocument.Parse(File.ReadAllText(Path.Combine(Path.GetDirectoryName(EjvProcess.Dll)!, "appsettings.json")));
        var ejv = appsettings.RootElement.GetProperty("Ejv");
        var configured = ejv.TryGetProperty("Schedule", out var s) && s.TryGetProperty("HealthUrl", out var h) ? h.GetString() : null;

        Assert.That(IPAddress.IsLoopback(IPAddress.Parse(fromOptions.Host)), Is.True, fromOptions.ToString());
        if (!string.IsNullOrEmpty(configured))
            Assert.That(IPAddress.TryParse(new Uri(configured).Host, out var ip) && IPAddress.IsLoopback(ip), Is.True, configured);
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
