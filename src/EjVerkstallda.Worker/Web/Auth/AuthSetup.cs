using EjVerkstallda.Worker.Options;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace EjVerkstallda.Worker.Web.Auth;

/// <summary>
/// Login: a cookie session (sliding, <c>Ejv:Web:SessionMinutes</c>) opened by OpenID Connect (authorization code with PKCE,
/// query response mode so the correlation cookies work with SameSite=Lax) or, for <c>ejv demo --serve</c> only, by a
/// one-time link. At sign-in the provider's claims are reduced to an id, a display name and the ejv roles; the provider's
/// group list is not kept in the cookie.
/// </summary>
public static class AuthSetup
{
    public const string CookieName = "ejv-session";

    /// <summary>Where the provider sends the browser back after signing out (register it as the post-logout redirect URI).</summary>
    /// <summary>The authentication type of a session opened by the identity provider (the demo's is "demo").</summary>
    public const string OidcSource = "oidc";

    public const string SignedOutCallbackPath = "/signout-callback-oidc";

    public static void AddEjvAuth(this IServiceCollection services, WebOptions web)
    {
        var oidc = web.Oidc.Authority.Length > 0;
        var auth = services.AddAuthentication(o =>
        {
            o.DefaultScheme = CookieAuthenticationDefaults.AuthenticationScheme;
            o.DefaultForbidScheme = CookieAuthenticationDefaults.AuthenticationScheme;
            o.DefaultChallengeScheme = oidc ? OpenIdConnectDefaults.AuthenticationScheme : CookieAuthenticationDefaults.AuthenticationScheme;
        });
        auth.AddCookie(o =>
        {
            o.Cookie.Name = CookieName;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = TimeSpan.FromMinutes(web.SessionMinutes);
            o.SlidingExpiration = true;
            o.LoginPath = "/inloggning";
            o.Events.OnRedirectToAccessDenied = c => { c.Response.StatusCode = StatusCodes.Status403Forbidden; return Task.CompletedTask; };
        });
        if (oidc) auth.AddOpenIdConnect(o => Configure(o, web.Oidc));
        services.AddAuthorization(o => o.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
    }

    private static void Configure(OpenIdConnectOptions o, OidcOptions c)
    {
        o.Authority = c.Authority;
        o.ClientId = c.ClientId;
        o.ClientSecret = c.ClientSecret.Length > 0 ? c.ClientSecret : null;
        o.ResponseType = OpenIdConnectResponseType.Code;
        o.ResponseMode = OpenIdConnectResponseMode.Query;
        o.UsePkce = true;
        o.RequireHttpsMetadata = c.RequireHttpsMetadata;
        o.MapInboundClaims = false;
        o.SaveTokens = false;
        o.GetClaimsFromUserInfoEndpoint = false;
        o.Scope.Clear();
        o.Scope.Add("openid");
        o.Scope.Add("profile");
        o.CorrelationCookie.SameSite = SameSiteMode.Lax;
        o.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        o.NonceCookie.SameSite = SameSiteMode.Lax;
        o.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        // RP-initiated logout: the provider's end_session_endpoint, then back to <PublicUrl>/signout-callback-oidc (the
        // post-logout redirect URI the IT department registers) and on to /utloggad. The ID token is not kept (SaveTokens is
        // off: it holds the group list), so the client_id tells the provider whose post-logout redirect URI it is.
        o.SignedOutCallbackPath = SignedOutCallbackPath;
        o.SignedOutRedirectUri = "/utloggad";
        o.Events.OnRedirectToIdentityProviderForSignOut = ctx =>
        {
            ctx.ProtocolMessage.ClientId = c.ClientId;
            return Task.CompletedTask;
        };
        o.Events.OnTokenValidated = ctx =>
        {
            var p = ctx.Principal!;
            var namnder = ctx.HttpContext.RequestServices.GetRequiredService<EjvOptions>().Namnder;
            var roles = EjvRoles.FromClaimValues(p.FindAll(c.RoleClaim).Select(x => x.Value), namnder).ToList();
            var id = p.FindFirst("preferred_username")?.Value ?? p.FindFirst("sub")?.Value ?? "okänd";
            var name = p.FindFirst(c.NameClaim)?.Value ?? id;
            ctx.Principal = EjvRoles.Principal(id, name, roles, OidcSource);
            WebLog.SignedIn(ctx.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(AuthSetup)), roles.Count, OidcSource);
            return Task.CompletedTask;
        };
    }
}
