using EjVerkstallda.Worker.Lifecycle;
using Microsoft.Extensions.DependencyInjection;

namespace EjVerkstallda.Worker.Commands;

/// <summary>
/// <c>ejv approve --quarter Q [--namnd ID] [--version N] [--by NAME]</c>: approves the quarter's current version as the OS
/// account running the command (<c>--by</c> adds the name shown). The statistikrapport goes to the nämnd, the per-case reports
/// to the revisorer's channel; kommunfullmäktige gets it after the nämnd's decision (<c>ejv decision</c>). A correction goes as
/// a "Rättelse" to everyone who had the earlier version. What is sent is the version's documents in the state store.
/// </summary>
public static class ApproveCommand
{
    public static async Task<int> ExecuteAsync(CommandLine cli, IServiceProvider sp, CancellationToken ct)
    {
        int? version = cli.Single("--version") is { } v
            ? int.TryParse(v, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n > 0 ? n
                : throw new UsageException($"--version must be a version number such as 2 (was '{v}'); see ejv status")
            : null;
        var c = await LifecycleCommand.OpenAsync(cli, sp, ct);
        foreach (var namnd in c.Namnder)
            Report(await c.Lifecycle.ApproveAsync(namnd, c.Quarter, c.By, version, ct));
        await sp.GetRequiredService<Runs.FaultInjection>().PointAsync(Runs.FaultInjection.AfterApproval, ct);
        return await MailCommand.DispatchAndReportAsync(sp, ct);
    }

    /// <summary>Prints what a lifecycle step did; a refusal stops the command with its line (exit 2).</summary>
    public static void Report(LifecycleResult result)
    {
        if (result.Refused is not null) throw new UsageException(result.Refused);
        Console.Out.WriteLine(result.Summary);
        if (result.RevisorerNotDelivered is { } none)
            Console.Out.WriteLine($"{result.Namnd} {result.Quarter}: revisorer per-case reports: {none}; see README \"Revisorer\"");
    }
}
