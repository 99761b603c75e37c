using System.Text.Json;
using EjVerkstallda.Infrastructure.Output;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;

namespace EjVerkstallda.Worker.Web.Health;

/// <summary>
/// The health answer's JSON, unchanged from the hand-written endpoint it replaces: the <see cref="Service.Health"/> summary
/// with 200 (healthy, degraded) or 503 (unhealthy); 500 with a fixed text when the summary itself could not be built (the
/// check threw: logged once, the service carries on). No personal data: ids and counts.
/// </summary>
public static class HealthResponse
{
    public static HealthCheckOptions Options() => new()
    {
        Predicate = r => r.Name == EjvHealthCheck.Name,
        ResultStatusCodes =
        {
            [HealthStatus.Healthy] = StatusCodes.Status200OK,
            [HealthStatus.Degraded] = StatusCodes.Status200OK,
            [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
        },
        AllowCachingResponses = false,
        ResponseWriter = WriteAsync,
    };

    public static async Task WriteAsync(HttpContext context, HealthReport report)
    {
        var entry = report.Entries.GetValueOrDefault(EjvHealthCheck.Name);
        context.Response.ContentType = "application/json; charset=utf-8";
        if (entry.Data?.GetValueOrDefault(EjvHealthCheck.DataKey) is Service.Health health)
        {
            await context.Response.Body.WriteAsync(JsonSerializer.SerializeToUtf8Bytes(health, OutputFiles.Json), context.RequestAborted);
            return;
        }
        var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(HealthResponse));
        WebLog.HealthRequestFailed(logger, entry.Exception is { } ex ? EjvProgram.Describe(ex) : "no result", entry.Exception);
        context.Response.StatusCode = StatusCodes.Status500InternalServerError;
        await context.Response.Body.WriteAsync(JsonSerializer.SerializeToUtf8Bytes(
            new { status = "error", reason = "the health summary could not be built; see the service log" }, OutputFiles.Json), context.RequestAborted);
    }
}
