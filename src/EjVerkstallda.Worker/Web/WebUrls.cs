using System.Net;

namespace EjVerkstallda.Worker.Web;

/// <summary>
/// Where the service's Kestrel listens: <c>Ejv:Web:Url</c> (the pages and <c>/health</c>) and, for monitoring that already
/// points there, <c>Ejv:Schedule:HealthUrl</c> (the health answer only, on its own port).
/// </summary>
public sealed record WebUrls(Uri? Pages, Uri? Health)
{
    public static WebUrls Of(WebOptions web, Options.ScheduleOptions schedule)
    {
        var pages = web.Url.Length == 0 ? null : new Uri(web.Url);
        var health = schedule.HealthUrl.Length == 0 ? null : new Uri(schedule.HealthUrl);
        if (pages is not null && health is not null && pages.Port == health.Port) health = null; // one port: /health answers
        return new WebUrls(pages, health);
    }

    /// <summary>What is wrong with <c>Ejv:Web:Url</c>, or null. Plain http leaves loopback only behind a configured proxy.</summary>
    public static string? Problem(WebOptions web)
    {
        if (web.Url.Length == 0) return null;
        if (!Uri.TryCreate(web.Url, UriKind.Absolute, out var u) || u.Scheme is not ("http" or "https") || u.AbsolutePath != "/")
            return $"Ejv:Web:Url '{web.Url}' must be an http(s) URL with no path, e.g. http://127.0.0.1:5080/ (empty turns the pages off)";
        if (u.Scheme == "http" && !IsLoopback(u) && !web.BehindProxy)
            return $"Ejv:Web:Url '{web.Url}' is plain http on a non-loopback address: serve it on loopback behind the kommun's HTTPS reverse proxy and name the proxy in Ejv:Web:KnownProxies (or KnownNetworks), or use https";
        if (web.SessionMinutes is < 1 or > 720) return $"Ejv:Web:SessionMinutes {web.SessionMinutes} must be 1-720";
        foreach (var p in web.KnownProxies.Where(p => !IPAddress.TryParse(p, out _)))
            return $"Ejv:Web:KnownProxies '{p}' is not an IP address";
        foreach (var n in web.KnownNetworks.Where(n => !System.Net.IPNetwork.TryParse(n, out _)))
            return $"Ejv:Web:KnownNetworks '{n}' is not a network in CIDR form, e.g. 10.1.2.0/24";
        return null;
    }

    public static bool IsLoopback(Uri u) => u.IsLoopback || (IPAddress.TryParse(u.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));

    /// <summary>The address Kestrel binds for a URL: the named IP, loopback for "localhost", every address for a host name.</summary>
    public static IPAddress? Address(Uri u) =>
        IPAddress.TryParse(u.Host.Trim('[', ']'), out var ip) ? ip : u.IsLoopback ? IPAddress.Loopback : null;
}
