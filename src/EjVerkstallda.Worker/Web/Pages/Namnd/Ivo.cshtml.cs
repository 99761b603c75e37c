using EjVerkstallda.Infrastructure.State;
using EjVerkstallda.Worker.Options;
using EjVerkstallda.Worker.Web.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;

namespace EjVerkstallda.Worker.Web.Pages;

/// <summary>
/// The IVO checklist: one card per report in the order of IVO's form, and "registrerad i IVO" per report or for all, as
/// <c>ejv ivo submitted</c> records it (the ledger's entered mark), by the logged-in user. A form names a report by its
/// number in the list and carries the version (the underlag's SHA-256) it was shown from: after a new run the numbers may
/// name other reports, so a stale form is refused.
/// </summary>
public sealed class IvoModel(EjvOptions options, QuarterReader reader, LedgerStore ledger, ILogger<IvoModel> logger) : NamndPageModel(options)
{
    public Checklist? Checklist { get; private set; }

    public string? Message { get; private set; }

    public bool CanMark => Can(EjvRoles.Handlaggare);

    public async Task<IActionResult> OnGetAsync(string namnd, string kvartal, CancellationToken ct)
    {
        if (Enter(namnd, kvartal, EjvRoles.Handlaggare, EjvRoles.Administrator) is { } refused) return refused;
        Checklist = await reader.ChecklistAsync(Namnd, Quarter, ct);
        return Checklist is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostEnAsync(string namnd, string kvartal, [FromForm] int seq, [FromForm] string? version, CancellationToken ct) =>
        await MarkAsync(namnd, kvartal, seq, version, ct);

    public async Task<IActionResult> OnPostAllaAsync(string namnd, string kvartal, [FromForm] string? version, CancellationToken ct) =>
        await MarkAsync(namnd, kvartal, null, version, ct);

    private async Task<IActionResult> MarkAsync(string namnd, string kvartal, int? seq, string? version, CancellationToken ct)
    {
        if (Enter(namnd, kvartal, EjvRoles.Handlaggare) is { } refused) return refused;
        var list = await reader.ChecklistAsync(Namnd, Quarter, ct);
        if (list is null) return NotFound();
        if (!string.Equals(version, list.Version, StringComparison.Ordinal))
        {
            Checklist = list;
            Message = "Kvartalet har körts om sedan sidan visades: ingenting markerades. Kontrollera listan och markera igen.";
            return Page();
        }
        if (seq is { } s && (s < 1 || s > list.Cards.Count)) return BadRequest();
        var ids = seq is { } n ? new[] { list.Cards[n - 1].Report.BeslutId } : null;
        var marked = await ledger.MarkSubmittedAsync(Namnd.Id, Quarter.ToString(), ids, User.Actor(), ct);
        WebLog.IvoMarked(logger, Namnd.Id, Quarter.ToString(), marked);
        return Redirect($"/namnd/{Namnd.Id}/kvartal/{Quarter}/ivo" + (seq is { } k && k < list.Cards.Count ? $"#r{k + 1}" : ""));
    }
}
