using EjVerkstallda.Core.Anonymity;
using EjVerkstallda.Core.Kvartal;
using EjVerkstallda.Core.Statistik;
using EjVerkstallda.Infrastructure.Outbox;
using EjVerkstallda.Infrastructure.State;

namespace EjVerkstallda.Worker.Delivery;

/// <summary>
/// The check every public e-mail passes before it is recorded: the bodies of the final report to nämnd, fullmäktige and
/// revisorer may hold no id, IVO identifier, personnummer-like string or date other than the quarter's own (and the
/// nämnd's decision's).
/// </summary>
public static class PublicGuard
{
    /// <param name="alsoAllowed">Dates the messages may carry besides the quarter's own: the nämnd's decision.</param>
    public static async Task CheckFinalsAsync(LedgerStore ledger, string namnd, Kvartal q, StatistikRapport statistik,
        IReadOnlyList<OutboxMessage> finals, CancellationToken ct, IReadOnlyList<DateOnly>? alsoAllowed = null)
    {
        var rows = await ledger.QuarterAsync(namnd, q.ToString(), ct);
        var forbidden = rows.Select(r => new ForbiddenValue(r.BeslutId, "beslut_id"))
            .Concat(rows.Where(r => r.IvoId is not null).Select(r => new ForbiddenValue(r.IvoId!, "ivo_id", AlwaysCheck: true)));
        var context = new AnonymityContext(forbidden, [q.FirstDay, q.ReportingDay, .. alsoAllowed ?? []], statistik.Sektioner.SelectMany(s => s.Rader).Select(r => r.Insats));
        var result = GuardResult.Combine(finals.Select(f => AnonymityGuard.Check(f.Subject + "\n" + f.Body, context, $"e-mail to {f.Role}"))
            .Append(AnonymityGuard.Check(statistik, statistik.MinCellSize, context)));
        if (!result.IsClean) throw new AnonymityGuardException(result);
    }
}

/// <summary>A public artifact was stopped by the anonymity guard. The message names the kinds of violation, never the values.</summary>
public sealed class AnonymityGuardException(GuardResult result)
    : Exception($"the anonymity guard stopped a public artifact: {result}")
{
    public GuardResult Result { get; } = result;
}
