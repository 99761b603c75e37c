using System.Net;
using System.Text.RegularExpressions;

namespace EjVerkstallda.Bench.Web;

/// <summary>
/// An HTTP client that signs in to ejv as a browser does: the page redirects to the identity provider (tests/idp/oidc.mjs,
/// authorization code with PKCE), the login form is posted, the provider redirects back to /signin-oidc and ejv sets its
/// session cookie. Every later request goes through ejv's real cookie authentication and authorization. Cookies are kept
/// per host and port, as a browser does (.NET's CookieContainer drops the correlation cookie whose path is /signin-oidc).
/// </summary>
public sealed partial class SignedInClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly Dictionary<string, Dictionary<string, string>> _cookies = [];

    public SignedInClient()
    {
#pragma warning disable CA2000 // the HttpClient owns and disposes the handler
        _http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }, disposeHandler: true) { Timeout = TimeSpan.FromSeconds(60) };
#pragma warning restore CA2000
    }

    public async Task SignInAsync(Uri page, string user, string password)
    {
        var (at, form) = await FollowAsync(page, null);
        var action = FormAction().Match(form);
        if (!action.Success) throw new InvalidOperationException($"expected the identity provider's login form at {at}");
        using var body = new FormUrlEncodedContent(new Dictionary<string, string> { ["username"] = user, ["password"] = password });
        var (back, _) = await FollowAsync(new Uri(at, action.Groups[1].Value), body);
        if (back != page) throw new InvalidOperationException($"sign-in did not return to the page but to {back}");
        if (!Jar(page).ContainsKey("ejv-session")) throw new InvalidOperationException("no ejv session cookie after sign-in");
    }

    /// <summary>One GET with the session's cookies, no redirect followed; the caller times it.</summary>
    public async Task<HttpResponseMessage> GetAsync(Uri url)
    {
        using var request = Request(HttpMethod.Get, url, null);
        var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead);
        Keep(url, response);
        return response;
    }

    private async Task<(Uri At, string Body)> FollowAsync(Uri url, HttpContent? post)
    {
        for (var hop = 0; hop < 10; hop++)
        {
            using var request = Request(post is null ? HttpMethod.Get : HttpMethod.Post, url, post);
            using var response = await _http.SendAsync(request);
            Keep(url, response);
            if ((int)response.StatusCode is >= 300 and < 400 && response.Headers.Location is { } next)
            {
                url = new Uri(url, next);
                post = null;
                continue;
            }
            if (response.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"{(int)response.StatusCode} at {url}");
            return (url, await response.Content.ReadAsStringAsync());
        }
        throw new InvalidOperationException("too many redirects");
    }

    private HttpRequestMessage Request(HttpMethod method, Uri url, HttpContent? content)
    {
        var r = new HttpRequestMessage(method, url) { Content = content };
        var jar = Jar(url);
        if (jar.Count > 0) r.Headers.Add("Cookie", string.Join("; ", jar.Select(c => $"{c.Key}={c.Value}")));
        return r;
    }

    private void Keep(Uri url, HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues("Set-Cookie", out var values)) return;
        var jar = Jar(url);
        foreach (var v in values)
        {
            var pair = v.Split(';')[0];
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            var (name, value) = (pair[..eq].Trim(), pair[(eq + 1)..].Trim());
            var expired = v.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase) || v.Contains("max-age=0", StringComparison.OrdinalIgnoreCase);
            if (expired || value.Length == 0) jar.Remove(name);
            else jar[name] = value;
        }
    }

    private Dictionary<string, string> Jar(Uri url) =>
        _cookies.TryGetValue(url.Authority, out var jar) ? jar : _cookies[url.Authority] = new Dictionary<string, string>(StringComparer.Ordinal);

    public void Dispose() => _http.Dispose();

    [GeneratedRegex("<form method=\"post\" action=\"([^\"]+)\"")]
    private static partial Regex FormAction();
}
