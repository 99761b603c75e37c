using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace EjVerkstallda.Worker.Service;

/// <summary>
/// Runs the service (<c>ejv</c> with no command) until it is stopped. A stop asked for (SIGTERM, Ctrl+C, the service control
/// manager) returns <see cref="EjvProgram.Ok"/>; a host stopped by a failed background service throws
/// <see cref="ServiceFaultException"/>, so the process exits non-zero and systemd's <c>Restart=on-failure</c> or the
/// Windows recovery actions restart it. (Until .NET 11 the host itself returns normally in that case.)
/// </summary>
public static class ServiceHost
{
    public static async Task<int> RunAsync(IHost host, CancellationToken ct)
    {
        var background = host.Services.GetServices<IHostedService>().OfType<BackgroundService>().ToList();
        await StartAsync(host, ct);
        await host.WaitForShutdownAsync(ct);
        var fault = background.Select(b => b.ExecuteTask).FirstOrDefault(t => t is { IsFaulted: true });
        if (fault?.Exception?.InnerException is { } ex)
            throw ex as ServiceFaultException ?? new ServiceFaultException($"the service stopped on a fault: {EjvProgram.Describe(ex)}", ex);
        return EjvProgram.Ok;
    }

    /// <summary>Starts the host; a web or health port that cannot be bound is a fault of the service naming the URL and its key.</summary>
    public static async Task StartAsync(IHost host, CancellationToken ct)
    {
        try
        {
            await host.StartAsync(ct);
        }
        catch (IOException ex) when (host.Services.GetService<Web.WebUrls>() is { } urls && BindFailure(ex, urls) is { } line)
        {
            throw new ServiceFaultException(line, ex);
        }
    }

    private static string? BindFailure(IOException ex, Web.WebUrls urls)
    {
        if (!ex.Message.Contains("bind", StringComparison.OrdinalIgnoreCase)) return null;
        var why = ex.InnerException?.Message ?? ex.Message;
        if (urls.Health is { } h && ex.Message.Contains($":{h.Port}", StringComparison.Ordinal))
            return $"health endpoint: cannot listen on {h}: {why} (check Ejv:Schedule:HealthUrl, or set it empty to turn the endpoint off)";
        if (urls.Pages is { } p)
            return $"web pages and health endpoint: cannot listen on {p}: {why} (check Ejv:Web:Url, or set it empty to turn the pages off)";
        return null;
    }
}

/// <summary>A fault that stops the service; its message is the one line shown (and journaled) before the non-zero exit.</summary>
public sealed class ServiceFaultException(string message, Exception? inner = null) : Exception(message, inner);
