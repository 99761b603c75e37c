using EjVerkstallda.Infrastructure.CaseSource;
using EjVerkstallda.Infrastructure.Data;
using EjVerkstallda.Infrastructure.State;
using EjVerkstallda.Worker.Options;
using EjVerkstallda.Worker.Runs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace EjVerkstallda.Worker;

/// <summary>Registers the worker's parts. Options are validated when first read (commands) and on start (service).</summary>
public static class EjvServices
{
    public static IServiceCollection AddEjv(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<EjvOptions>().Bind(configuration.GetSection(EjvOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<EjvOptions>, EjvOptionsValidator>();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<EjvOptions>>().Value);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(sp =>
        {
            var o = sp.GetRequiredService<EjvOptions>().State;
            return new StateDb(SqlDialect.For(DbProviders.Parse(o.Provider, "Ejv:State:Provider")), o.ConnectionString);
        });
        services.AddSingleton(sp => new CaseSourceReader(sp.GetRequiredService<EjvOptions>().Source));
        services.AddSingleton<LedgerStore>();
        services.AddSingleton<IvoIdStore>();
        services.AddSingleton<RunLog>();
        services.AddSingleton<QuarterlyRunner>();
        return services;
    }
}
