using EjVerkstallda.Worker.Options;
using EjVerkstallda.Worker.Web.Auth;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EjVerkstallda.Worker.Web.Pages;

/// <summary>The start page: the nämnder the user has a role in, with links to what each role does.</summary>
public sealed class IndexModel(EjvOptions options, QuarterReader reader) : PageModel
{
    public sealed record Entry(NamndOptions Namnd, IReadOnlyList<string> Roles, IReadOnlyList<string> Quarters);

    public IReadOnlyList<Entry> Namnder { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var list = new List<Entry>();
        foreach (var n in options.Namnder)
        {
            var roles = User.RolesIn(n.Id);
            if (roles.Count > 0) list.Add(new Entry(n, roles, await reader.QuartersAsync(n, ct)));
        }
        Namnder = list;
    }
}
