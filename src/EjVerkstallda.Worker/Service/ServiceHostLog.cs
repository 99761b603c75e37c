using Microsoft.Extensions.Logging;

namespace EjVerkstallda.Worker.Service;

internal static partial class ServiceLog
{
    [LoggerMessage(EventId = 2010, Level = LogLevel.Error, Message = "Health request failed: {Reason}; answered 500, the service carries on")]
    public static partial void HealthRequestFailed(ILogger logger, string reason, Exception exception);

    [LoggerMessage(EventId = 2011, Level = LogLevel.Warning, Message = "Health answer not delivered: {Reason}")]
    public static partial void HealthAnswerLost(ILogger logger, string reason);

    [LoggerMessage(EventId = 2012, Level = LogLevel.Information, Message = "systemd watchdog: pinging every {IntervalMs} ms while the scheduler runs")]
    public static partial void WatchdogOn(ILogger logger, long intervalMs);

    [LoggerMessage(EventId = 2013, Level = LogLevel.Warning, Message = "systemd watchdog: scheduler not running, no ping sent")]
    public static partial void WatchdogWithheld(ILogger logger);
}
