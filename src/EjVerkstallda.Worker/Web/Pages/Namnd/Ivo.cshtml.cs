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
/// name other reports, so a stale form is refused. The cards are shown in pages (<c>?visa=kvar|alla|registrerade&amp;sida=N</c>,
/// <see cref="WebOptions.ChecklistPageSize"/> a page), the ones not yet registered by default.
/// </summary>
public sealed class IvoModel(EjvOptions options, WebOptions web, QuarterReader reader, LedgerStore ledger, ILogger<IvoModel> logger) : NamndPageModel(options)
{
    public Checklist? Checklist { get; private set; }

    public ChecklistPage? Shown { get; private set; }

    public string? Message { get; private set; }

    public bool CanMark => Can(EjvRoles.Handlaggare);

    public async Task<IActionResult> OnGetAsync(string namnd, string kvartal, [FromQuery] string? visa, [FromQuery] int? sida, CancellationToken ct)
    {
        if (Enter(namnd, kvartal, EjvRoles.Handlaggare, EjvRoles.Administrator) is { } refused) return refused;
        Checklist = await reader.ChecklistAsync(Namnd, Quarter, ct);
        if (Checklist is null) return NotFound();
        Shown = ChecklistPage.Of(Checklist, ChecklistPage.ParseFilter(visa), sida, web.ChecklistPageSize);
        return Page();
    }

    public async Task<IActionResult> OnPostEnAsync(string namnd, string kvartal, [FromForm] int seq, [FromForm] string? version,
        [FromForm] string? visa, [FromForm] int? sida, CancellationToken ct) =>
        await MarkAsync(namnd, kvartal, seq, version, ChecklistPage.ParseFilter(visa), sida, ct);

    public async Task<IActionResult> OnPostAllaAsync(string namnd, string kvartal, [FromForm] string? version,
        [FromForm] string? visa, [FromForm] int? sida, CancellationToken ct) =>
        await MarkAsync(namnd, kvartal, null, version, ChecklistPage.ParseFilter(visa), sida, ct);

    private async Task<IActionResult> MarkAsync(string namnd, string kvartal, int? seq, string? version, ChecklistFilter filter, int? sida, CancellationToken ct)
    {
        if (Enter(namnd, kvartal, EjvRoles.Handlaggare) is { } refused) return refused;
        var list = await reader.ChecklistAsync(Namnd, Quarter, ct);
        if (list is null) return NotFound();
        if (!string.Equals(version, list.Version, StringComparison.Ordinal))
        {
            Checklist = list;
            Shown = ChecklistPage.Of(list, filter, sida, web.ChecklistPageSize);
            Message = "Kvartalet har körts om sedan sidan visades: ingenting markerades. Kontrollera listan och markera igen.";
            return Page();
        }
        if (seq is { } s && (s < 1 || s > list.Cards.Count)) return BadRequest();
        var ids = seq is { } n ? new[] { list.Cards[n - 1].Report.BeslutId } : null;
        var marked = await ledger.MarkSubmittedAsync(Namnd.Id, Quarter.ToString(), ids, User.Actor(), ct);
        WebLog.IvoMarked(logger, Namnd.Id, Quarter.ToString(), marked);
        return Redirect($"/namnd/{Namnd.Id}/kvartal/{Quarter}/ivo" + (seq is { } k ? After(list, k, filter) : $"?visa={ChecklistPage.Name(filter)}"));
    }

    /// <summary>
    /// Where marking report <paramref name="seq"/> lands: the next report not yet registered (after it, else the first left),
    /// on its page of the same filter once the mark is made; with none left, the filter's first page.
    /// </summary>
    private string After(Checklist list, int seq, ChecklistFilter filter)
    {
        var after = list.Cards.Select(c => c.Seq == seq && c.SubmittedAt is null ? c with { SubmittedAt = "" } : c).ToList();
        var left = after.Where(c => c.SubmittedAt is null).ToList();
        var next = left.FirstOrDefault(c => c.Seq > seq) ?? left.FirstOrDefault();
        if (next is null) return $"?visa={ChecklistPage.Name(filter)}";
        if (filter == ChecklistFilter.Registrerade) filter = ChecklistFilter.Kvar;
        var shown = ChecklistPage.Filtered(after, filter).ToList();
        return ChecklistPage.CardHref(filter, ChecklistPage.PageOf(shown, next.Seq, web.ChecklistPageSize), next.Seq);
    }
}
