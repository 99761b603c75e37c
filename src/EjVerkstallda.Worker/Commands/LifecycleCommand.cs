using EjVerkstallda.Core.Kvartal;
using EjVerkstallda.Core.Lifecycle;
using EjVerkstallda.Worker.Lifecycle;
using EjVerkstallda.Worker.Options;
using Microsoft.Extensions.DependencyInjection;

namespace EjVerkstallda.Worker.Commands;

/// <summary>
/// What <c>ejv approve</c> and <c>ejv decision</c> share: the quarter (<c>--quarter</c>), the acting OS account (<c>--by</c>
/// adds the name shown), the nämnder (<c>--namnd</c>, or every configured one), and the lifecycle on a migrated state store.
/// </summary>
internal sealed record LifecycleCommand(Kvartal Quarter, Actor By, IReadOnlyList<NamndOptions> Namnder, QuarterLifecycleService Lifecycle)
{
    public static async Task<LifecycleCommand> OpenAsync(CommandLine cli, IServiceProvider sp, CancellationToken ct)
    {
        var quarter = RunCommand.ParseQuarter(cli.Single("--quarter"), required: true)!.Value;
        var by = OsActor.FromCommandLine(cli);
        var namnder = RunCommand.Select(sp.GetRequiredService<EjvOptions>(), cli.Single("--namnd"));
        await Dispatcher.MigrateAsync(sp, ct);
        return new LifecycleCommand(quarter, by, namnder, sp.GetRequiredService<QuarterLifecycleService>());
    }
}
