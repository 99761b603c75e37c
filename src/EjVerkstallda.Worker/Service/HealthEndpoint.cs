using System.Net;
using System.Text.Json;
using EjVerkstallda.Infrastructure.Output;
using EjVerkstallda.Worker.Commands;
using EjVerkstallda.Worker.Options;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EjVerkstallda.Worker.Service;

/// <summary>
/// <c>GET /health</c> on a loopback port: 200 with the health summary when the state store answers and nothing is failing,
/// 503 otherwise. Built on <see cref="HttpListener"/>, so no web framework is needed.
/// </summary>
public sealed class HealthEndpoint(EjvOptions options, IServiceProvider services, ILogger<HealthEndpoint> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var url = options.Schedule.HealthUrl;
        if (url.Length == 0) return;
        using var listener = new HttpListener();
        listener.Prefixes.Add(url);
        listener.Start();
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

    private async Task AnswerAsync(HttpListenerContext context, CancellationToken ct)
    {
        using var response = context.Response;
        var health = await Health.CheckAsync(services, options, ct);
        response.StatusCode = health.Status == Health.Unhealthy ? 503 : 200;
        response.ContentType = "application/json; charset=utf-8";
        await response.OutputStream.WriteAsync(JsonSerializer.SerializeToUtf8Bytes(health, OutputFiles.Json), ct);
    }
}
