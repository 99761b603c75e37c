using EjVerkstallda.Core.Kvartal;
using EjVerkstallda.Worker.Options;
using EjVerkstallda.Worker.Web.Auth;
using Microsoft.AspNetCore.Mvc;

namespace EjVerkstallda.Worker.Web.Pages;

/// <summary>The revisor's read-only view: the per-case reports of a quarter (the latest when none is named). No form, no POST.</summary>
public sealed class RevisorModel(EjvOptions options, QuarterReader reader) : NamndPageModel(options)
{
    public IReadOnlyList<string> Quarters { get; private set; } = [];

    public Checklist? Checklist { get; private set; }

    public async Task<IActionResult> OnGetAsync(string namnd, string? kvartal, CancellationToken ct)
    {
        if (Enter(namnd, kvartal, EjvRoles.Revisor) is { } refused) return refused;
        Quarters = await reader.QuartersAsync(Namnd, ct);
        if (kvartal is null && Quarters.Count > 0 && Kvartal.TryParse(Quarters[^1], out var latest)) Checklist = await reader.ChecklistAsync(Namnd, latest, ct);
        else if (kvartal is not null) Checklist = await reader.ChecklistAsync(Namnd, Quarter, ct) ?? null;
        return kvartal is not null && Checklist is null ? NotFound() : Page();
    }
}
