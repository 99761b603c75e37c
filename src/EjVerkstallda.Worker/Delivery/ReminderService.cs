using EjVerkstallda.Core.Beslut;
using EjVerkstallda.Core.Kvartal;
using EjVerkstallda.Infrastructure.CaseSource;
using EjVerkstallda.Infrastructure.Outbox;
using EjVerkstallda.Infrastructure.State;
using EjVerkstallda.Worker.Options;

namespace EjVerkstallda.Worker.Delivery;

/// <summary>
/// The checks between quarters: IVO windows about to close (or closed: overdue) with reports not entered, reported cases that have been
/// verkställda or closed in the case system (closing reports can be sent at any time), and automatic approval.
/// Each reminder is recorded in the outbox once.
/// </summary>
public sealed class ReminderService(
    EjvOptions options,
    LedgerStore ledger,
    CaseSourceReader source,
    OutboxStore outbox,
    DeliveryPlanner planner,
    ApprovalStore approvals,
    IServiceProvider services,
    KommunTid kommun,
    TimeProvider clock)
{
    public async Task<ReminderResult> CheckAsync(CancellationToken ct)
    {
        var today = kommun.Today(clock);
        var messages = new List<OutboxMessage>();
        var approved = 0;
        foreach (var namnd in options.Namnder)
        {
            messages.AddRange(await WindowRemindersAsync(namnd, today, ct));
            messages.AddRange(await ClosingRemindersAsync(namnd, today, ct));
            approved += await AutoApproveAsync(namnd, ct);
        }
        await outbox.EnqueueAsync(messages, ct);
        return new ReminderResult(messages.Count, approved);
    }

    private async Task<IEnumerable<OutboxMessage>> WindowRemindersAsync(NamndOptions namnd, DateOnly today, CancellationToken ct)
    {
        var list = new List<OutboxMessage>();
        foreach (var q in (await ledger.CompletedQuartersAsync(namnd.Id, ct)).TakeLast(4))
        {
            var quarter = Kvartal.Parse(q);
            var (unsubmitted, _) = await ledger.UnsubmittedAsync(namnd.Id, q, ct);
            var window = planner.WindowOf(quarter).StatusOn(today, options.Ivo.RemindDaysBefore, unsubmitted);
            var m = window.State switch
            {
                Core.Ivo.IvoWindowState.Closing when unsubmitted > 0 => planner.WindowReminder(namnd, quarter, unsubmitted),
                Core.Ivo.IvoWindowState.Overdue => planner.OverdueReminder(namnd, quarter, window),
                _ => null,
            };
            if (m is not null) list.Add(m);
        }
        return list;
    }

    private async Task<IEnumerable<OutboxMessage>> ClosingRemindersAsync(NamndOptions namnd, DateOnly today, CancellationToken ct)
    {
        var open = await ledger.OpenCasesAsync(namnd.Id, ct);
        if (open.Count == 0) return [];
        var rows = new List<RawBeslut>();
        await foreach (var r in source.ReadByIdsAsync(namnd.NamndFilter, open.Select(o => o.BeslutId).Distinct(), ct)) rows.Add(r);
        var katalog = await source.ReadKatalogAsync([], ct);
        var current = new BeslutValidator(katalog).Validate(rows).Beslut.ToDictionary(b => b.Id);
        var list = new List<OutboxMessage>();
        foreach (var o in open)
        {
            if (!current.TryGetValue(o.BeslutId, out var b)) continue;
            var (done, closed) = o.Kind == "avbrott" ? (b.Aterupptagandedatum, b.Avslutsdatum) : (b.Verkstallighetsdatum, b.Avslutsdatum);
            var status = done <= today && (closed is null || done <= closed) ? "verkstalld" : closed <= today ? "avslutad" : null;
            if (status is not null && planner.ClosingReminder(namnd, o.BeslutId, o.Kind, status) is { } m) list.Add(m);
        }
        return list;
    }

    private async Task<int> AutoApproveAsync(NamndOptions namnd, CancellationToken ct)
    {
        if (namnd.AutoApproveAfter is not { } after) return 0;
        var approvedQuarters = (await approvals.ListAsync(namnd.Id, ct)).Select(a => a.Quarter).ToHashSet();
        var drafts = (await outbox.ListAsync(namnd.Id, ct)).Where(e => e.Kind == OutboxKinds.Draft && e.Quarter is not null);
        var count = 0;
        foreach (var d in drafts.GroupBy(d => d.Quarter!).Where(g => !approvedQuarters.Contains(g.Key)))
        {
            var recorded = DateTimeOffset.Parse(d.Max(x => x.CreatedAt)!, System.Globalization.CultureInfo.InvariantCulture);
            if (recorded + after > clock.GetUtcNow()) continue;
            await Commands.ApproveCommand.ApproveAsync(services, namnd, Kvartal.Parse(d.Key), "automatiskt godkänd", ct);
            count++;
        }
        return count;
    }
}

public sealed record ReminderResult(int Recorded, int AutoApproved);
