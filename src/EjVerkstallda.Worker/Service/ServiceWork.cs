using EjVerkstallda.Core.Kvartal;
using EjVerkstallda.Infrastructure.Outbox;
using EjVerkstallda.Infrastructure.State;
using EjVerkstallda.Worker.Delivery;
using EjVerkstallda.Worker.Logging;
using EjVerkstallda.Worker.Options;
using EjVerkstallda.Worker.Runs;
using Microsoft.Extensions.Logging;

namespace EjVerkstallda.Worker.Service;

/// <summary>What the scheduled jobs do. Each method is safe to call from several instances at once and again after a crash.</summary>
public sealed class ServiceWork(
    EjvOptions options,
    LedgerStore ledger,
    QuarterlyRunner runner,
    ReminderService reminders,
    OutboxDispatcher dispatcher,
    KommunTid kommun,
    TimeProvider clock,
    ILogger<ServiceWork> logger)
{
    /// <summary>Runs every due quarter of every nämnd that the ledger does not hold as completed, oldest first.</summary>
    public async Task<int> RunDueQuartersAsync(CancellationToken ct)
    {
        var today = kommun.Today(clock);
        var ran = 0;
        var due = 0;
        foreach (var namnd in options.Namnder)
        {
            var completed = (await ledger.CompletedQuartersAsync(namnd.Id, ct)).Select(Kvartal.Parse).ToList();
            var first = Kvartal.TryParse(namnd.FirstQuarter, out var f) ? f : (Kvartal?)null;
            var quarters = CatchUp.DueQuarters(today, options.Schedule.RunDelayDays, completed, first);
            due += quarters.Count;
            foreach (var q in quarters)
            {
                try
                {
                    if (await runner.RunIfNotCompletedAsync(namnd, q, ct) is null) continue;
                    ran++;
                }
                catch (RunBusyException)
                {
                    ServiceLog.Busy(logger, namnd.Id, q.ToString());
                    break;
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    break; // recorded in the status log and sent to the administrator by the runner; later quarters wait for this one
                }
            }
        }
        ServiceLog.Checked(logger, today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), due, ran);
        await DispatchAsync(ct);
        return ran;
    }

    public async Task RemindAsync(CancellationToken ct)
    {
        var r = await reminders.CheckAsync(ct);
        ServiceLog.Reminded(logger, r.Recorded, r.AutoApproved);
        await DispatchAsync(ct);
    }

    public async Task DispatchAsync(CancellationToken ct)
    {
        var r = await dispatcher.DispatchAsync(ct);
        if (r.Sent + r.RetryLater + r.Failed > 0) ServiceLog.Dispatched(logger, r.Sent, r.RetryLater, r.Failed);
    }
}

internal static partial class ServiceLog
{
    [LoggerMessage(EventId = 2000, Level = LogLevel.Information, Message = "Nämnd {Namnd} quarter {Quarter} is being run by another instance; leaving it to that one")]
    public static partial void Busy(ILogger logger, string namnd, string quarter);

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Reminders: {Recorded} recorded, {AutoApproved} quarter(s) approved automatically")]
    public static partial void Reminded(ILogger logger, int recorded, int autoApproved);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Information, Message = "Outbox: {Sent} sent, {RetryLater} to retry, {Failed} failed")]
    public static partial void Dispatched(ILogger logger, int sent, int retryLater, int failed);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Error, Message = "Scheduled job {Job} failed: {Reason}")]
    public static partial void JobFailed(ILogger logger, string job, string reason, Exception exception);

    [LoggerMessage(EventId = 2005, Level = LogLevel.Information, Message = "Quarterly check: {Today}, {Due} quarter(s) due, {Ran} run by this instance")]
    public static partial void Checked(ILogger logger, string today, int due, int ran);
}
