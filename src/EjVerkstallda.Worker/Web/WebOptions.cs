namespace EjVerkstallda.Worker.Web;

/// <summary>
/// <c>Ejv:Web</c>: the pages and the health answer, served by the service's own Kestrel. Loopback by default; in production
/// behind the kommun's reverse proxy with HTTPS (README "Web pages").
/// </summary>
public sealed class WebOptions
{
    public const string Section = "Ejv:Web";

    /// <summary>Where Kestrel listens for the pages (and <c>/health</c>); empty turns the pages off.</summary>
    public string Url { get; set; } = "http://127.0.0.1:5080/";

    /// <summary>
    /// The reverse proxy's addresses (or networks, CIDR) whose <c>X-Forwarded-For/-Proto/-Host</c> are believed. Any of them
    /// set means "behind a proxy": then a non-loopback <c>http</c> URL is allowed (the proxy terminates HTTPS).
    /// </summary>
    public List<string> KnownProxies { get; set; } = [];

    public List<string> KnownNetworks { get; set; } = [];

    /// <summary>The public address users open (e.g. https://ejv.kommun.se/), for links in e-mails; empty: <see cref="Url"/>.</summary>
    public string PublicUrl { get; set; } = "";

    /// <summary>Sliding session timeout of the login cookie.</summary>
    public int SessionMinutes { get; set; } = 30;

    /// <summary>Cards per page of the IVO checklist (README "Web pages"); at least 1.</summary>
    public int ChecklistPageSize { get; set; } = 50;

    public OidcOptions Oidc { get; set; } = new();

    public bool BehindProxy => KnownProxies.Count > 0 || KnownNetworks.Count > 0;
}

/// <summary><c>Ejv:Web:Oidc</c>: the kommun's identity provider (Entra ID, ADFS, any OpenID Connect provider).</summary>
public sealed class OidcOptions
{
    /// <summary>The issuer, e.g. https://login.microsoftonline.com/&lt;tenant&gt;/v2.0; empty: no login (the pages refuse everyone).</summary>
    public string Authority { get; set; } = "";

    public string ClientId { get; set; } = "";

    /// <summary>From the environment (<c>Ejv__Web__Oidc__ClientSecret</c>), never from a file in the install.</summary>
    public string ClientSecret { get; set; } = "";

    /// <summary>The claim whose values are matched against <c>Ejv:Namnder:N:Roller</c>; Entra ID sends group ids as <c>groups</c>.</summary>
    public string RoleClaim { get; set; } = "groups";

    /// <summary>The claim shown as the user's name in pages and the audit trail.</summary>
    public string NameClaim { get; set; } = "name";

    /// <summary>Only for a test provider on loopback: metadata over plain http.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;
}

/// <summary>
/// <c>Ejv:Namnder:N:Roller</c>: the claim values (Entra ID group object ids, ADFS group names) that give each role in this
/// nämnd. A user holds a role in a nämnd only through these lists; nothing is given by default.
/// </summary>
public sealed class RollerOptions
{
    public List<string> Handlaggare { get; set; } = [];
    public List<string> Namndsekreterare { get; set; } = [];
    public List<string> Administrator { get; set; } = [];
    public List<string> Revisor { get; set; } = [];
}
