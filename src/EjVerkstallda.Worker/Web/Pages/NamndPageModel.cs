using EjVerkstallda.Core.Kvartal;
using EjVerkstallda.Worker.Options;
using EjVerkstallda.Worker.Web.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EjVerkstallda.Worker.Web.Pages;

/// <summary>
/// A page of one nämnd. A user with no role in that nämnd gets 404 (its existence is not confirmed); a user with a role in
/// it but not the one the action needs gets 403. A quarter in the path that is not a quarter is also 404.
/// </summary>
public abstract class NamndPageModel(EjvOptions options) : PageModel
{
    protected EjvOptions Options { get; } = options;

    public NamndOptions Namnd { get; private set; } = default!;

    public Kvartal Quarter { get; private set; }

    public IReadOnlyList<string> Roles { get; private set; } = [];

    public bool Can(string role) => Roles.Contains(role);

    /// <summary>Null when the user may see the nämnd in one of <paramref name="roles"/>; otherwise the answer to give.</summary>
    protected IActionResult? Enter(string namnd, string? quarter, params string[] roles)
    {
        var n = Options.Namnder.FirstOrDefault(x => string.Equals(x.Id, namnd, StringComparison.Ordinal));
        var held = n is null ? [] : User.RolesIn(n.Id);
        if (n is null || held.Count == 0) return NotFound();
        if (quarter is not null)
        {
            if (!Kvartal.TryParse(quarter, out var q)) return NotFound();
            Quarter = q;
        }
        Namnd = n;
        Roles = held;
        return roles.Any(held.Contains) ? null : Forbid();
    }
}
