using EjVerkstallda.Core.Beslut;
using EjVerkstallda.Core.Classification;

namespace EjVerkstallda.Infrastructure.Output;

/// <summary><c>ivo-underlag.json</c>: confidential, for the handläggare. Shape fixed by CONTRACT.md section 3; extra fields are additions.</summary>
public sealed record IvoUnderlag(
    string Quarter,
    DateOnly ReportingDay,
    string Namnd,
    IReadOnlyList<IvoUnderlagEntry> Reports,
    IReadOnlyList<DataQualityEntry> DataQuality,
    IReadOnlyList<ManualHandlingEntry> ManualHandling)
{
    /// <summary>A dry run of a quarter that has not ended: the day it was judged as of (a preview); null for every real run.</summary>
    public DateOnly? PreviewAsOf { get; init; }

    /// <summary>The särskild avgift risk of the quarter's open reports (an addition; null in an underlag of an older version).</summary>
    public AvgiftRiskEntry? AvgiftRisk { get; init; }

    /// <param name="ivoIdOf">The run's one rule for a report's IVO identifier (null for manual handling).</param>
    /// <param name="previewAsOf">For the preview of an unfinished quarter: the day judged as of, instead of E.</param>
    public static IvoUnderlag From(Core.Kvartal.Kvartal quarter, string namnd, IReadOnlyList<IvoReport> reports,
        Func<IvoReport, string?> ivoIdOf, IReadOnlyList<DataQualityProblem> problems, DateOnly? previewAsOf = null) => new(
        quarter.ToString(),
        quarter.ReportingDay,
        namnd,
        reports.Select(r => IvoUnderlagEntry.From(r, ivoIdOf(r), previewAsOf ?? quarter.ReportingDay)).ToList(),
        problems.Select(p => new DataQualityEntry(p.BeslutId, p.Problem, p.Excluded)).ToList(),
        reports.Where(r => Core.Ivo.IvoId.ManualHandlingReason(r.Beslut) is not null)
            .Select(r => new ManualHandlingEntry(r.Beslut.Id, r.Kind.ToCode(), Core.Ivo.IvoId.ManualHandlingReason(r.Beslut)!))
            .ToList())
    {
        PreviewAsOf = previewAsOf,
        AvgiftRisk = AvgiftRiskEntry.From(Core.Avgift.AvgiftRiskRule.Assess(reports, previewAsOf ?? quarter.ReportingDay)),
    };
}

public sealed record IvoUnderlagEntry
{
    public required string BeslutId { get; init; }
    public required string Kind { get; init; }
    public required string Status { get; init; }
    public required bool Late { get; init; }
    public required string Lag { get; init; }
    public required string Lagrum { get; init; }
    public required string InsatsKod { get; init; }
    public required string Insats { get; init; }
    public required DateOnly Beslutsdatum { get; init; }
    public DateOnly? Avbrottsdatum { get; init; }
    public required DateOnly Deadline { get; init; }
    public DateOnly? Verkstallighetsdatum { get; init; }
    public DateOnly? Avslutsdatum { get; init; }
    public string? Avslutsorsak { get; init; }
    public string? IvoId { get; init; }
    public required int DaysSinceStart { get; init; }
    public string? Kon { get; init; }
    public DateOnly? Erbjudandedatum { get; init; }
    public bool? TackatNej { get; init; }
    public string? Skal { get; init; }

    /// <param name="reportingDay">E: an offer made after it has not happened yet, as for every other date.</param>
    public static IvoUnderlagEntry From(IvoReport r, string? ivoId, DateOnly reportingDay) => new()
    {
        BeslutId = r.Beslut.Id,
        Kind = r.Kind.ToCode(),
        Status = r.Status.ToCode(),
        Late = r.Late,
        Lag = r.Lag.ToString(),
        Lagrum = r.Lagrum,
        InsatsKod = r.Beslut.Insats.Kod,
        Insats = r.Beslut.Insats.Benamning,
        Beslutsdatum = r.Beslut.Beslutsdatum,
        Avbrottsdatum = r.Kind == CaseKind.Avbrott ? r.Start : null,
        Deadline = r.Deadline,
        Verkstallighetsdatum = r.Verkstallighetsdatum,
        Avslutsdatum = r.Avslutsdatum,
        Avslutsorsak = r.Avslutsorsak?.ToCode(),
        IvoId = ivoId,
        DaysSinceStart = r.DaysSinceStart,
        Kon = r.Beslut.SkyddadIdentitet ? null : r.Beslut.Kon?.ToString(),
        Erbjudandedatum = r.Beslut.Erbjudandedatum <= reportingDay ? r.Beslut.Erbjudandedatum : null,
        TackatNej = r.Beslut.Erbjudandedatum is null || r.Beslut.Erbjudandedatum <= reportingDay ? r.Beslut.TackatNej : null,
        Skal = r.Beslut.Skal,
    };
}

public sealed record DataQualityEntry(string? BeslutId, string Problem, bool Excluded);

public sealed record ManualHandlingEntry(string BeslutId, string Kind, string Reason);
