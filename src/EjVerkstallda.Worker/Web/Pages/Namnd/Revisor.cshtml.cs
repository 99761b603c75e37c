using EjVerkstallda.Core.Kvartal;
using EjVerkstallda.Infrastructure.Evidence;
using EjVerkstallda.Worker.Options;
using EjVerkstallda.Worker.Web.Auth;
using Microsoft.AspNetCore.Mvc;

namespace EjVerkstallda.Worker.Web.Pages;

/// <summary>
/// The revisor's read-only view: the per-case reports of a quarter (the latest when none is named), and the quarter's
/// evidence pack as a download (a GET: it changes nothing). No form, no POST.
/// </summary>
public sealed class RevisorModel(EjvOptions options, QuarterReader reader, EvidenceReader evidence, TimeProvider clock,
    Microsoft.Extensions.Logging.ILogger<RevisorModel> logger) : NamndPageModel(options)
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

    /// <summary>
    /// The same zip as <c>ejv evidence --quarter Q --namnd ID</c> (<see cref="EvidenceReader"/> and
    /// <see cref="EvidencePack.Build"/>; only its created-at differs), named by nämnd id and quarter. Pages are never cached
    /// (<see cref="SecurityHeaders"/>: <c>no-store</c>), this answer neither.
    /// </summary>
    public async Task<IActionResult> OnGetEvidensAsync(string namnd, string? kvartal, CancellationToken ct)
    {
        if (kvartal is null) return NotFound();
        if (Enter(namnd, kvartal, EjvRoles.Revisor) is { } refused) return refused;
        var data = await evidence.ReadAsync(Namnd.Id, Quarter.ToString(), ct);
        if (data.Runs.Count == 0) return NotFound();
        var zip = EvidencePack.Build(data, clock.GetUtcNow());
        WebLog.Acted(logger, "evidence pack downloaded", Namnd.Id, Quarter.ToString());
        return File(zip, "application/zip", $"ejv-evidence-{Namnd.Id}-{Quarter}.zip");
    }
}
