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
        await host.StartAsync(ct);
        await host.WaitForShutdownAsync(ct);
        var fault = background.Select(b => b.ExecuteTask).FirstOrDefault(t => t is { IsFaulted: true });
        if (fault?.Exception?.InnerException is { } ex)
            throw ex as ServiceFaultException ?? new ServiceFaultException($"the service stopped on a fault: {EjvProgram.Describe(ex)}", ex);
        return EjvProgram.Ok;
    }
}

/// <summary>A fault that stops the service; its message is the one line shown (and journaled) before the non-zero exit.</summary>
public sealed class ServiceFaultException(string message, Exception? inner = null) : Exception(message, inner);
