using EjVerkstallda.Core.Anonymity;
using EjVerkstallda.Core.Beslut;
using EjVerkstallda.Core.Classification;
using EjVerkstallda.Core.Kvartal;
using EjVerkstallda.Core.Statistik;
using EjVerkstallda.Infrastructure.CaseSource;
using EjVerkstallda.Infrastructure.Documents;
using EjVerkstallda.Infrastructure.Output;
using EjVerkstallda.Infrastructure.State;
using EjVerkstallda.Worker.Commands;
using EjVerkstallda.Worker.Delivery;
using EjVerkstallda.Worker.Logging;
using EjVerkstallda.Worker.Options;
using Microsoft.Extensions.Logging;

namespace EjVerkstallda.Worker.Runs;

/// <summary>
/// One quarterly run for one nämnd: read candidates, judge them with Core, write the outputs, then record the ledger.
/// Outputs are written before the ledger, so a crash in between leaves nothing owed that a re-run would not redo.
/// Only a quarter that has ended in the kommun runs for real, under the nämnd's lock (one run of a nämnd at a time, whatever
/// the quarter). A dry run is a preview under <c>dry-run/</c> that touches no state; of the current quarter, as of today.
/// </summary>
public sealed class QuarterlyRunner(
    CaseJudge judge,
    LedgerStore ledger,
    ImportStore imports,
    IvoIdStore ivoIds,
    RunLog runs,
    DeliveryPlanner planner,
    Infrastructure.Outbox.OutboxStore outbox,
    RunLock runLock,
    RunOutputs outputs,
    PublishedKonReader publishedKon,
    FaultInjection faults,
    Lifecycle.QuarterLifecycleService lifecycle,
    EjvOptions options,
    KommunTid kommun,
    TimeProvider clock,
    ILogger<QuarterlyRunner> logger)
{
    /// <param name="by">Who runs it (recorded when the run makes a version); null: the service.</param>
    public async Task<QuarterResult> RunAsync(NamndOptions namnd, Kvartal quarter, bool dryRun, CancellationToken ct, Core.Lifecycle.Actor? by = null)
    {
        var today = kommun.Today(clock);
        if (dryRun) return await RunHeldAsync(namnd, quarter, dryRun, today, by, ct);
        RefuseUnfinished(quarter, today);
        await using var held = await runLock.TryAcquireForNamndAsync(namnd.Id, ct) ?? throw Busy(namnd);
        return await RunHeldAsync(namnd, quarter, dryRun, today, by, ct);
    }

    /// <summary>CONTRACT section 4: a quarter runs for real only after its reporting day E, today in the kommun.</summary>
    private void RefuseUnfinished(Kvartal quarter, DateOnly today)
    {
        if (quarter.HasEnded(today)) return;
        throw new UsageException($"{quarter} has not ended (its last day is {quarter.ReportingDay:yyyy-MM-dd}, today is {today:yyyy-MM-dd} in {kommun.Zone.Id}); " +
            $"a quarter can be run only after its end; preview it with: ejv run --quarter {quarter} --dry-run");
    }

    private static RunBusyException Busy(NamndOptions namnd) =>
        new($"another instance is running nämnd {namnd.Id} right now (one run of a nämnd at a time); nothing was changed, try again when it has finished");

    private async Task<QuarterResult> RunHeldAsync(NamndOptions namnd, Kvartal quarter, bool dryRun, DateOnly today, Core.Lifecycle.Actor? by, CancellationToken ct)
    {
        var q = quarter.ToString();
        var runId = dryRun ? 0 : await runs.StartAsync(namnd.Id, q, dryRun, ct);
        Log.RunStarted(logger, namnd.Id, q, dryRun);
        try
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            var result = await ExecuteAsync(namnd, quarter, dryRun, runId, today, by ?? Core.Lifecycle.Actor.Service, ct);
            if (!dryRun)
                await runs.FinishAsync(runId, result.ToOutcome(), ct);
            Log.RunSucceeded(logger, namnd.Id, q, result.Reports.Count, result.Problems.Count, watch.ElapsedMilliseconds);
            return result;
        }
        catch (Exception ex)
        {
            if (EjvProgram.IsOperational(ex)) Log.RunFailedOperational(logger, namnd.Id, q, EjvProgram.Describe(ex));
            else Log.RunFailed(logger, namnd.Id, q, ex.GetType().Name, ex);
            if (!dryRun) await RecordFailureAsync(namnd, q, runId, ex);
            throw;
        }
    }

    /// <summary>The status log and the administrator learn of every failed run; if the state store itself is down, the log does.</summary>
    private async Task RecordFailureAsync(NamndOptions namnd, string q, long runId, Exception ex)
    {
        var reason = EjvProgram.Describe(ex);
        try
        {
            await runs.FinishAsync(runId, new RunOutcome(RunOutcome.Failed, Message: reason), CancellationToken.None);
            if (planner.Alert(namnd.Id, q, "the quarterly run failed", reason, $"run:{runId}") is { } alert)
                await outbox.EnqueueAsync([alert], CancellationToken.None);
        }
        catch (Exception recordEx) when (EjvProgram.IsOperational(recordEx))
        {
            Log.RunFailureNotRecorded(logger, namnd.Id, q, EjvProgram.Describe(recordEx));
        }
    }

    /// <summary>
    /// The service's run: under the run lock, checks the ledger again (another instance may have just finished the quarter)
    /// and runs only when the quarter is not completed. Null when there was nothing to do.
    /// </summary>
    public async Task<QuarterResult?> RunIfNotCompletedAsync(NamndOptions namnd, Kvartal quarter, CancellationToken ct)
    {
        var today = kommun.Today(clock);
        RefuseUnfinished(quarter, today);
        await using var held = await runLock.TryAcquireForNamndAsync(namnd.Id, ct) ?? throw Busy(namnd);
        if ((await ledger.CompletedQuartersAsync(namnd.Id, ct)).Contains(quarter.ToString())) return null;
        return await RunHeldAsync(namnd, quarter, dryRun: false, today, null, ct);
    }

    private async Task<QuarterResult> ExecuteAsync(NamndOptions namnd, Kvartal quarter, bool dryRun, long runId, DateOnly today, Core.Lifecycle.Actor by, CancellationToken ct)
    {
        // A preview of a quarter that has not ended is judged as of today: what has happened so far.
        DateOnly? asOf = dryRun && !quarter.HasEnded(today) ? today : null;
        var phase = System.Diagnostics.Stopwatch.StartNew();
        long Lap() { var ms = phase.ElapsedMilliseconds; phase.Restart(); return ms; }
        var prior = await ledger.PriorReportsAsync(namnd.Id, quarter.ToString(), ct);
        // After `ejv import history` the ledger knows what was reported by hand: FirstQuarter's guess is not needed.
        var handReportedBefore = Kvartal.TryParse(namnd.FirstQuarter, out var first) && !await imports.HasHistoryAsync(namnd.Id, ct) ? first.FirstDay : (DateOnly?)null;
        var judged = await judge.JudgeAsync(namnd, quarter, prior, asOf, handReportedBefore, ct);
        var (problems, reports, raw) = (judged.Problems, judged.Reports, judged.Raw);
        var readMs = judged.ReadMs;
        problems.AddRange(OwedButNotReported(prior, reports, raw));
        var judgeMs = Lap() - readMs;
        var ids = await ivoIds.AssignAsync(namnd.Id, reports.Select(r => r.Beslut), persist: !dryRun, ct);
        var idsMs = Lap();
        var statistikOptions = StatistikOptionsOf(options, namnd);
        var statistik = StatistikBuilder.Build(quarter, namnd.Id, namnd.Namn, reports, await ledger.TrendAsync(namnd.Id, ct), statistikOptions,
            await publishedKon.PublishedAsync(namnd.Id, quarter, ct));
        var pendingNames = PublicInsatsNamn.Pending(reports.Where(r => r.IsOpen).Select(r => r.Beslut.Insats), statistikOptions.InsatsNamn);
        problems.AddRange(pendingNames.Select(PublicInsatsNamn.ProblemFor));
        var folder = dryRun ? OutputFiles.PreviewFolderFor(options.Output.Folder, namnd.Id, quarter.ToString())
            : OutputFiles.FolderFor(options.Output.Folder, namnd.Id, quarter.ToString());
        string? IvoIdOf(IvoReport r) => Core.Ivo.IvoId.ManualHandlingReason(r.Beslut) is null ? ids.GetValueOrDefault(r.Beslut.PersonId) : null;
        var underlag = IvoUnderlag.From(quarter, namnd.Id, reports, IvoIdOf, problems, asOf);
        var files = await outputs.WriteAsync(namnd, quarter, folder, underlag, statistik, reports, IvoIdOf, problems, today, ct);

        var result = new QuarterResult(namnd, quarter, dryRun, reports, problems, underlag, statistik, folder)
            { PublicBlocked = files.Blocked, PreviewAsOf = asOf, PendingInsatsNamn = pendingNames };
        var outputsMs = Lap();
        await faults.PointAsync(FaultInjection.AfterOutputs, ct);
        if (!dryRun)
        {
            var rows = reports.Select(r => LedgerRow.From(r, IvoIdOf(r))).ToList();
            // The version (or none, when the result is unchanged), its audit event and the draft, in the ledger's transaction.
            await ledger.SaveQuarterAsync(namnd.Id, quarter.ToString(), runId, rows, problems, ct, null, files.Documents,
                (c, tx, t) => lifecycle.RecordRunAsync(c, tx, result, runId, files.Documents, today, by, t));
            await faults.PointAsync(FaultInjection.AfterLedger, ct);
        }
        Log.RunPhases(logger, namnd.Id, quarter.ToString(), readMs, raw.Count, judgeMs, idsMs, outputsMs, Lap());
        return result;
    }

    /// <summary>
    /// Cases IVO still has open that this quarter does not report: their row vanished, was excluded as bad data, was recoded
    /// to a code that is not reported, or a newer avbrott replaced the old one. Never silent: each is listed.
    /// </summary>
    private static IEnumerable<DataQualityProblem> OwedButNotReported(Dictionary<CaseKey, PriorReport> prior, IReadOnlyList<IvoReport> reports, List<RawBeslut> raw)
    {
        var reported = reports.Select(r => r.Key).ToHashSet();
        var delivered = raw.Where(r => r.BeslutId is not null).Select(r => r.BeslutId!.Trim()).ToHashSet(StringComparer.Ordinal);
        return prior
            .Where(p => p.Value.OwesClosingReport && !reported.Contains(p.Key))
            .OrderBy(p => p.Key.BeslutId, StringComparer.Ordinal)
            .Select(p => new DataQualityProblem(p.Key.BeslutId, delivered.Contains(p.Key.BeslutId)
                ? $"reported to IVO earlier ({p.Key.Kind.ToCode()}) but not reported this quarter: its row was excluded, its insats is no longer reportable, or a newer avbrott replaced it; the closing report is still owed"
                : $"reported to IVO earlier ({p.Key.Kind.ToCode()}), but no longer in the case source; the closing report is still owed", Excluded: false));
    }

    public static StatistikOptions StatistikOptionsOf(EjvOptions options, NamndOptions namnd) => new()
    {
        MinCellSize = options.Rules.MinCellSize,
        BandStartMonths = options.Rules.BandStartMonths.Count > 0 ? options.Rules.BandStartMonths : StatistikOptions.Default.BandStartMonths,
        InsatsNamn = options.Statistik.ApprovedFor(namnd),
    };
}

public sealed record QuarterResult(
    NamndOptions Namnd,
    Kvartal Quarter,
    bool DryRun,
    IReadOnlyList<IvoReport> Reports,
    IReadOnlyList<DataQualityProblem> Problems,
    IvoUnderlag Underlag,
    StatistikRapport Statistik,
    string OutputFolder)
{
    /// <summary>What the anonymity guard found when it stopped the public report; null when the report was written.</summary>
    public string? PublicBlocked { get; init; }

    /// <summary>For a dry run of a quarter that has not ended: the day it was judged as of (today in the kommun).</summary>
    public DateOnly? PreviewAsOf { get; init; }

    /// <summary>Insatser printed under a neutral heading because no public name is approved (their catalogue text: for the draft only).</summary>
    public IReadOnlyList<InsatsDefinition> PendingInsatsNamn { get; init; } = [];

    public int Count(ReportStatus s) => Reports.Count(r => r.Status == s);

    public RunOutcome ToOutcome() => new(
        RunOutcome.Succeeded,
        Reports.Count,
        Count(ReportStatus.Ny),
        Count(ReportStatus.Kvarstar),
        Count(ReportStatus.Verkstalld),
        Count(ReportStatus.Avslutad),
        Reports.Count(r => r.Late),
        Underlag.ManualHandling.Count,
        Problems.Count,
        Message: PublicBlocked is null ? null : "public statistikrapport stopped by the anonymity guard: " + PublicBlocked,
        OutputFolder: OutputFolder);
}
