using Microsoft.Extensions.Configuration;
using Serilog;
using Serilog.Extensions.Hosting;
using Serilog.Formatting.Json;

namespace EjVerkstallda.Worker.Logging;

/// <summary>
/// The one file-log configuration (<c>Ejv:Logging:Folder</c>): JSON lines, one file a day, 90 kept, owner-only. It is created
/// as Serilog's bootstrap logger (Serilog.Extensions.Hosting) as soon as the configuration is read, before the host is built,
/// and the host's logging writes to the same logger, so a failure at start-up (the configuration check, the state store, a
/// second instance) reaches the file as well as the console's one <c>ejv:</c> line. The messages carry ids and counts only.
/// The logger belongs to the call of <see cref="EjvProgram.MainAsync"/> that started it (an async-local, not the static
/// <c>Serilog.Log.Logger</c>), so two programs run in one test process do not close each other's file.
/// </summary>
public static class FileLog
{
    private static readonly AsyncLocal<ReloadableLogger?> Current = new();

    /// <summary>Starts the file log for this program run; null (nothing started) without a log folder.</summary>
    public static Serilog.ILogger? Start(IConfiguration configuration)
    {
        if (configuration[FileLogOptions.Section + ":Folder"] is not { Length: > 0 } folder) return null;
        Current.Value = new LoggerConfiguration()
            .MinimumLevel.Information()
            .WriteTo.File(new JsonFormatter(renderMessage: true), Path.Combine(PrivateLogFiles.PrepareFolder(folder), "ejv-.jsonl"),
                rollingInterval: RollingInterval.Day, retainedFileCountLimit: 90, hooks: PrivateLogFiles.Instance)
            .CreateBootstrapLogger();
        return Current.Value;
    }

    /// <summary>The one line a command ended with, when it failed: the same text the console shows after <c>ejv:</c>.</summary>
    public static void CommandFailed(string? command, string line, bool usage) =>
        Current.Value?.Error("Command {Command} failed ({Kind}): {Reason}", command ?? "(service)", usage ? "usage" : "failure", line);

    /// <summary>Flushes and closes this run's file at exit.</summary>
    public static void Stop()
    {
        Current.Value?.Dispose();
        Current.Value = null;
    }
}
