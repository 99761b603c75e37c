using EjVerkstallda.Worker.Options;
using EjVerkstallda.Worker.Web.Auth;
using Microsoft.AspNetCore.Mvc;

namespace EjVerkstallda.Worker.Web.Pages;

/// <summary>The handläggare's quarter page: counts, the IVO progress, manual handling, data quality and the draft.</summary>
public sealed class KvartalModel(EjvOptions options, QuarterReader reader) : NamndPageModel(options)
{
    public Checklist? Checklist { get; private set; }

    public string? DraftText { get; private set; }

    public async Task<IActionResult> OnGetAsync(string namnd, string kvartal, CancellationToken ct)
    {
        if (Enter(namnd, kvartal, EjvRoles.Handlaggare, EjvRoles.Administrator) is { } refused) return refused;
        Checklist = await reader.ChecklistAsync(Namnd, Quarter, ct);
        if (Checklist is null) return NotFound();
        DraftText = (await reader.DraftAsync(Namnd, Quarter, ct))?.Text;
        return Page();
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
