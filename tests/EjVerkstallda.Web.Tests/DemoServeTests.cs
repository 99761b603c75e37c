using System.Net;
using EjVerkstallda.Web.Tests.Support;
using EjVerkstallda.Worker.Tests.Support;
using Microsoft.Playwright;
using Microsoft.Playwright.NUnit;

namespace EjVerkstallda.Web.Tests;

/// <summary><c>ejv demo --serve</c>: the printed link signs in once, from loopback only, and opens the demo quarter's checklist.</summary>
[TestFixture]
[NonParallelizable]
public sealed class DemoServeTests : PlaywrightTest
{
    private string _dir = default!;
    private ServiceProcess _demo = default!;
    private string _link = "";
    private int _port;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _dir = EjvProcess.TempFolder();
        _port = WebWorld.FreePort();
        _demo = ServiceProcess.Start(_dir, ["demo", "--serve", "--quarter", "2026Q3", $"--Ejv:Web:Url=http://127.0.0.1:{_port}/", "--Ejv:Testing:ClockStart=2026-10-20T08:00:00Z"]);
        Assert.That(await _demo.WaitForAsync("/demo/logga-in?t=", TimeSpan.FromSeconds(150)), Is.True, _demo.ToString());
        _link = _demo.Lines.Select(l => l.Trim()).First(l => l.StartsWith($"http://127.0.0.1:{_port}/demo/logga-in?t=", StringComparison.Ordinal));
    }

    [OneTimeTearDown]
    public void Stop()
    {
        _demo?.Dispose();
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
            // the killed process may still hold a file
        }
    }

    [Test]
    public async Task Link_ForwardedThenOpened_RefusedFromProxyThenOpensChecklistOnceOnly()
    {
        using var handler = new HttpClientHandler { AllowAutoRedirect = false };
        using var http = new HttpClient(handler);
        using var forwarded = new HttpRequestMessage(HttpMethod.Get, _link);
        forwarded.Headers.Add("X-Forwarded-For", "203.0.113.7");
        using var viaProxy = await http.SendAsync(forwarded);

        await using var browser = await Browser.LaunchAsync(Playwright);
        var page = await browser.NewPageAsync();
        await page.GotoAsync(_link);
        var second = await (await browser.NewContextAsync()).APIRequest.GetAsync(_link, new() { MaxRedirects = 0 });

        Assert.Multiple(() =>
        {
            Assert.That(viaProxy.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "a forwarded request is not from this machine");
            Assert.That(page.Url, Is.EqualTo($"http://127.0.0.1:{_port}/namnd/socialnamnden/kvartal/2026Q3/ivo"));
            Assert.That(second.Status, Is.EqualTo(404), "the link works once");
        });
        await Expect(page.Locator("#progress")).ToContainTextAsync("registrerade, fönstret stänger om 11 dagar");
        await Expect(page.Locator("li.card").First).ToBeVisibleAsync();
    }

    [Test]
    public async Task Serve_NonLoopbackUrl_Refused()
    {
        var dir = EjvProcess.TempFolder();
        var r = await EjvProcess.RunAsync(dir, ["demo", "--serve", "--Ejv:Web:Url=http://0.0.0.0:1/", "--Ejv:Web:KnownProxies:0=10.0.0.1"]);

        Assert.That(r.ExitCode, Is.EqualTo(2), r.ToString());
        Assert.That(r.ErrorLines, Has.Count.EqualTo(1).And.Some.Contains("serves only on a loopback address"), r.ToString());
        Assert.That(Directory.Exists(Path.Combine(dir, "demo")), Is.False, "refused before the demo ran");
        Directory.Delete(dir, recursive: true);
    }
}
