using EjVerkstallda.Worker.Options;
using EjVerkstallda.Worker.Service;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace EjVerkstallda.Worker.Web.Health;

/// <summary>
/// The service's one health check: <see cref="Service.Health.CheckAsync"/> (ids and counts only), carried to the response
/// writer in the result's data. Healthy and degraded answer 200, unhealthy 503, as the endpoint always did.
/// </summary>
public sealed class EjvHealthCheck(IServiceProvider services, EjvOptions options) : IHealthCheck
{
    public const string Name = "ejv";
    public const string DataKey = "health";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var health = await Service.Health.CheckAsync(services, options, cancellationToken);
        var data = new Dictionary<string, object> { [DataKey] = health };
        return health.Status switch
        {
            Service.Health.Healthy => HealthCheckResult.Healthy(data: data),
            Service.Health.Degraded => HealthCheckResult.Degraded(health.Reason, data: data),
            _ => HealthCheckResult.Unhealthy(health.Reason, data: data),
        };
    }
}
