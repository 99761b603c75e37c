using EjVerkstallda.Worker.Lifecycle;
using EjVerkstallda.Worker.Options;
using EjVerkstallda.Worker.Web.Auth;
using Microsoft.AspNetCore.Mvc;

namespace EjVerkstallda.Worker.Web.Pages;

/// <summary>The handläggare's quarter page: counts, the IVO progress, manual handling, data quality and the draft.</summary>
public sealed class KvartalModel(EjvOptions options, QuarterReader reader, QuarterLifecycleService lifecycle,
    Microsoft.Extensions.Logging.ILogger<KvartalModel> logger) : NamndPageModel(options)
{
    /// <summary>The quarter's versions (the current one is the one shown and approved); null before the first run's version.</summary>
    public QuarterStatus? Lifecycle { get; private set; }

    public VersionStatus? Current => Lifecycle?.Versions.FirstOrDefault(v => v.Version == Lifecycle.Version);

    public string? Message { get; private set; }

    public Checklist? Checklist { get; private set; }

    public string? DraftText { get; private set; }

    /// <summary>The särskild avgift risk list of the quarter's open reports; null when the underlag kept none.</summary>
    public AvgiftRiskList? AvgiftRisk => _avgiftRisk ??= Checklist is null ? null : AvgiftRiskList.From(Checklist);

    private AvgiftRiskList? _avgiftRisk;

    public async Task<IActionResult> OnGetAsync(string namnd, string kvartal, CancellationToken ct)
    {
        if (Enter(namnd, kvartal, EjvRoles.Handlaggare, EjvRoles.Administrator) is { } refused) return refused;
        Checklist = await reader.ChecklistAsync(Namnd, Quarter, ct);
        if (Checklist is null) return NotFound();
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Lifecycle = (await lifecycle.StatusAsync(Namnd.Id, ct)).FirstOrDefault(s => s.Quarter == Quarter.ToString());
        DraftText = (await reader.DraftAsync(Namnd, Quarter, Lifecycle?.Version, ct))?.Text;
    }

    /// <summary>
    /// Approves the version shown: the form posts its version number, and the lifecycle refuses it when a run has made a
    /// newer one since (the refusal is shown; nothing is sent).
    /// </summary>
    public async Task<IActionResult> OnPostGodkannAsync(string namnd, string kvartal, [FromForm] int? version, CancellationToken ct)
    {
        if (Enter(namnd, kvartal, EjvRoles.Handlaggare) is { } refused) return refused;
        Checklist = await reader.ChecklistAsync(Namnd, Quarter, ct);
        if (Checklist is null || version is null) return NotFound();
        var result = await lifecycle.ApproveAsync(Namnd, Quarter, User.Actor(), version, ct);
        WebLog.Acted(logger, result.Refused is null ? "approved" : "approval refused", Namnd.Id, Quarter.ToString());
        if (result.Refused is null) return Redirect($"/namnd/{Namnd.Id}/kvartal/{Quarter}");
        Message = $"Inte godkänt: {result.Refused}";
        await LoadAsync(ct);
        return Page();
    }
}
