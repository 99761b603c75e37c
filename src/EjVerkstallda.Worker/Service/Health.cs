using EjVerkstallda.Worker.Commands;
using EjVerkstallda.Worker.Options;
using Microsoft.Extensions.DependencyInjection;

namespace EjVerkstallda.Worker.Service;

/// <summary>The health summary shared by the endpoint and <c>ejv status --json</c>: ids and counts only.</summary>
public sealed record Health(string Status, bool StateStoreReachable, string? Reason, IReadOnlyList<NamndHealth> Namnder)
{
    public const string Healthy = "healthy";
    public const string Degraded = "degraded";
    public const string Unhealthy = "unhealthy";

    public static async Task<Health> CheckAsync(IServiceProvider services, EjvOptions options, CancellationToken ct)
    {
        StatusReport report;
        try
        {
            report = await StatusReport.LoadAsync(services, options.Namnder, ct);
        }
        catch (Exception ex) when (EjvProgram.IsOperational(ex))
        {
            return new Health(Unhealthy, false, EjvProgram.Describe(ex), []);
        }
        var namnder = report.Namnder.Select(NamndHealth.Of).ToList();
        var status = namnder.Any(n => n.LastRunFailed || n.MailFailed > 0) ? Unhealthy
            : namnder.Any(n => n.MailPending > 0 || n.IvoOverdue > 0) ? Degraded : Healthy;
        return new Health(status, true, ReasonOf(report.Namnder, namnder), namnder);
    }

    /// <summary>Why the service is not healthy, in ids and counts; null when it is.</summary>
    private static string? ReasonOf(IReadOnlyList<NamndStatus> status, IReadOnlyList<NamndHealth> health)
    {
        var overdue = status.SelectMany(n => n.IvoNotSubmitted.Where(u => u.IvoWindow.State == "overdue").Select(u => $"{n.Id} {u.Quarter} ({u.Reports})")).ToList();
        string?[] parts =
        [
            .. health.Where(n => n.LastRunFailed).Select(n => $"last run failed: {n.Id} {n.LastRunQuarter}"),
            .. health.Where(n => n.MailFailed > 0).Select(n => $"e-mail failed: {n.Id} ({n.MailFailed})"),
            overdue.Count > 0 ? "IVO reports overdue: " + string.Join(", ", overdue) : null,
            .. health.Where(n => n.MailPending > 0).Select(n => $"e-mail pending: {n.Id} ({n.MailPending})"),
        ];
        var reasons = parts.OfType<string>().ToList();
        return reasons.Count == 0 ? null : string.Join("; ", reasons);
    }
}

public sealed record NamndHealth(string Id, string? LastRunQuarter, string? LastRunOutcome, bool LastRunFailed, int MailPending, int MailFailed, int IvoOverdue, int OpenAtIvo)
{
    /// <summary>IVO reports are overdue when the status says so (the Core rule, as of the kommun's today).</summary>
    public static NamndHealth Of(NamndStatus n)
    {
        var last = n.LastRuns.FirstOrDefault();
        return new NamndHealth(n.Id, last?.Quarter, last?.Outcome, last?.Outcome == Infrastructure.State.RunOutcome.Failed,
            n.MailNotSent.Count(m => m.Status == "pending"), n.MailNotSent.Count(m => m.Status == "failed"),
            n.IvoNotSubmitted.Where(u => u.IvoWindow.State == "overdue").Sum(u => u.Reports), n.OpenAtIvo.Count);
    }
}
