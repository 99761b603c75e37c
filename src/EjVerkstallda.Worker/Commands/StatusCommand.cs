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

    private static string WindowText(IvoWindowView w) => w.State switch
    {
        "overdue" => $"OVERDUE: IVO window closed {w.Closes}; enter them in IVO's e-tjänst now",
        "closing" => $"closing: IVO window closes {w.Closes}",
        _ => $"IVO window {w.Opens} to {w.Closes}",
    };

    /// <summary>What <c>ejv import</c> carried over: per kind the files, newest first, with the start of their SHA-256, when, by whom, how many rows.</summary>
    private static void ImportLines(StringBuilder sb, IReadOnlyList<ImportEntry> imports)
    {
        foreach (var kind in new[] { ImportStore.History, ImportStore.Trend })
        {
            var of = imports.Where(i => i.Kind == kind).ToList();
            if (of.Count == 0 && kind == ImportStore.Trend) continue;
            sb.AppendLine($"Imported {kind}: {(of.Count == 0 ? "none" : string.Join("; ", of.Select(i => $"{i.File} (sha256 {i.Sha256[..Math.Min(12, i.Sha256.Length)]}…) at {i.At} by {i.By}, {i.Rows} row(s)")))}");
        }
    }

    public static string Text(StatusReport report)
    {
        var sb = new StringBuilder();
        if (report.Next is { } next)
        {
            sb.AppendLine($"Next scheduled work (when the service runs): quarterly check {next.QuarterlyCheck ?? "-"}, reminders {next.Reminders ?? "-"}");
            foreach (var d in next.DueQuarters) sb.AppendLine($"  {d}");
            sb.AppendLine();
        }
        foreach (var n in report.Namnder)
        {
            sb.AppendLine($"== {n.Namn} ({n.Id})");
            sb.AppendLine($"Completed quarters: {(n.CompletedQuarters.Count == 0 ? "none yet" : string.Join(", ", n.CompletedQuarters))}");
            ImportLines(sb, n.Imports);
            sb.AppendLine("Last runs:");
            if (n.LastRuns.Count == 0) sb.AppendLine("  none");
            foreach (var r in n.LastRuns)
            {
                var counts = r.Outcome == RunOutcome.Succeeded
                    ? $"{r.Reports} reports (ny {r.Ny}, kvarstår {r.Kvarstar}, verkställd {r.Verkstalld}, avslutad {r.Avslutad}), {r.Late} late, {r.Manual} manual, {r.DataQuality} data-quality{(r.Message is null ? "" : "; " + r.Message)}"
                    : r.Message ?? "";
                sb.AppendLine($"  #{r.RunId} {r.Quarter} {r.Outcome,-9} started {r.StartedAt} finished {r.FinishedAt ?? "-"}  {counts}");
            }
            sb.AppendLine($"Open at IVO, återrapportering owed until closed: {n.OpenAtIvo.Count}");
            foreach (var o in n.OpenAtIvo.Take(200)) sb.AppendLine($"  {o.BeslutId} ({o.Kind}, {o.Lag}) reported since {o.FirstQuarter}, last in {o.LastQuarter}");
            if (n.OpenAtIvo.Count > 200) sb.AppendLine($"  ... and {n.OpenAtIvo.Count - 200} more (ejv status --json lists all)");
            sb.AppendLine($"Awaiting approval: {(n.AwaitingApproval.Count == 0 ? "none" : string.Join(", ", n.AwaitingApproval))}");
            LifecycleStatusText.Append(sb, n.Quarters);
            sb.AppendLine($"IVO reports not marked as entered: {(n.IvoNotSubmitted.Count == 0 ? "none" : "")}");
            foreach (var u in n.IvoNotSubmitted) sb.AppendLine($"  {u.Quarter}: {u.Reports} report(s), of which {u.ClosingReports} closing; {WindowText(u.IvoWindow)}");
            sb.AppendLine($"Mail: {n.MailSent} sent, {n.MailNotSent.Count(m => m.Status == "pending")} pending, {n.MailNotSent.Count(m => m.Status == "failed")} failed");
            foreach (var m in n.MailNotSent) sb.AppendLine($"  {m.Status} {m.MessageId} ({m.Role}) attempts {m.Attempts}, next {m.NextAttemptAt}{(m.LastError is null ? "" : ": " + m.LastError)}");
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
    /// <summary>When the service next looks for due quarters, sends reminders and retries mail (when it runs).</summary>
    public NextWork? Next { get; init; }

    public static async Task<StatusReport> LoadAsync(IServiceProvider sp, IReadOnlyList<NamndOptions> namnder, CancellationToken ct)
    {
        var runs = sp.GetRequiredService<RunLog>();
        var ledger = sp.GetRequiredService<LedgerStore>();
        var imports = sp.GetRequiredService<ImportStore>();
        var clock = sp.GetRequiredService<TimeProvider>();
        var options = sp.GetRequiredService<EjvOptions>();
        var today = sp.GetRequiredService<Core.Kvartal.KommunTid>().Today(clock);
        var list = new List<NamndStatus>();
        foreach (var n in namnder)
        {
            var completed = await ledger.CompletedQuartersAsync(n.Id, ct);
            var latest = completed.Count > 0 ? completed[^1] : null;
            var open = await ledger.OpenCasesAsync(n.Id, ct);
            var firstReported = await ledger.FirstReportedAsync(n.Id, ct);
            var mail = await sp.GetRequiredService<Infrastructure.Outbox.OutboxStore>().ListAsync(n.Id, ct);
            var quarters = await sp.GetRequiredService<Lifecycle.QuarterLifecycleService>().StatusAsync(n.Id, ct);
            var unsubmitted = new List<UnsubmittedQuarter>();
            foreach (var q in completed.TakeLast(4))
            {
                var (count, closing) = await ledger.UnsubmittedAsync(n.Id, q, ct);
                if (count == 0) continue;
                var window = sp.GetRequiredService<Delivery.DeliveryPlanner>().WindowOf(Core.Kvartal.Kvartal.Parse(q)).StatusOn(today, options.Ivo.RemindDaysBefore, count);
                unsubmitted.Add(new UnsubmittedQuarter(q, count, closing, StateDb.Day(window.Closes)) { IvoWindow = IvoWindowView.Of(window) });
            }
            list.Add(new NamndStatus(
                n.Id,
                n.Namn,
                completed,
                await runs.LastAsync(n.Id, 10, ct),
                open.Select(o => new OpenCase(o.BeslutId, o.Kind, o.Lag, o.Quarter, firstReported.GetValueOrDefault((o.BeslutId, o.Kind), o.Quarter), o.SubmittedAt is not null)).ToList(),
                latest,
                latest is null ? [] : (await ledger.DataQualityAsync(n.Id, latest, ct)).Select(p => new DataQualityEntry(p.BeslutId, p.Problem, p.Excluded)).ToList(),
                quarters.Where(q => q.AwaitsApproval).Select(q => q.Quarter).ToList(),
                quarters,
                unsubmitted,
                mail.Count(m => m.Status == "sent"),
                mail.Where(m => m.Status != "sent").ToList())
            {
                Imports = (await imports.BatchesAsync(n.Id, ct)).Select(ImportEntry.Of).ToList(),
            });
        }
        return new StatusReport(Infrastructure.State.StateDb.Now(clock), list) { Next = NextWork.Of(options, clock, today, list) };
    }
}

public sealed record NamndStatus(
    string Id,
    string Namn,
    IReadOnlyList<string> CompletedQuarters,
    IReadOnlyList<RunRecord> LastRuns,
    IReadOnlyList<OpenCase> OpenAtIvo,
    string? LatestQuarter,
    IReadOnlyList<DataQualityEntry> DataQuality,
    IReadOnlyList<string> AwaitingApproval,
    IReadOnlyList<Lifecycle.QuarterStatus> Quarters,
    IReadOnlyList<UnsubmittedQuarter> IvoNotSubmitted,
    int MailSent,
    IReadOnlyList<Infrastructure.Outbox.OutboxEntry> MailNotSent)
{
    /// <summary>What <c>ejv import</c> carried over for the nämnd (<c>ejv_import</c>), newest first.</summary>
    public IReadOnlyList<ImportEntry> Imports { get; init; } = [];
}

/// <summary>One imported file: its kind (<c>history</c>, <c>trend</c>), name, SHA-256, when, by whom (the OS account) and how many rows.</summary>
public sealed record ImportEntry(string Kind, string File, string Sha256, string At, string By, int Rows)
{
    public static ImportEntry Of(ImportBatch b) => new(b.Kind, b.FileName, b.Sha256, b.At, b.By.Id, b.Rows);
}

/// <summary>Reports of a quarter not yet marked as entered in IVO's e-tjänst, with the window's last day and state.</summary>
public sealed record UnsubmittedQuarter(string Quarter, int Reports, int ClosingReports, string WindowCloses)
{
    public IvoWindowView IvoWindow { get; init; } = new("open", "", WindowCloses, Reports);
}

/// <summary>CONTRACT section 4: <c>open</c>, <c>closing</c> (within RemindDaysBefore) or <c>overdue</c> (closed, reports not entered).</summary>
public sealed record IvoWindowView(string State, string Opens, string Closes, int Unsubmitted)
{
    public static IvoWindowView Of(Core.Ivo.IvoWindowStatus s) => new(s.StateCode, StateDb.Day(s.Opens), StateDb.Day(s.Closes), s.Unsubmitted);
}

/// <summary>The next scheduled work: the service's next checks, and per nämnd the next quarter and the day it becomes due.</summary>
public sealed record NextWork(string? QuarterlyCheck, string? Reminders, IReadOnlyList<string> DueQuarters)
{
    /// <param name="today">The kommun's date (<see cref="Core.Kvartal.KommunTid"/>).</param>
    public static NextWork Of(EjvOptions o, TimeProvider clock, DateOnly today, IReadOnlyList<NamndStatus> namnder)
    {
        var now = clock.GetUtcNow();
        static string? Next(string cron, DateTimeOffset now) =>
            Quartz.CronExpression.TryParse(cron, out var c) && c?.GetNextValidTimeAfter(now) is { } t ? Infrastructure.State.StateDb.Format(t) : null;
        var due = namnder.Select(n =>
        {
            var next = n.CompletedQuarters.Count > 0
                ? Core.Kvartal.Kvartal.Parse(n.CompletedQuarters[^1]).Next
                : Core.Kvartal.Kvartal.LastCompletedBefore(today);
            return $"{n.Id} {next} due from {next.ReportingDay.AddDays(o.Schedule.RunDelayDays + 1):yyyy-MM-dd}";
        }).ToList();
        return new NextWork(Next(o.Schedule.QuarterlyCron, now), Next(o.Schedule.ReminderCron, now), due);
    }
}

/// <summary>A case IVO still has open: reported, no closing report yet.</summary>
public sealed record OpenCase(string BeslutId, string Kind, string Lag, string LastQuarter, string FirstQuarter, bool SubmittedToIvo);
