using System.Net;
using System.Text.Json;
using EjVerkstallda.Infrastructure.Output;
using EjVerkstallda.Worker.Options;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EjVerkstallda.Worker.Service;

/// <summary>
/// <c>GET /health</c> on a loopback port: 200 with the health summary when the state store answers and nothing is failing,
/// 503 otherwise, 500 when the summary itself cannot be built (logged; the service carries on). Built on
/// <see cref="HttpListener"/>, so no web framework is needed. A port that cannot be bound is a fault of the service: it
/// stops with a non-zero exit code and one line that names the URL.
/// </summary>
public sealed class HealthEndpoint(EjvOptions options, IServiceProvider services, ILogger<HealthEndpoint> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var url = options.Schedule.HealthUrl;
        if (url.Length == 0) return;
        using var listener = Listen(url);
        ServiceLog.HealthListening(logger, url);
        await using var stop = stoppingToken.Register(listener.Stop);
        while (!stoppingToken.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            await AnswerAsync(context, stoppingToken);
        }
    }

    private static HttpListener Listen(string url)
    {
        var listener = new HttpListener();
        try
        {
            listener.Prefixes.Add(url);
            listener.Start();
            return listener;
        }
        catch (Exception ex) when (ex is HttpListenerException or ArgumentException)
        {
            ((IDisposable)listener).Dispose();
            throw new ServiceFaultException($"health endpoint: cannot listen on {url}: {ex.Message} (check Ejv:Schedule:HealthUrl, or set it empty to turn the endpoint off)", ex);
        }
    }

    /// <summary>One request; whatever goes wrong in it is answered (500) and logged, never thrown into the host.</summary>
    private async Task AnswerAsync(HttpListenerContext context, CancellationToken ct)
    {
        using var response = context.Response;
        try
        {
            var health = await Health.CheckAsync(services, options, ct);
            await WriteAsync(response, health.Status == Health.Unhealthy ? 503 : 200, health, ct);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            ServiceLog.HealthRequestFailed(logger, EjvProgram.Describe(ex), ex);
            await TryWriteErrorAsync(response, ct);
        }
    }

    private async Task TryWriteErrorAsync(HttpListenerResponse response, CancellationToken ct)
    {
        try
        {
            await WriteAsync(response, 500, new { status = "error", reason = "the health summary could not be built; see the service log" }, ct);
        }
        catch (Exception ex) when (ex is HttpListenerException or IOException or InvalidOperationException or ObjectDisposedException)
        {
            ServiceLog.HealthAnswerLost(logger, ex.Message); // the client went away; nothing left to tell it
        }
    }

    private static async Task WriteAsync<T>(HttpListenerResponse response, int status, T body, CancellationToken ct)
    {
        response.StatusCode = status;
        response.ContentType = "application/json; charset=utf-8";
        await response.OutputStream.WriteAsync(JsonSerializer.SerializeToUtf8Bytes(body, OutputFiles.Json), ct);
    }
}
