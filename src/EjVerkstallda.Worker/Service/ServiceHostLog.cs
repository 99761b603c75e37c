using Microsoft.Extensions.Logging;

namespace EjVerkstallda.Worker.Service;

internal static partial class ServiceLog
{
    [LoggerMessage(EventId = 2012, Level = LogLevel.Information, Message = "systemd watchdog: pinging every {IntervalMs} ms while the scheduler runs")]
    public static partial void WatchdogOn(ILogger logger, long intervalMs);

    [LoggerMessage(EventId = 2013, Level = LogLevel.Warning, Message = "systemd watchdog: scheduler not running, no ping sent")]
    public static partial void WatchdogWithheld(ILogger logger);
}
