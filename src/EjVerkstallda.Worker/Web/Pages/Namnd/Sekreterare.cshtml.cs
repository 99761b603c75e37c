using System.Globalization;
using EjVerkstallda.Core.Kvartal;
using EjVerkstallda.Worker.Lifecycle;
using EjVerkstallda.Worker.Options;
using EjVerkstallda.Worker.Web.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;

namespace EjVerkstallda.Worker.Web.Pages;

/// <summary>
/// The nämndsekreterare's page: quarters approved and waiting for the nämnd (record the decision: date and paragraph, as
/// <c>ejv decision</c> does), decided quarters, and what was sent to whom for each version.
/// </summary>
public sealed class SekreterareModel(EjvOptions options, QuarterLifecycleService lifecycle, ILogger<SekreterareModel> logger) : NamndPageModel(options)
{
    public IReadOnlyList<QuarterStatus> Quarters { get; private set; } = [];

    public IEnumerable<QuarterStatus> Waiting => Quarters.Where(q => q.State == "approved");

    public IEnumerable<QuarterStatus> Decided => Quarters.Where(q => q.State == "decided");

    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(string namnd, CancellationToken ct)
    {
        if (Enter(namnd, null, EjvRoles.Namndsekreterare, EjvRoles.Administrator) is { } refused) return refused;
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostBeslutAsync(string namnd, [FromForm] string? kvartal, [FromForm] string? datum, [FromForm] string? paragraf, CancellationToken ct)
    {
        if (Enter(namnd, null, EjvRoles.Namndsekreterare) is { } refused) return refused;
        if (!Kvartal.TryParse(kvartal, out var q)) return NotFound();
        if (!DateOnly.TryParseExact(datum, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) || string.IsNullOrWhiteSpace(paragraf) || paragraf.Length > 50)
        {
            Message = "Ange beslutsdatum (ÅÅÅÅ-MM-DD) och paragraf, till exempel § 45.";
            await LoadAsync(ct);
            return Page();
        }
        var result = await lifecycle.DecideAsync(Namnd, q, User.Actor(), date, paragraf.Trim(), ct);
        WebLog.Acted(logger, result.Refused is null ? "decision recorded" : "decision refused", Namnd.Id, q.ToString());
        if (result.Refused is null) return Redirect($"/namnd/{Namnd.Id}/sekreterare");
        Message = $"Beslutet registrerades inte: {result.Refused}";
        await LoadAsync(ct);
        return Page();
    }

    /// <summary>The configured addresses of a role (what "sent to the nämnd" means in this installation).</summary>
    public string RecipientsOf(string role) => string.Join(", ", role switch
    {
        "namnd" => Namnd.Recipients.Namnd,
        "fullmaktige" => Namnd.Recipients.Fullmaktige,
        "revisorer" => Namnd.Recipients.Revisorer,
        "handlaggare" => Namnd.Recipients.Handlaggare,
        _ => [role],
    });

    public static string RoleLabel(string role) => role switch
    {
        "namnd" => "Nämnden (registrator)",
        "fullmaktige" => "Kommunfullmäktige",
        "revisorer" => "Revisorerna",
        _ => role,
    };

    /// <summary>Why it was sent, in words (the codes of <c>ejv status</c>: namnd, beslut, rattelse, per_case, legacy).</summary>
    public static string PurposeLabel(string purpose) => purpose switch
    {
        "namnd" => "Statistikrapporten, för nämndens dagordning",
        "beslut" => "Statistikrapporten med nämndens beslut",
        "rattelse" => "Rättelse (ny version)",
        "per_case" => "Rapporterna per ärende",
        "legacy" => "Tidigare version av programmet",
        _ => purpose,
    };

    /// <summary>The outbox state in words; a channel that delivered nothing says which ("inte levererat (none)").</summary>
    public static string StateLabel(string state) => state switch
    {
        "sent" => "skickat",
        "pending" => "i kö",
        "failed" => "misslyckat",
        "recorded" => "registrerat",
        "inte levererat (none)" => "inte levererat (ingen kanal för revisorerna är inställd)",
        _ => state,
    };

    private async Task LoadAsync(CancellationToken ct) => Quarters = await lifecycle.StatusAsync(Namnd.Id, ct);
}
