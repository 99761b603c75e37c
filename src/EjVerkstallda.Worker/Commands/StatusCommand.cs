using System.Text;
using System.Text.Json;
using EjVerkstallda.Infrastructure.Output;
using EjVerkstallda.Infrastructure.State;
using EjVerkstallda.Worker.Options;
using Microsoft.Extensions.DependencyInjection;

namespace EjVerkstallda.Worker.Commands;

/// <summary><c>ejv status [--namnd ID] [--json]</c>: what the administrator checks.</summary>
public static class StatusCommand
{
    public static async Task<int> ExecuteAsync(CommandLine cli, IServiceProvider sp, CancellationToken ct)
    {
        var options = sp.GetRequiredService<EjvOptions>();
        var report = await StatusReport.LoadAsync(sp, RunCommand.Select(options, cli.Single("--namnd")), ct);
        Console.Out.Write(cli.Has("--json") ? JsonSerializer.Serialize(report, OutputFiles.Json) + "\n" : Text(report));
        return EjvProgram.Ok;
    }

    public static string Text(StatusReport report)
    {
        var sb = new StringBuilder();
        foreach (var n in report.Namnder)
        {
            sb.AppendLine($"== {n.Namn} ({n.Id})");
            sb.AppendLine($"Completed quarters: {(n.CompletedQuarters.Count == 0 ? "none yet" : string.Join(", ", n.CompletedQuarters))}");
            sb.AppendLine("Last runs:");
            if (n.LastRuns.Count == 0) sb.AppendLine("  none");
            foreach (var r in n.LastRuns)
            {
                var counts = r.Outcome == RunOutcome.Succeeded
                    ? $"{r.Reports} reports (ny {r.Ny}, kvarstår {r.Kvarstar}, verkställd {r.Verkstalld}, avslutad {r.Avslutad}), {r.Late} late, {r.Manual} manual, {r.DataQuality} data-quality"
                    : r.Message ?? "";
                sb.AppendLine($"  #{r.RunId} {r.Quarter} {r.Outcome,-9} started {r.StartedAt} finished {r.FinishedAt ?? "-"}  {counts}");
            }
            sb.AppendLine($"Open at IVO (no closing report yet): {n.OpenAtIvo.Count}" + (n.OpenAtIvo.Count == 0 ? "" : ": " + string.Join(", ", n.OpenAtIvo.Take(50).Select(o => $"{o.BeslutId} ({o.Kind}, since {o.FirstQuarter})")) + (n.OpenAtIvo.Count > 50 ? ", ..." : "")));
            sb.AppendLine($"Data-quality problems in {n.LatestQuarter ?? "-"}: {n.DataQuality.Count}");
            foreach (var p in n.DataQuality.Take(100))
                sb.AppendLine($"  {p.BeslutId ?? "(no id)"}: {p.Problem}{(p.Excluded ? "" : " (warning)")}");
            sb.AppendLine();
        }
        return sb.ToString();
    }
}

public sealed record StatusReport(string GeneratedAt, IReadOnlyList<NamndStatus> Namnder)
{
    public static async Task<StatusReport> LoadAsync(IServiceProvider sp, IReadOnlyList<NamndOptions> namnder, CancellationToken ct)
    {
        var runs = sp.GetRequiredService<RunLog>();
        var ledger = sp.GetRequiredService<LedgerStore>();
        var list = new List<NamndStatus>();
        foreach (var n in namnder)
        {
            var completed = await ledger.CompletedQuartersAsync(n.Id, ct);
            var latest = completed.Count > 0 ? completed[^1] : null;
            var open = await ledger.OpenCasesAsync(n.Id, ct);
            var firstReported = await ledger.FirstReportedAsync(n.Id, ct);
            list.Add(new NamndStatus(
                n.Id,
                n.Namn,
                completed,
                await runs.LastAsync(n.Id, 10, ct),
                open.Select(o => new OpenCase(o.BeslutId, o.Kind, o.Lag, o.Quarter, firstReported.GetValueOrDefault((o.BeslutId, o.Kind), o.Quarter), o.SubmittedAt is not null)).ToList(),
                latest,
                latest is null ? [] : (await ledger.DataQualityAsync(n.Id, latest, ct)).Select(p => new DataQualityEntry(p.BeslutId, p.Problem, p.Excluded)).ToList()));
        }
        return new StatusReport(sp.GetRequiredService<TimeProvider>().GetUtcNow().ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture), list);
    }
}

public sealed record NamndStatus(
    string Id,
    string Namn,
    IReadOnlyList<string> CompletedQuarters,
    IReadOnlyList<RunRecord> LastRuns,
    IReadOnlyList<OpenCase> OpenAtIvo,
    string? LatestQuarter,
    IReadOnlyList<DataQualityEntry> DataQuality);

/// <summary>A case IVO still has open: reported, no closing report yet.</summary>
public sealed record OpenCase(string BeslutId, string Kind, string Lag, string LastQuarter, string FirstQuarter, bool SubmittedToIvo);
