using EjVerkstallda.Core.Kvartal;
using EjVerkstallda.Core.Lifecycle;
using EjVerkstallda.Infrastructure.State;
using EjVerkstallda.Infrastructure.Demo;
using EjVerkstallda.Worker.Options;
using EjVerkstallda.Worker.Runs;
using Microsoft.Extensions.DependencyInjection;

namespace EjVerkstallda.Worker.Commands;

/// <summary>
/// <c>ejv demo [--quarter Q]</c>: builds a fresh demo case system and state under <c>./demo</c>, runs the three quarters before
/// Q and then Q itself (so the ledger has history: ny, kvarstår, verkställd), and prints where everything is.
/// </summary>
public static class DemoCommand
{
    public const int DemoBeslut = 420;
    public const int QuartersOfHistory = 3;

    public static string Folder => Path.GetFullPath("demo");

    /// <summary>The demo always uses its own folder, whatever else is configured.</summary>
    public static Dictionary<string, string?> Configuration(CommandLine cli) => new()
    {
        ["Ejv:Source:Provider"] = "sqlite",
        ["Ejv:Source:ConnectionString"] = $"Data Source={Path.Combine(Folder, "case-system.db")};Mode=ReadOnly;Pooling=False",
        ["Ejv:State:Provider"] = "sqlite",
        ["Ejv:State:ConnectionString"] = $"Data Source={Path.Combine(Folder, "state.db")};Pooling=False",
        ["Ejv:Output:Folder"] = Path.Combine(Folder, "out"),
        ["Ejv:Mail:Delivery"] = "pickup",
        ["Ejv:Mail:PickupFolder"] = Path.Combine(Folder, "mail"),
    };

    public static async Task<int> ExecuteAsync(CommandLine cli, IServiceProvider sp, CancellationToken ct)
    {
        var quarter = RunCommand.ParseQuarter(cli.Single("--quarter"), required: false)
            ?? Kvartal.LastCompletedBefore(sp.GetRequiredService<KommunTid>().Today(sp.GetRequiredService<TimeProvider>()));
        var options = sp.GetRequiredService<EjvOptions>();
        Reset();
        var caseDb = Path.Combine(Folder, "case-system.db");
        var first = quarter;
        for (var i = 0; i < QuartersOfHistory; i++) first = first.Previous;
        foreach (var namnd in options.Namnder) namnd.FirstQuarter = first.ToString();
        await DemoCaseSystem.CreateSqliteAsync(caseDb, quarter, DemoBeslut, ct);
        await Dispatcher.InitAsync(sp, ct);
        Console.Out.WriteLine($"Demo case system: {caseDb} ({DemoBeslut} gynnande beslut over three years, a fictional kommun)");
        var runner = sp.GetRequiredService<QuarterlyRunner>();
        QuarterResult? last = null;
        for (var q = first; q <= quarter; q = q.Next)
        {
            if (q == quarter) await DemoCaseSystem.AddLateRegistrationsAsync(caseDb, quarter, ct);
            foreach (var namnd in options.Namnder)
            {
                last = await runner.RunAsync(namnd, q, dryRun: false, ct);
                Console.Out.WriteLine(RunCommand.Summary(last));
            }
        }
        var mail = await sp.GetRequiredService<Infrastructure.Outbox.OutboxDispatcher>().DispatchAsync(ct);
        Console.Out.WriteLine();
        Console.Out.WriteLine($"Draft e-mails to the handläggare ({mail.Sent}): {Path.Combine(Folder, "mail")}  (one .eml file per message)");
        Console.Out.WriteLine($"Outputs of {quarter}: {last?.OutputFolder}");
        Console.Out.WriteLine($"  ivo-underlag.json      confidential: what to enter in IVO's e-tjänst");
        Console.Out.WriteLine($"  ivo-underlag.xlsx      confidential: the same as a workbook for the handläggare");
        Console.Out.WriteLine($"  statistikrapport.docx  public: the tjänsteskrivelse for the nämnd and kommunfullmäktige");
        Console.Out.WriteLine($"  statistikrapport.json  public: the anonymised numbers, for other tools");
        Console.Out.WriteLine($"State store: {Path.Combine(Folder, "state.db")}");
        Console.Out.WriteLine(await NextStepsAsync(sp, options, quarter, ct));
        return EjvProgram.Ok;
    }

    /// <summary>
    /// What to try next, as commands that work as printed: the approval names the first quarter awaiting approval (quarters are
    /// approved in order, Ejv:Lifecycle:ApproveInOrder), read from the lifecycle, not the last quarter run.
    /// </summary>
    private static async Task<string> NextStepsAsync(IServiceProvider sp, EjvOptions options, Kvartal quarter, CancellationToken ct)
    {
        var namnd = options.Namnder[0];
        var scope = options.Namnder.Count > 1 ? $" --namnd {namnd.Id}" : "";
        var toApprove = LifecycleRules.NextToApprove(await sp.GetRequiredService<LifecycleStore>().LoadAllAsync(namnd.Id, ct));
        var approve = toApprove is { } q ? $" | ejv approve --quarter {q}{scope} --by \"Ditt namn\"" : "";
        return $"Next: ejv status | ejv ivo list --quarter {quarter}{scope}{approve}";
    }

    private static void Reset()
    {
        Infrastructure.Files.SecureFiles.CreateDirectory(Folder); // 0700: the demo's state and outputs are as private as real ones
        foreach (var name in new[] { "case-system.db", "state.db" })
            foreach (var suffix in new[] { "", "-wal", "-shm", "-journal" })
                File.Delete(Path.Combine(Folder, name + suffix));
        foreach (var dir in new[] { "out", "mail" })
            if (Directory.Exists(Path.Combine(Folder, dir))) Directory.Delete(Path.Combine(Folder, dir), recursive: true);
    }
}
