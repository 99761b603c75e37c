using EjVerkstallda.Infrastructure.Outbox;
using EjVerkstallda.Infrastructure.State;
using EjVerkstallda.Worker.Commands;
using EjVerkstallda.Worker.Options;
using EjVerkstallda.Worker.Web.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace EjVerkstallda.Worker.Web.Pages;

/// <summary>
/// The administrator's page for one nämnd: the same status report as <c>ejv status</c> and the health answer, data quality
/// per quarter, configuration problems; one action, <c>ejv mail retry</c> for the nämnd's failed messages.
/// </summary>
public sealed class AdministrationModel(EjvOptions options, IServiceProvider services, LedgerStore ledger, OutboxStore outbox,
    IConfiguration configuration, WebOptions web, ILogger<AdministrationModel> logger) : NamndPageModel(options)
{
    public sealed record QuarterQuality(string Quarter, int Problems, int Excluded);

    public StatusReport? Report { get; private set; }

    public NamndStatus? Status { get; private set; }

    public Service.NamndHealth? Health { get; private set; }

    public IReadOnlyList<QuarterQuality> Quality { get; private set; } = [];

    public IReadOnlyList<string> ConfigurationProblems { get; private set; } = [];

    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(string namnd, CancellationToken ct)
    {
        if (Enter(namnd, null, EjvRoles.Administrator) is { } refused) return refused;
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRetryAsync(string namnd, CancellationToken ct)
    {
        if (Enter(namnd, null, EjvRoles.Administrator) is { } refused) return refused;
        var n = await outbox.RetryFailedAsync(Namnd.Id, ct);
        WebLog.Acted(logger, $"mail retry ({n})", Namnd.Id, "-");
        Message = $"{n} misslyckade meddelanden köades igen; tjänsten skickar dem vid nästa utskick.";
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Report = await StatusReport.LoadAsync(services, [Namnd], ct);
        Status = Report.Namnder[0];
        Health = Service.NamndHealth.Of(Status);
        var quality = new List<QuarterQuality>();
        foreach (var q in Status.CompletedQuarters.TakeLast(8).Reverse())
        {
            var p = await ledger.DataQualityAsync(Namnd.Id, q, ct);
            quality.Add(new QuarterQuality(q, p.Count, p.Count(x => x.Excluded)));
        }
        Quality = quality;
        ConfigurationProblems =
        [
            .. ConfigurationKeys.Unknown(configuration).Select(k => $"Okänd nyckel {k} (felstavad?): värdet används inte."),
            .. web.Oidc.Authority.Length == 0 ? ["Ingen identitetsleverantör (Ejv:Web:Oidc:Authority): ingen kan logga in."] : Array.Empty<string>(),
            .. EjvRoles.All.Where(r => RoleList(r).Count == 0).Select(r => $"Rollen {EjvRoles.Label(r)} har ingen grupp (Ejv:Namnder:…:Roller:{r}).")
        ];
    }

    private List<string> RoleList(string role) => role switch
    {
        EjvRoles.Handlaggare => Namnd.Roller.Handlaggare,
        EjvRoles.Namndsekreterare => Namnd.Roller.Namndsekreterare,
        EjvRoles.Administrator => Namnd.Roller.Administrator,
        _ => Namnd.Roller.Revisor,
    };
}
