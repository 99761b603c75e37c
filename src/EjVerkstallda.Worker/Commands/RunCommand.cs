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
        var dryRun = cli.Has("--dry-run");
        var failures = new List<string>();
        Exception? onlyFailure = null;
        foreach (var namnd in namnder)
        {
            try
            {
                var result = await runner.RunAsync(namnd, quarter, dryRun, ct, OsActor.Current(null));
                Console.Out.WriteLine(Summary(result));
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                if (namnder.Count == 1) onlyFailure = ex;
                else failures.Add($"{namnd.Id}: {EjvProgram.Describe(ex)}");
            }
        }
        if (onlyFailure is null && failures.Count == 0) return dryRun ? EjvProgram.Ok : await MailCommand.DispatchAndReportAsync(sp, ct);

        // A failed run has queued an alert for the administrator: send it now, unless the mail path itself is what failed.
        try { if (!dryRun) await MailCommand.DispatchQuietlyAsync(sp, ct); }
        catch (Exception mailEx) when (EjvProgram.IsOperational(mailEx) && mailEx is not OperationCanceledException) { /* the run's own error is the one to show */ }
        if (onlyFailure is not null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(onlyFailure);
        Console.Error.WriteLine($"ejv: {failures.Count} of {namnder.Count} nämnder failed: {string.Join(" | ", failures)}");
        return EjvProgram.Failed;
    }

    public static Kvartal? ParseQuarter(string? text, bool required)
    {
        if (text is null)
            return required ? throw new UsageException("give --quarter, for example --quarter 2024Q1 (a quarter that has ended)") : null;
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
        var dry = !r.DryRun ? "" : r.PreviewAsOf is { } asOf
            ? $" (dry run, preview as of today, {asOf:yyyy-MM-dd}: the quarter has not ended; nothing recorded)"
            : " (dry run: nothing recorded)";
        return $"""
            {r.Namnd.Id} {r.Quarter}{dry}: {r.Reports.Count} IVO report(s): ny {r.Count(ReportStatus.Ny)}, kvarstår {r.Count(ReportStatus.Kvarstar)}, verkställd {r.Count(ReportStatus.Verkstalld)}, avslutad {r.Count(ReportStatus.Avslutad)}; {r.Reports.Count(x => x.Late)} late; {r.Underlag.ManualHandling.Count} for manual handling; {r.Problems.Count} data-quality problem(s)
              outputs: {r.OutputFolder}
            """;
    }
}
