using Microsoft.Playwright;

namespace EjVerkstallda.Web.Tests.Support;

/// <summary>Debian's chromium driven by Playwright (its own browser download cannot run here), headless; and the login.</summary>
internal static class Browser
{
    public const string Chromium = "/usr/bin/chromium";

    public static async Task<IBrowser> LaunchAsync(IPlaywright playwright)
    {
        if (!File.Exists(Chromium)) Worker.Tests.Support.TestPrerequisite.Unavailable($"{Chromium} is missing: apt-get install -y chromium (tests/run-tests.sh does)");
        return await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
        });
    }

    /// <summary>A fresh browser context logged in as <paramref name="user"/> through the identity provider's form.</summary>
    public static async Task<(IBrowserContext Context, IPage Page)> LoginAsync(IBrowser browser, WebWorld world, string user, string? start = null)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { Locale = "sv-SE", ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync(start ?? world.BaseUrl + "/");
        Assert.That(page.Url, Does.StartWith(world.Idp.Issuer), "an anonymous visit goes to the identity provider");
        await page.GetByLabel("Användarnamn").FillAsync(user);
        await page.GetByLabel("Lösenord").FillAsync(OidcTestProvider.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Logga in" }).ClickAsync();
        await page.WaitForURLAsync(u => u.StartsWith(world.BaseUrl, StringComparison.Ordinal));
        return (context, page);
    }

    /// <summary>axe-core (npm, tests/idp/node_modules) run in the page: the violations' ids and their first target.</summary>
    public static async Task<IReadOnlyList<string>> AxeViolationsAsync(IPage page)
    {
        var axe = Infrastructure.Tests.Mail.SmtpTestServer.RepoFile("tests", "idp", "node_modules", "axe-core", "axe.min.js");
        await page.EvaluateAsync(await File.ReadAllTextAsync(axe));
        var result = await page.EvaluateAsync<string[]>(
            "async () => (await axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21aa', 'best-practice'] })).violations.map(v => v.id + ': ' + v.nodes.length + ' node(s), e.g. ' + v.nodes[0].target.join(' '))");
        return result;
    }
}
