using EjVerkstallda.Worker.Options;
using EjVerkstallda.Worker.Web.Auth;
using EjVerkstallda.Worker.Web.Health;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EjVerkstallda.Worker.Web;

/// <summary>
/// ASP.NET Core inside the service's host: Kestrel on <see cref="WebUrls"/>, forwarded headers from the configured proxy,
/// the login, anti-forgery, Razor Pages under <c>Web/Pages</c>, the health checks. The same singletons as the commands.
/// </summary>
public static class WebHost
{
    public static void AddEjvWeb(this WebApplicationBuilder builder, bool demo)
    {
        var web = builder.Configuration.GetSection(WebOptions.Section).Get<WebOptions>() ?? new WebOptions();
        var schedule = builder.Configuration.GetSection("Ejv:Schedule").Get<ScheduleOptions>() ?? new ScheduleOptions();
        if (WebUrls.Problem(web) is { } problem) throw new OptionsValidationException(WebOptions.Section, typeof(WebOptions), [problem]);
        var urls = WebUrls.Of(web, schedule);
        if (demo) urls = urls with { Health = null }; // the demo serves pages only, on loopback (DemoServe checks)
        builder.Services.AddSingleton(web);
        builder.Services.AddSingleton(urls);
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            if (urls.Pages is { } p) Listen(k, p);
            if (urls.Health is { } h) Listen(k, h);
        });
        builder.Services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            if (!web.BehindProxy) return;
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var a in web.KnownProxies) o.KnownProxies.Add(System.Net.IPAddress.Parse(a));
            foreach (var n in web.KnownNetworks) o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(n));
        });
        builder.Services.AddHealthChecks().AddCheck<EjvHealthCheck>(EjvHealthCheck.Name);
        builder.Services.AddEjvAuth(web);
        builder.Services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "ejv-af";
            o.Cookie.SecurePolicy = Microsoft.AspNetCore.Http.CookieSecurePolicy.SameAsRequest;
            o.FormFieldName = "__RequestVerificationToken";
        });
        builder.Services.AddRazorPages(o =>
        {
            o.RootDirectory = "/Web/Pages";
            o.Conventions.AllowAnonymousToPage("/Inloggning");
            o.Conventions.AllowAnonymousToPage("/Fel");
            o.Conventions.AllowAnonymousToPage("/Utloggad");
        });
        // Swedish letters as they are, not as character references (the pages are UTF-8).
        builder.Services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        builder.Services.AddSingleton<Pages.QuarterReader>();
        builder.Services.AddSingleton(new DemoSignIn(demo));
    }

    private static void Listen(KestrelServerOptions k, Uri u)
    {
        void Https(ListenOptions l) { if (u.Scheme == "https") l.UseHttps(); }
        if (WebUrls.Address(u) is { } ip) k.Listen(ip, u.Port, Https);
        else k.ListenAnyIP(u.Port, Https);
    }

    public static void MapEjvWeb(this WebApplication app)
    {
        var web = app.Services.GetRequiredService<WebOptions>();
        var urls = app.Services.GetRequiredService<WebUrls>();
        app.UseForwardedHeaders();
        app.UseEjvSecurityHeaders(web.Oidc.Authority);
        app.UseStatusCodePagesWithReExecute("/fel/{0}");
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapHealthChecks("/health", HealthResponse.Options()).AllowAnonymous();
        if (urls.Health is { } h) app.MapHealthChecks(h.AbsolutePath, HealthResponse.Options()).RequireHost($"*:{h.Port}").AllowAnonymous();
        app.MapEjvAssets();
        app.MapRazorPages();
        DemoSignIn.MapDemoSignIn(app);
        DemoSignIn.MapSignOut(app);
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(WebHost));
            if (urls.Pages is { } p) WebLog.PagesListening(logger, p.ToString());
            WebLog.HealthListening(logger, (urls.Health ?? new Uri(urls.Pages!, "health")).ToString());
            if (web.Oidc.Authority.Length == 0 && !app.Services.GetRequiredService<DemoSignIn>().Enabled) WebLog.NoIdentityProvider(logger);
        });
    }
}
