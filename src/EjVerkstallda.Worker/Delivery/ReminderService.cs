using EjVerkstallda.Core.Beslut;
using EjVerkstallda.Core.Kvartal;
using EjVerkstallda.Infrastructure.CaseSource;
using EjVerkstallda.Infrastructure.Outbox;
using EjVerkstallda.Infrastructure.State;
using EjVerkstallda.Worker.Options;
using Microsoft.Extensions.Logging;

namespace EjVerkstallda.Worker.Delivery;

/// <summary>
/// The checks between quarters: IVO windows about to close (or closed: overdue) with reports not entered, reported cases that have been
/// verkställda or closed in the case system (closing reports can be sent at any time), and automatic approval.
/// Each reminder is recorded in the outbox once. Every nämnd and every check is isolated: one that fails is logged and
/// sent to the administrator as an alert, and the others go on.
/// </summary>
public sealed class ReminderService(
    EjvOptions options,
    LedgerStore ledger,
    CaseSourceReader source,
    OutboxStore outbox,
    DeliveryPlanner planner,
    Lifecycle.QuarterLifecycleService lifecycle,
    Infrastructure.State.LifecycleStore versions,
    KommunTid kommun,
    TimeProvider clock,
    ILogger<ReminderService> logger)
{
    public async Task<ReminderResult> CheckAsync(CancellationToken ct)
    {
        var today = kommun.Today(clock);
        var recorded = 0;
        var approved = 0;
        var failed = 0;
        foreach (var namnd in options.Namnder)
        {
            var window = await IsolatedAsync(namnd, null, "IVO window reminders", () => WindowRemindersAsync(namnd, today, ct), ct);
            var closing = await IsolatedAsync(namnd, null, "closing-report reminders", () => ClosingRemindersAsync(namnd, today, ct), ct);
            foreach (var messages in new[] { window, closing })
            {
                if (messages is null) { failed++; continue; }
                recorded += await EnqueueAsync(namnd, messages, ct) ? messages.Count : 0;
            }
            var (ok, bad) = await AutoApproveAsync(namnd, ct);
            approved += ok;
            failed += bad;
        }
        return new ReminderResult(recorded, approved, failed);
    }

    private async Task<bool> EnqueueAsync(NamndOptions namnd, IReadOnlyList<OutboxMessage> messages, CancellationToken ct) =>
        messages.Count == 0 || await IsolatedAsync(namnd, null, "recording reminders", async () =>
        {
            await outbox.EnqueueAsync(messages, ct);
            return true;
        }, ct);

    private async Task<IReadOnlyList<OutboxMessage>> WindowRemindersAsync(NamndOptions namnd, DateOnly today, CancellationToken ct)
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

    private async Task<IReadOnlyList<OutboxMessage>> ClosingRemindersAsync(NamndOptions namnd, DateOnly today, CancellationToken ct)
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

    /// <summary>Approves every draft older than <see cref="NamndOptions.AutoApproveAfter"/>, as <see cref="Core.Lifecycle.Actor.Service"/>; each quarter on its own.</summary>
    private async Task<(int Approved, int Failed)> AutoApproveAsync(NamndOptions namnd, CancellationToken ct)
    {
        if (namnd.AutoApproveAfter is not { } after) return (0, 0);
        var due = await IsolatedAsync(namnd, null, "automatic approval", () => DueForApprovalAsync(namnd, after, ct), ct);
        if (due is null) return (0, 1);
        var approved = 0;
        foreach (var quarter in due)
        {
            var ok = await IsolatedAsync(namnd, quarter.ToString(), "automatic approval", async () =>
            {
                var result = await lifecycle.ApproveAsync(namnd, quarter, Core.Lifecycle.Actor.Service, null, ct);
                if (result.Refused is not null) throw new Commands.UsageException(result.Refused);
                return true;
            }, ct);
            if (ok) approved++;
        }
        return (approved, due.Count - approved);
    }

    /// <summary>Quarters whose current version is a draft older than <paramref name="after"/>, oldest quarter first.</summary>
    private async Task<IReadOnlyList<Kvartal>> DueForApprovalAsync(NamndOptions namnd, TimeSpan after, CancellationToken ct) =>
        (await versions.LoadAllAsync(namnd.Id, ct))
            .Where(l => l.AwaitsApproval && l.Current!.CreatedAt + after <= clock.GetUtcNow())
            .Select(l => l.Quarter)
            .Order()
            .ToList();

    /// <summary>Runs one check; a failure is logged, sent to the administrator (once per cause) and gives the default.</summary>
    private async Task<T?> IsolatedAsync<T>(NamndOptions namnd, string? quarter, string what, Func<Task<T>> check, CancellationToken ct)
    {
        try
        {
            return await check();
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            var reason = EjvProgram.Describe(ex);
            if (EjvProgram.IsOperational(ex)) ReminderLog.CheckFailed(logger, what, namnd.Id, quarter ?? "-", reason);
            else ReminderLog.CheckFailedUnexpected(logger, what, namnd.Id, quarter ?? "-", reason, ex);
            await AlertAsync(namnd, quarter, what, reason);
            return default;
        }
    }

    private async Task AlertAsync(NamndOptions namnd, string? quarter, string what, string reason)
    {
        try
        {
            if (planner.Alert(namnd.Id, quarter, what + " failed", reason, $"reminders:{what}:{namnd.Id}:{quarter}:{reason}") is { } alert)
                await outbox.EnqueueAsync([alert], CancellationToken.None);
        }
        catch (Exception ex) when (EjvProgram.IsOperational(ex))
        {
            ReminderLog.AlertNotRecorded(logger, namnd.Id, EjvProgram.Describe(ex));
        }
    }
}

public sealed record ReminderResult(int Recorded, int AutoApproved, int Failed = 0);

internal static partial class ReminderLog
{
    [LoggerMessage(EventId = 2100, Level = LogLevel.Error, Message = "Reminders: {What} of nämnd {Namnd} (quarter {Quarter}) failed: {Reason}; the other checks go on")]
    public static partial void CheckFailed(ILogger logger, string what, string namnd, string quarter, string reason);

    [LoggerMessage(EventId = 2101, Level = LogLevel.Error, Message = "Reminders: {What} of nämnd {Namnd} (quarter {Quarter}) failed: {Reason}; the other checks go on")]
    public static partial void CheckFailedUnexpected(ILogger logger, string what, string namnd, string quarter, string reason, Exception exception);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Critical, Message = "Reminders: the failure of nämnd {Namnd} could not be recorded in the state store: {Reason}")]
    public static partial void AlertNotRecorded(ILogger logger, string namnd, string reason);
}
