using EjVerkstallda.Infrastructure.State;
using EjVerkstallda.Worker.Logging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EjVerkstallda.Worker.Commands;

public static class Dispatcher
{
    public static async Task<int> RunAsync(CommandLine cli, IHost host, CancellationToken ct)
    {
        var sp = host.Services;
        switch (cli.Command)
        {
            case null:
                return await Service.ServiceHost.RunAsync(host, ct);
            case "run":
                cli.Allow("--quarter", "--namnd", "--dry-run");
                return await RunCommand.ExecuteAsync(cli, sp, ct);
            case "status":
                cli.Allow("--namnd", "--json");
                await MigrateAsync(sp, ct);
                return await StatusCommand.ExecuteAsync(cli, sp, ct);
            case "demo":
                cli.Allow("--quarter", "--serve");
                if (cli.Has("--serve")) Web.DemoServe.Check(host);
                var demo = await DemoCommand.ExecuteAsync(cli, sp, ct);
                return cli.Has("--serve") ? await Web.DemoServe.RunAsync(cli, host, ct) : demo;
            case "approve":
                cli.Allow("--quarter", "--namnd", "--by", "--version");
                return await ApproveCommand.ExecuteAsync(cli, sp, ct);
            case "decision":
                cli.Allow("--quarter", "--namnd", "--by", "--date", "--paragraph");
                return await DecisionCommand.ExecuteAsync(cli, sp, ct);
            case "ivo":
                return await IvoCommand.ExecuteAsync(cli, sp, ct);
            case "evidence":
                cli.Allow("--quarter", "--namnd", "--out", "--force");
                return await EvidenceCommand.ExecuteAsync(cli, sp, ct);
            case "mail":
                cli.Allow("--namnd");
                return await MailCommand.ExecuteAsync(cli, sp, ct);
            case "remind":
                cli.Allow();
                await MigrateAsync(sp, ct);
                var reminded = await sp.GetRequiredService<Delivery.ReminderService>().CheckAsync(ct);
                Console.Out.WriteLine($"reminders: {reminded.Recorded} recorded, {reminded.AutoApproved} quarter(s) approved automatically");
                return await MailCommand.DispatchAndReportAsync(sp, ct);
            case "migrate":
                cli.Allow();
                var applied = await MigrateAsync(sp, ct);
                Console.Out.WriteLine($"state store up to date ({applied} script(s) applied now)");
                return EjvProgram.Ok;
            case "check-source":
                cli.Allow("--namnd", "--json", "--lang");
                return await CheckSourceCommand.ExecuteAsync(cli, sp, ct);
            case "import":
                cli.Allow("--file", "--namnd", "--dry-run");
                return await ImportCommand.ExecuteAsync(cli, sp, ct);
            case "reconcile":
                cli.Allow("--from", "--to", "--namnd", "--out");
                return await ReconcileCommand.ExecuteAsync(cli, sp, ct);
            case "init":
                cli.Allow();
                var created = await InitAsync(sp, ct);
                Console.Out.WriteLine($"state store ready ({created} script(s) applied now)");
                return EjvProgram.Ok;
            default:
                throw new UsageException($"unknown command '{cli.Command}'; commands are init, run, check-source, status, approve, decision, ivo, evidence, mail, remind, demo, import, reconcile, migrate, help");
        }
    }

    /// <summary><c>ejv init</c> and the demo: the only callers that may create a state store.</summary>
    public static async Task<int> InitAsync(IServiceProvider sp, CancellationToken ct)
    {
        var result = await sp.GetRequiredService<StateDb>().InitAsync(ct);
        Log.Migrated(sp.GetRequiredService<ILogger<StateDb>>(), result.Applied.Count);
        return result.Applied.Count;
    }

    /// <summary>Upgrades an existing state store; refuses one that does not exist (see <see cref="StateDb.MigrateAsync"/>).</summary>
    public static async Task<int> MigrateAsync(IServiceProvider sp, CancellationToken ct)
    {
        var result = await sp.GetRequiredService<StateDb>().MigrateAsync(ct);
        Log.Migrated(sp.GetRequiredService<ILogger<StateDb>>(), result.Applied.Count);
        return result.Applied.Count;
    }
}
