using System.Globalization;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Systemd;
using Microsoft.Extensions.Logging;
using Quartz;

namespace EjVerkstallda.Worker.Service;

/// <summary>
/// systemd's watchdog (<c>WatchdogSec=</c>): sends WATCHDOG=1 at half the interval systemd asks for (WATCHDOG_USEC), only
/// while the scheduler runs. A scheduler that has stopped or hangs sends nothing, and systemd restarts the service.
/// Microsoft.Extensions.Hosting.Systemd reports READY=1 and STOPPING=1 but sends no watchdog pings itself.
/// </summary>
public sealed class SystemdWatchdog(
    ISystemdNotifier notifier, ISchedulerFactory schedulers, IHostApplicationLifetime lifetime, TimeProvider clock, ILogger<SystemdWatchdog> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (WatchdogInterval.FromEnvironment() is not { } interval || !notifier.IsEnabled) return;
        await StartedAsync(stoppingToken);
        ServiceLog.WatchdogOn(logger, (long)interval.TotalMilliseconds);
        using var timer = new PeriodicTimer(interval, clock);
        do
        {
            if (await IsHealthyAsync(stoppingToken)) notifier.Notify(new ServiceState("WATCHDOG=1"));
            else ServiceLog.WatchdogWithheld(logger);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>The first ping follows READY=1: every hosted service, the scheduler included, has started.</summary>
    private async Task StartedAsync(CancellationToken ct)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var registration = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        await started.Task.WaitAsync(ct);
    }

    private async Task<bool> IsHealthyAsync(CancellationToken ct)
    {
        var scheduler = await schedulers.GetScheduler(ct);
        return await scheduler.GetStatus(ct) == SchedulerStatus.Running;
    }
}

/// <summary>The ping interval: half of WATCHDOG_USEC, when WATCHDOG_PID is unset or names this process (as sd_watchdog_enabled).</summary>
public static class WatchdogInterval
{
    public static TimeSpan? FromEnvironment() =>
        Of(Environment.GetEnvironmentVariable("WATCHDOG_USEC"), Environment.GetEnvironmentVariable("WATCHDOG_PID"), Environment.ProcessId);

    public static TimeSpan? Of(string? usec, string? pid, int processId)
    {
        if (!long.TryParse(usec, NumberStyles.None, CultureInfo.InvariantCulture, out var micro) || micro <= 0) return null;
        if (!string.IsNullOrEmpty(pid) && (!int.TryParse(pid, NumberStyles.None, CultureInfo.InvariantCulture, out var p) || p != processId)) return null;
        return TimeSpan.FromMicroseconds(micro / 2.0);
    }
}
