using EjVerkstallda.Infrastructure.State;
using EjVerkstallda.Worker.Options;
using EjVerkstallda.Worker.Web.Auth;
using Microsoft.AspNetCore.Mvc;

namespace EjVerkstallda.Worker.Web.Pages;

/// <summary>The handläggare's quarter page: counts, the IVO progress, manual handling, data quality and the draft.</summary>
public sealed class KvartalModel(EjvOptions options, QuarterReader reader, ApprovalStore approvals, IServiceProvider services,
    Microsoft.Extensions.Logging.ILogger<KvartalModel> logger) : NamndPageModel(options)
{
    public Approval? Approval { get; private set; }

    public string? Message { get; private set; }

    public Checklist? Checklist { get; private set; }

    public string? DraftText { get; private set; }

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
        DraftText = (await reader.DraftAsync(Namnd, Quarter, ct))?.Text;
        Approval = (await approvals.ListAsync(Namnd.Id, ct)).LastOrDefault(a => a.Quarter == Quarter.ToString());
    }

    /// <summary>
    /// Approves the version shown: the form carries the version (the underlag's SHA-256) the page showed; a quarter run again
    /// since then is not approved blind.
    /// </summary>
    public async Task<IActionResult> OnPostGodkannAsync(string namnd, string kvartal, [FromForm] string? version, CancellationToken ct)
    {
        if (Enter(namnd, kvartal, EjvRoles.Handlaggare) is { } refused) return refused;
        Checklist = await reader.ChecklistAsync(Namnd, Quarter, ct);
        if (Checklist is null) return NotFound();
        if (!string.Equals(version, Checklist.Version, StringComparison.Ordinal))
        {
            Message = "Kvartalet har körts om sedan sidan visades: det godkändes inte. Läs igenom den nya versionen och godkänn den.";
            await LoadAsync(ct);
            return Page();
        }
        await Commands.ApproveCommand.ApproveAsync(services, Namnd, Quarter, User.Actor().DisplayName, ct);
        WebLog.Acted(logger, "approved", Namnd.Id, Quarter.ToString());
        return Redirect($"/namnd/{Namnd.Id}/kvartal/{Quarter}");
    }

    public async Task<IActionResult> OnGetDokumentAsync(string namnd, string kvartal, CancellationToken ct)
    {
        if (Enter(namnd, kvartal, EjvRoles.Handlaggare, EjvRoles.Administrator, EjvRoles.Namndsekreterare) is { } refused) return refused;
        var draft = await reader.DraftAsync(Namnd, Quarter, ct);
        return draft is { } d
            ? File(d.Docx, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", $"statistikrapport-{Namnd.Id}-{Quarter}.docx")
            : NotFound();
    }
}
