using System.Net;
using System.Security.Cryptography;
using EjVerkstallda.Worker.Options;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace EjVerkstallda.Worker.Web.Auth;

/// <summary>
/// <c>ejv demo --serve</c>'s sign-in: one random token, printed on the console, valid once and for
/// <see cref="Lifetime"/>, accepted only from a loopback address with a loopback Host and no forwarding header. It signs in
/// a demo user with every role in every (demo) nämnd. Off in the service.
/// </summary>
public sealed class DemoSignIn(bool enabled)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);
    private readonly Lock _gate = new();
    private string? _token;
    private DateTimeOffset _expires;

    public bool Enabled { get; } = enabled;

    public string Issue(TimeProvider clock)
    {
        lock (_gate)
        {
            _token = Convert.ToHexString(RandomNumberGenerator.GetBytes(32)).ToLowerInvariant();
            _expires = clock.GetUtcNow() + Lifetime;
            return _token;
        }
    }

    /// <summary>Null when the token is accepted (and spent); otherwise why not.</summary>
    public string? Redeem(string? token, HttpContext http, TimeProvider clock)
    {
        if (!Enabled) return "not a demo";
        var remote = http.Connection.RemoteIpAddress;
        if (remote is null || !IPAddress.IsLoopback(remote) || http.Request.Headers.ContainsKey("X-Forwarded-For")
            || !(http.Request.Host.Host is "localhost" || (IPAddress.TryParse(http.Request.Host.Host.Trim('[', ']'), out var h) && IPAddress.IsLoopback(h))))
            return "not a loopback request";
        lock (_gate)
        {
            if (_token is null || token is null || !CryptographicOperations.FixedTimeEquals(
                    System.Text.Encoding.ASCII.GetBytes(token), System.Text.Encoding.ASCII.GetBytes(_token)))
                return "unknown or used token";
            if (clock.GetUtcNow() > _expires) return "expired token";
            _token = null;
            return null;
        }
    }

    public static void MapDemoSignIn(IEndpointRouteBuilder app) =>
        app.MapGet("/demo/logga-in", async (HttpContext http, string? t, string? till, DemoSignIn demo, TimeProvider clock, EjvOptions options, ILogger<DemoSignIn> logger) =>
        {
            if (demo.Redeem(t, http, clock) is { } reason)
            {
                WebLog.DemoSignInRefused(logger, reason);
                return Results.NotFound();
            }
            var roles = options.Namnder.SelectMany(n => EjvRoles.All.Select(r => $"{n.Id}:{r}"));
            await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, EjvRoles.Principal("demo", "Demoanvändare", roles, "demo"));
            WebLog.SignedIn(logger, options.Namnder.Count * EjvRoles.All.Count, "demo");
            return Results.Redirect(till is { Length: > 1 } p && p[0] == '/' && p[1] != '/' && p[1] != '\\' ? p : "/");
        }).AllowAnonymous();

    public static void MapSignOut(IEndpointRouteBuilder app) =>
        app.MapPost("/logga-ut", async (HttpContext http, Microsoft.AspNetCore.Antiforgery.IAntiforgery af, IAuthenticationSchemeProvider schemes) =>
        {
            try
            {
                await af.ValidateRequestAsync(http);
            }
            catch (Microsoft.AspNetCore.Antiforgery.AntiforgeryValidationException)
            {
                return Results.BadRequest();
            }
            // Signed in at the identity provider: end that session too (RP-initiated logout), or the next visit would sign
            // the user silently back in. The demo's sign-in (and a session without a provider) ends with the cookie.
            if (http.User.Identity?.AuthenticationType == AuthSetup.OidcSource && await schemes.GetSchemeAsync(OpenIdConnectDefaults.AuthenticationScheme) is not null)
                return Results.SignOut(new AuthenticationProperties { RedirectUri = "/utloggad" },
                    [CookieAuthenticationDefaults.AuthenticationScheme, OpenIdConnectDefaults.AuthenticationScheme]);
            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.Redirect("/utloggad");
        }).AllowAnonymous();
}
