using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Systemd;
using Microsoft.Extensions.Hosting.WindowsServices;
using Microsoft.Extensions.Logging;

namespace EjVerkstallda.Worker.Service;

/// <summary>
/// The service as the operating system's service manager sees it: a Windows service (service name
/// <see cref="WindowsServiceName"/>) or a systemd <c>Type=notify</c> unit that reports READY=1 when every hosted service has
/// started (the state store checked and migrated, the scheduler running) and WATCHDOG=1 while the scheduler is healthy.
/// Outside a service manager nothing changes.
/// </summary>
public static class PlatformHosting
{
    public const string WindowsServiceName = "EjVerkstallda";

    /// <summary>How long a stop may take: a quarterly run in progress finishes (Quartz waits for running jobs) within it.</summary>
    public static readonly TimeSpan DefaultShutdownTimeout = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Under systemd: the parent is systemd (the library's own test) or systemd gave a notification socket (a unit whose
    /// ExecStart goes through a wrapper, and the test suite, which listens on a socket of its own).
    /// </summary>
    public static bool UnderSystemd =>
        SystemdHelpers.IsSystemdService() || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NOTIFY_SOCKET"));

    public static bool AsWindowsService => WindowsServiceHelpers.IsWindowsService();

    /// <summary>
    /// A Windows service starts in C:\Windows\System32: every relative path (state, outputs, pickup, logs) would land there.
    /// The service works in %ProgramData%\EjVerkstallda (or EJV_WORKING_FOLDER, from the service's own environment).
    /// </summary>
    public static void UseServiceWorkingFolder()
    {
        if (!AsWindowsService) return;
        var folder = Environment.GetEnvironmentVariable("EJV_WORKING_FOLDER") is { Length: > 0 } f
            ? f
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.CommonApplicationData), WindowsServiceName);
        Directory.CreateDirectory(folder);
        Environment.CurrentDirectory = folder;
    }

    public static void AddPlatformHosting(this IHostApplicationBuilder builder)
    {
        builder.Services.AddWindowsService(o => o.ServiceName = WindowsServiceName);
        builder.Services.AddSystemd();
        if (UnderSystemd)
        {
            // AddSystemd only looks at the parent process; with NOTIFY_SOCKET set the same parts are wanted.
            builder.Services.TryAddSingleton<ISystemdNotifier, SystemdNotifier>();
            builder.Services.AddSingleton<IHostLifetime, SystemdLifetime>();
            builder.Services.AddHostedService<SystemdWatchdog>();
        }
        builder.Services.Configure<HostOptions>(o =>
        {
            o.BackgroundServiceExceptionBehavior = BackgroundServiceExceptionBehavior.StopHost;
            if (builder.Configuration["shutdownTimeoutSeconds"] is null) o.ShutdownTimeout = DefaultShutdownTimeout;
        });
    }

    /// <summary>Console logging: journald's format (priority prefix, no timestamp) under systemd, one timestamped line otherwise.</summary>
    public static void AddConsoleLogging(this ILoggingBuilder logging)
    {
        if (UnderSystemd) logging.AddSystemdConsole(o => o.TimestampFormat = null);
        else logging.AddSimpleConsole(o => { o.SingleLine = true; o.TimestampFormat = "yyyy-MM-dd HH:mm:ss "; });
        logging.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        // The host logs a start-up failure with its stack trace; the console gets the one "ejv:" line instead (the log file
        // keeps the whole exception).
        logging.AddFilter<Microsoft.Extensions.Logging.Console.ConsoleLoggerProvider>(
            "Microsoft.Extensions.Hosting.Internal.Host", level => level is >= LogLevel.Warning and < LogLevel.Error);
    }
}
