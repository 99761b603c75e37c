using EjVerkstallda.Web.Tests.Support;
using Microsoft.Playwright;
using Microsoft.Playwright.NUnit;

namespace EjVerkstallda.Web.Tests;

/// <summary>
/// The checklist keeps the parsed IVO underlag between requests (README "Performance", web pages); a run that replaces the
/// quarter's underlag must show at once, in the page that was already open. Its own kommun: the run changes the quarter.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class ChecklistRerunTests : PlaywrightTest
{
    private WebWorld _world = default!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _world = new WebWorld();
        await _world.ReadyAsync();
    }

    [OneTimeTearDown]
    public void Stop() => _world?.Dispose();

    [Test]
    public async Task Checklist_QuarterRunAgainWithANewReport_ShowsTheNewUnderlag()
    {
        var browser = await Browser.LaunchAsync(Playwright);
        var (context, page) = await Browser.LoginAsync(browser, _world, "anna", _world.Checklist);
        await Expect(page.Locator("#progress")).ToContainTextAsync("0 av 7 registrerade");

        _world.Cases.Execute("""
            INSERT INTO ejv_beslut (beslut_id, person_id, insats_kod, beslutsdatum, fodelsedatum, kon, skyddad_identitet, namnd_id)
            VALUES ('S-8', 'P-9', 'SABO', '2026-02-02', '1950-02-02', 'K', 0, 'soc');
            """);
        var run = await Worker.Tests.Support.EjvProcess.RunAsync(_world.Dir, _world.Env,
            ["run", "--quarter", WebWorld.Quarter, "--namnd", WebWorld.Soc, .. _world.Config()]);
        Assert.That(run.ExitCode, Is.Zero, run.ToString());

        await page.ReloadAsync();
        await Expect(page.Locator("#progress")).ToContainTextAsync("0 av 8 registrerade");
        await Expect(page.Locator("li.card")).ToHaveCountAsync(8);
        await context.CloseAsync();
        await browser.CloseAsync();
    }
}
