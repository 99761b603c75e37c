using EjVerkstallda.Infrastructure.Outbox;
using EjVerkstallda.Infrastructure.State;
using EjVerkstallda.Worker.Options;
using EjVerkstallda.Worker.Web.Auth;
using Microsoft.AspNetCore.Mvc;

namespace EjVerkstallda.Worker.Web.Pages;

/// <summary>The nämndsekreterare's page: approved quarters, the nämnd's decision, and what was sent to whom.</summary>
public sealed class SekreterareModel(EjvOptions options, ApprovalStore approvals, OutboxStore outbox) : NamndPageModel(options)
{
    public sealed record SentTo(OutboxEntry Entry, string To);

    public IReadOnlyList<Approval> Approvals { get; private set; } = [];

    public IReadOnlyList<SentTo> Sent { get; private set; } = [];

    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(string namnd, CancellationToken ct)
    {
        if (Enter(namnd, null, EjvRoles.Namndsekreterare, EjvRoles.Administrator) is { } refused) return refused;
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Approvals = await approvals.ListAsync(Namnd.Id, ct);
        Sent = (await outbox.ListAsync(Namnd.Id, ct)).Where(m => m.Role != "handlaggare" && m.Role != "administrator")
            .OrderByDescending(m => m.CreatedAt, StringComparer.Ordinal)
            .Select(m => new SentTo(m, string.Join(", ", RecipientsOf(m.Role)))).ToList();
    }

    private IReadOnlyList<string> RecipientsOf(string role) => role.ToLowerInvariant() switch
    {
        "namnd" => Namnd.Recipients.Namnd,
        "fullmaktige" => Namnd.Recipients.Fullmaktige,
        "revisorer" => Namnd.Recipients.Revisorer,
        _ => [role],
    };
}
