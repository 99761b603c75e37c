using EjVerkstallda.Web.Tests.Support;
using Microsoft.Playwright;
using Microsoft.Playwright.NUnit;

namespace EjVerkstallda.Web.Tests;

/// <summary>
/// The checklist shows the work left first, in pages (README "Web pages"): here three cards a page
/// (<c>Ejv:Web:ChecklistPageSize=3</c>) over socialnämnden's seven reports. Its own kommun: the tests mark reports, in order.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class ChecklistPagingTests : PlaywrightTest
{
    private WebWorld _world = default!;
    private IBrowser _browser = default!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _world = new WebWorld("--Ejv:Web:ChecklistPageSize=3");
        await _world.ReadyAsync();
    }

    [SetUp]
    public async Task LaunchAsync() => _browser = await Browser.LaunchAsync(Playwright);

    [TearDown]
    public async Task CloseAsync() => await _browser.CloseAsync();

    [OneTimeTearDown]
    public void Stop() => _world?.Dispose();

    private ILocator Pages(IPage page) => page.GetByRole(AriaRole.Navigation, new() { Name = "Sidor" });

    [Test]
    public async Task Default_ShowsTheUnregisteredInPages_WithTheQuarterWideNumbers()
    {
        var (context, page) = await Browser.LoginAsync(_browser, _world, "anna", _world.Checklist);
        await Expect(page.Locator("li.card")).ToHaveCountAsync(3);
        await Expect(page.Locator("#r1 h2")).ToContainTextAsync("Rapport 1 av 7");
        await Expect(Pages(page).GetByRole(AriaRole.Link)).ToHaveCountAsync(3);
        await Expect(Pages(page).Locator("[aria-current=page]")).ToHaveTextAsync("1");

        await Pages(page).GetByRole(AriaRole.Link, new() { Name = "3" }).ClickAsync();
        Assert.That(page.Url, Does.EndWith("/ivo?visa=kvar&sida=3"), "a plain GET link, numbers and the filter only");
        await Expect(page.Locator("li.card")).ToHaveCountAsync(1);
        await Expect(page.Locator("#r7 h2")).ToContainTextAsync("Rapport 7 av 7");
        await Expect(Pages(page).Locator("[aria-current=page]")).ToHaveTextAsync("3");
        await Expect(page.Locator("#progress")).ToContainTextAsync("0 av 7 registrerade, fönstret stänger om 21 dagar");
        await context.CloseAsync();
    }

    [Test]
    [DependsOnTest(nameof(Default_ShowsTheUnregisteredInPages_WithTheQuarterWideNumbers), AllowFailure = true)]
    public async Task MarkOne_LeavesTheDefaultView_ProgressCountsUp_AndLandsOnTheNextUnregistered()
    {
        var (context, page) = await Browser.LoginAsync(_browser, _world, "anna", _world.Checklist);
        await page.GetByRole(AriaRole.Button, new() { Name = "Rapport 1 är registrerad i IVO" }).ClickAsync();
        await Expect(page.Locator("#progress")).ToContainTextAsync("1 av 7 registrerade");
        Assert.That(page.Url, Does.EndWith("/ivo?visa=kvar&sida=1#r2"));
        await Expect(page.Locator("#r1")).ToHaveCountAsync(0);
        await Expect(page.Locator("li.card")).ToHaveCountAsync(3);

        // Page 2 of what is left (2..7) is 5, 6, 7: marking 5 lands on 6, still on page 2 (now 6, 7).
        await page.GotoAsync($"{_world.Checklist}?visa=kvar&sida=2");
        await page.GetByRole(AriaRole.Button, new() { Name = "Rapport 5 är registrerad i IVO" }).ClickAsync();
        Assert.That(page.Url, Does.EndWith("/ivo?visa=kvar&sida=2#r6"));
        await Expect(page.Locator("li.card")).ToHaveCountAsync(2);
        await Expect(page.Locator("#progress")).ToContainTextAsync("2 av 7 registrerade");

        // The last one marked: the next unregistered is the first left (2), on page 1.
        await page.GetByRole(AriaRole.Button, new() { Name = "Rapport 7 är registrerad i IVO" }).ClickAsync();
        Assert.That(page.Url, Does.EndWith("/ivo?visa=kvar&sida=1#r2"));
        await Expect(Pages(page).GetByRole(AriaRole.Link)).ToHaveCountAsync(2);
        await context.CloseAsync();
    }

    [Test]
    [DependsOnTest(nameof(MarkOne_LeavesTheDefaultView_ProgressCountsUp_AndLandsOnTheNextUnregistered), AllowFailure = true)]
    public async Task ShowAll_HasTheRegisteredWithTheirMark_AndShowRegisteredOnlyThose()
    {
        var (context, page) = await Browser.LoginAsync(_browser, _world, "anna", _world.Checklist);
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Urval" }).GetByRole(AriaRole.Link, new() { Name = "Alla (7)" }).ClickAsync();
        Assert.That(page.Url, Does.EndWith("/ivo?visa=alla"));
        await Expect(page.Locator("li.card")).ToHaveCountAsync(3);
        await Expect(page.Locator("#r1 .entered")).ToContainTextAsync("av Anna Handläggare");
        await Expect(page.Locator("li.card.done")).ToHaveCountAsync(1);
        await Expect(Pages(page).GetByRole(AriaRole.Link)).ToHaveCountAsync(3);

        await page.GotoAsync($"{_world.Checklist}?visa=registrerade");
        await Expect(page.Locator("li.card.done")).ToHaveCountAsync(3);
        await Expect(page.Locator("li.card:not(.done)")).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Urval" }).Locator("[aria-current=page]")).ToHaveTextAsync("Registrerade (3)");
        await context.CloseAsync();
    }

    [Test]
    [DependsOnTest(nameof(ShowAll_HasTheRegisteredWithTheirMark_AndShowRegisteredOnlyThose), AllowFailure = true)]
    public async Task MarkAll_FromPageTwo_MarksEveryUnregisteredReportOfTheQuarter()
    {
        var (context, page) = await Browser.LoginAsync(_browser, _world, "anna", $"{_world.Checklist}?visa=kvar&sida=2");
        await page.GetByRole(AriaRole.Button, new() { Name = "Markera alla 4 återstående som registrerade i IVO" }).ClickAsync();
        await Expect(page.Locator("#progress")).ToContainTextAsync("7 av 7 registrerade");
        await Expect(page.Locator("li.card")).ToHaveCountAsync(0);
        await Expect(page.Locator("main")).ToContainTextAsync("Alla rapporter är registrerade i IVO.");

        var list = await Worker.Tests.Support.EjvProcess.RunAsync(_world.Dir, _world.Env,
            ["ivo", "list", "--quarter", WebWorld.Quarter, "--namnd", WebWorld.Soc, "--json", .. _world.Config()]);
        Assert.That(list.Stdout.Split("\"submittedBy\": \"Anna Handläggare (anna)\"").Length - 1, Is.EqualTo(7), list.ToString());
        await context.CloseAsync();
    }
}
