using EjVerkstallda.Core.Classification;
using EjVerkstallda.Core.Kvartal;
using EjVerkstallda.Worker.Options;
using EjVerkstallda.Worker.Runs;
using Microsoft.Extensions.DependencyInjection;

namespace EjVerkstallda.Worker.Commands;

/// <summary><c>ejv run --quarter 2024Q1 [--namnd ID] [--dry-run]</c>.</summary>
public static class RunCommand
{
    public static async Task<int> ExecuteAsync(CommandLine cli, IServiceProvider sp, CancellationToken ct)
    {
        var options = sp.GetRequiredService<EjvOptions>();
        var quarter = ParseQuarter(cli.Single("--quarter"), required: true)!.Value;
        var namnder = Select(options, cli.Single("--namnd"));
        await Dispatcher.MigrateAsync(sp, ct);
        var runner = sp.GetRequiredService<QuarterlyRunner>();
        var failures = new List<string>();
        foreach (var namnd in namnder)
        {
            try
            {
                var result = await runner.RunAsync(namnd, quarter, cli.Has("--dry-run"), ct);
                Console.Out.WriteLine(Summary(result));
            }
            catch (Exception ex) when (namnder.Count > 1 && ex is not OperationCanceledException)
            {
                failures.Add($"{namnd.Id}: {EjvProgram.Describe(ex)}");
            }
        }
        var mail = cli.Has("--dry-run") ? EjvProgram.Ok : await MailCommand.DispatchAndReportAsync(sp, ct);
        if (failures.Count == 0) return mail;
        Console.Error.WriteLine($"ejv: {failures.Count} of {namnder.Count} nämnder failed: {string.Join(" | ", failures)}");
        return EjvProgram.Failed;
    }

    public static Kvartal? ParseQuarter(string? text, bool required)
    {
        if (text is null)
            return required ? throw new UsageException($"give --quarter, for example --quarter {Kvartal.LastCompletedBefore(DateOnly.FromDateTime(DateTime.Today))}") : null;
        return Kvartal.TryParse(text, out var q) ? q : throw new UsageException($"--quarter '{text}' is not a quarter; write it as YYYYQn, for example 2024Q1");
    }

    public static IReadOnlyList<NamndOptions> Select(EjvOptions options, string? id)
    {
        if (id is null) return options.Namnder;
        var n = options.Namnder.FirstOrDefault(x => x.Id == id)
            ?? throw new UsageException($"--namnd '{id}' is not configured; configured: {string.Join(", ", options.Namnder.Select(x => x.Id))}");
        return [n];
    }

    public static string Summary(QuarterResult r)
    {
        var dry = r.DryRun ? " (dry run: nothing recorded)" : "";
        return $"""
            {r.Namnd.Id} {r.Quarter}{dry}: {r.Reports.Count} IVO report(s): ny {r.Count(ReportStatus.Ny)}, kvarstår {r.Count(ReportStatus.Kvarstar)}, verkställd {r.Count(ReportStatus.Verkstalld)}, avslutad {r.Count(ReportStatus.Avslutad)}; {r.Reports.Count(x => x.Late)} late; {r.Underlag.ManualHandling.Count} for manual handling; {r.Problems.Count} data-quality problem(s)
              outputs: {r.OutputFolder}
            """;
    }
}
