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
        var today = (Core.Kvartal.KommunTid.TryFind(options.Rules.TimeZone) ?? Core.Kvartal.KommunTid.Stockholm).Today(services.GetRequiredService<TimeProvider>());
        var namnder = report.Namnder.Select(n => NamndHealth.Of(n, today)).ToList();
        var status = namnder.Any(n => n.LastRunFailed || n.MailFailed > 0) ? Unhealthy
            : namnder.Any(n => n.MailPending > 0 || n.IvoOverdue > 0) ? Degraded : Healthy;
        return new Health(status, true, null, namnder);
    }
}

public sealed record NamndHealth(string Id, string? LastRunQuarter, string? LastRunOutcome, bool LastRunFailed, int MailPending, int MailFailed, int IvoOverdue, int OpenAtIvo)
{
    /// <summary><paramref name="day"/> is the service's today (its clock, which Ejv:Testing:ClockStart may shift).</summary>
    public static NamndHealth Of(NamndStatus n, DateOnly day)
    {
        var last = n.LastRuns.FirstOrDefault();
        var today = day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return new NamndHealth(n.Id, last?.Quarter, last?.Outcome, last?.Outcome == Infrastructure.State.RunOutcome.Failed,
            n.MailNotSent.Count(m => m.Status == "pending"), n.MailNotSent.Count(m => m.Status == "failed"),
            n.IvoNotSubmitted.Where(u => string.CompareOrdinal(u.WindowCloses, today) < 0).Sum(u => u.Reports), n.OpenAtIvo.Count);
    }
}
