using Microsoft.Extensions.Logging;
using Quartz;

namespace EjVerkstallda.Worker.Service;

/// <summary>Looks for due quarters and runs them (catch-up included). Never two at once in one scheduler.</summary>
[DisallowConcurrentExecution]
public sealed class QuarterlyJob(ServiceWork work, ILogger<QuarterlyJob> logger) : IJob
{
    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        JobGuard.RunAsync(nameof(QuarterlyJob), logger, () => work.RunDueQuartersAsync(cancellationToken));
}

/// <summary>IVO-window and closing-report reminders, automatic approval.</summary>
[DisallowConcurrentExecution]
public sealed class ReminderJob(ServiceWork work, ILogger<ReminderJob> logger) : IJob
{
    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        JobGuard.RunAsync(nameof(ReminderJob), logger, () => work.RemindAsync(cancellationToken));
}

/// <summary>Sends what the outbox holds that is due.</summary>
[DisallowConcurrentExecution]
public sealed class OutboxJob(ServiceWork work, ILogger<OutboxJob> logger) : IJob
{
    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        JobGuard.RunAsync(nameof(OutboxJob), logger, () => work.DispatchAsync(cancellationToken));
}

internal static class JobGuard
{
    /// <summary>A failed job is logged with its reason and tried again at its next trigger; the failure is in the status log too.</summary>
    public static async ValueTask RunAsync(string job, ILogger logger, Func<Task> work)
    {
        try
        {
            await work();
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception ex)
        {
            ServiceLog.JobFailed(logger, job, EjvProgram.Describe(ex), ex);
        }
    }
}
