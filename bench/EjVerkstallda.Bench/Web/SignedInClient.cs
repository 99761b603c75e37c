using System.Net;
using System.Text.RegularExpressions;

namespace EjVerkstallda.Bench.Web;

/// <summary>
/// An HttpClient that signs in to ejv as a browser does: the page redirects to the identity provider (tests/idp/oidc.mjs,
/// authorization code with PKCE), the login form is posted, the provider redirects back to /signin-oidc and ejv sets its
/// session cookie. Every later request goes through ejv's real cookie authentication and authorization.
/// </summary>
public static partial class SignedInClient
{
    /// <summary>A handler that keeps cookies and follows redirects, for <see cref="SignInAsync"/>.</summary>
    public static HttpClientHandler Handler() => new() { CookieContainer = new CookieContainer(), AllowAutoRedirect = true, MaxAutomaticRedirections = 10 };

    public static async Task SignInAsync(HttpClient http, HttpClientHandler handler, Uri page, string user, string password)
    {
        using var login = await http.GetAsync(page);
        var form = await login.Content.ReadAsStringAsync();
        var action = FormAction().Match(form);
        if (login.RequestMessage?.RequestUri is not { } at || !action.Success)
            throw new InvalidOperationException($"expected the identity provider's login form, got {(int)login.StatusCode} from {login.RequestMessage?.RequestUri}");
        using var body = new FormUrlEncodedContent(new Dictionary<string, string> { ["username"] = user, ["password"] = password });
        using var back = await http.PostAsync(new Uri(at, action.Groups[1].Value), body);
        if (back.StatusCode != HttpStatusCode.OK || back.RequestMessage?.RequestUri != page)
            throw new InvalidOperationException($"sign-in did not return to the page: {(int)back.StatusCode} at {back.RequestMessage?.RequestUri}");
        if (handler.CookieContainer.GetCookies(page)["ejv-session"] is null) throw new InvalidOperationException("no ejv session cookie after sign-in");
    }

    [GeneratedRegex("<form method=\"post\" action=\"([^\"]+)\"")]
    private static partial Regex FormAction();
}
