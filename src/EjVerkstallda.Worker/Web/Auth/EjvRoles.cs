using System.Security.Claims;
using EjVerkstallda.Worker.Options;

namespace EjVerkstallda.Worker.Web.Auth;

/// <summary>The four roles, held per nämnd as claims <c>ejv_role = "&lt;namnd-id&gt;:&lt;role&gt;"</c> in the session cookie.</summary>
public static class EjvRoles
{
    public const string ClaimType = "ejv_role";
    public const string IdClaim = "ejv_id";
    public const string NameClaim = "ejv_name";
    public const string Handlaggare = "handlaggare";
    public const string Namndsekreterare = "namndsekreterare";
    public const string Administrator = "administrator";
    public const string Revisor = "revisor";

    public static readonly IReadOnlyList<string> All = [Handlaggare, Namndsekreterare, Administrator, Revisor];

    public static string Label(string role) => role switch
    {
        Handlaggare => "Handläggare",
        Namndsekreterare => "Nämndsekreterare",
        Administrator => "Administratör",
        Revisor => "Revisor",
        _ => role,
    };

    /// <summary>The roles the claim values give, nämnd by nämnd, from <c>Ejv:Namnder:N:Roller</c> (exact, case-sensitive ids).</summary>
    public static IEnumerable<string> FromClaimValues(IEnumerable<string> values, IEnumerable<NamndOptions> namnder)
    {
        var held = values.Select(v => v.Trim()).Where(v => v.Length > 0).ToHashSet(StringComparer.Ordinal);
        foreach (var n in namnder)
        {
            var r = n.Roller;
            if (r.Handlaggare.Any(held.Contains)) yield return $"{n.Id}:{Handlaggare}";
            if (r.Namndsekreterare.Any(held.Contains)) yield return $"{n.Id}:{Namndsekreterare}";
            if (r.Administrator.Any(held.Contains)) yield return $"{n.Id}:{Administrator}";
            if (r.Revisor.Any(held.Contains)) yield return $"{n.Id}:{Revisor}";
        }
    }

    /// <summary>The session's identity: who (for <see cref="Core.Lifecycle.Actor"/>) and the ejv roles; nothing else is kept.</summary>
    public static ClaimsPrincipal Principal(string id, string name, IEnumerable<string> roles, string source)
    {
        var identity = new ClaimsIdentity(source, NameClaim, ClaimType);
        identity.AddClaim(new Claim(IdClaim, id));
        identity.AddClaim(new Claim(NameClaim, name));
        foreach (var r in roles.Distinct(StringComparer.Ordinal)) identity.AddClaim(new Claim(ClaimType, r));
        return new ClaimsPrincipal(identity);
    }

    public static IReadOnlyList<string> RolesIn(this ClaimsPrincipal user, string namnd) =>
        user.FindAll(ClaimType).Select(c => c.Value).Where(v => v.StartsWith(namnd + ":", StringComparison.Ordinal))
            .Select(v => v[(namnd.Length + 1)..]).ToList();

    public static bool Has(this ClaimsPrincipal user, string namnd, string role) => user.HasClaim(ClaimType, $"{namnd}:{role}");

    public static IReadOnlyList<string> Namnder(this ClaimsPrincipal user) =>
        user.FindAll(ClaimType).Select(c => c.Value.Split(':')[0]).Distinct(StringComparer.Ordinal).ToList();

    public static Core.Lifecycle.Actor Actor(this ClaimsPrincipal user) =>
        new(user.FindFirstValue(IdClaim) ?? "okänd", user.FindFirstValue(NameClaim) ?? "okänd", Core.Lifecycle.Actor.FromWeb);
}
