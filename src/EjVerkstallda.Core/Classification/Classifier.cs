using EjVerkstallda.Core.Beslut;
using EjVerkstallda.Core.Kvartal;

namespace EjVerkstallda.Core.Classification;

/// <summary>
/// The reporting rules of CONTRACT.md section 3, judged as of the quarter's reporting day E:
/// a date after E has not happened yet, so a past quarter judged again gives the same result.
/// </summary>
public static class Classifier
{
    public static ClassificationResult Classify(
        Kvartal.Kvartal quarter,
        IEnumerable<Beslut.Beslut> beslut,
        Func<CaseKey, PriorReport> prior,
        ClassificationOptions? options = null)
    {
        options ??= ClassificationOptions.Default;
        var reports = new List<IvoReport>();
        var notes = new List<DataQualityProblem>();
        foreach (var b in beslut)
        {
            if (!b.Insats.IsReportable) continue;
            foreach (var c in CasesOf(b, options.AsOf ?? quarter.ReportingDay))
            {
                var report = Judge(quarter, b, c, prior(CaseKey.Of(b.Id, c.Kind, c.Start)), options, notes);
                if (report is not null) reports.Add(report);
            }
        }
        notes.AddRange(reports.Select(r => r.Beslut).DistinctBy(b => b.Id).Select(ManualHandling.DataQualityNote).OfType<DataQualityProblem>());
        return new ClassificationResult(Order(reports), notes);
    }

    public static IReadOnlyList<IvoReport> Order(IEnumerable<IvoReport> reports) =>
        reports
            .OrderBy(r => r.Lag)
            .ThenBy(r => r.Beslut.Insats.Benamning, StringComparer.Ordinal)
            .ThenBy(r => r.Beslut.Beslutsdatum)
            .ThenBy(r => r.Beslut.Id, StringComparer.Ordinal)
            .ThenBy(r => r.Kind)
            .ToList();

    private readonly record struct Case(CaseKind Kind, DateOnly Start, DateOnly? Verkstallt, DateOnly? Avslutat);

    private static IEnumerable<Case> CasesOf(Beslut.Beslut b, DateOnly e)
    {
        var avslut = AsOf(b.Avslutsdatum, e);
        yield return new Case(CaseKind.EjVerkstallt, b.Beslutsdatum, AsOf(b.Verkstallighetsdatum, e), avslut);
        if (AsOf(b.Avbrottsdatum, e) is { } avbrott)
            yield return new Case(CaseKind.Avbrott, avbrott, AsOf(b.Aterupptagandedatum, e), avslut);
    }

    private static DateOnly? AsOf(DateOnly? day, DateOnly e) => day <= e ? day : null;

    private static IvoReport? Judge(Kvartal.Kvartal q, Beslut.Beslut b, Case c, PriorReport prior, ClassificationOptions options, List<DataQualityProblem> notes)
    {
        if (prior.Closed) return null;
        var e = options.AsOf ?? q.ReportingDay;
        var deadline = Frist.Deadline(c.Start);
        if (deadline >= e) return null;

        var (closing, status) = ClosingOf(c);
        if (!prior.Reported && WasHandReported(deadline, closing, options))
            prior = new PriorReport(Reported: true, Closed: false);
        if (closing <= deadline)
        {
            if (!prior.Reported) return null;
            // The case system now says it was closed in time, but IVO has it open: the closing report is still owed.
            notes.Add(new DataQualityProblem(b.Id, "reported to IVO earlier but now closed within three months in the case system; check the dates", Excluded: false));
        }
        else if (closing < q.FirstDay && !prior.Reported)
        {
            return null;
        }

        return new IvoReport
        {
            Beslut = b,
            Kind = c.Kind,
            Status = closing is null ? (prior.Reported ? ReportStatus.Kvarstar : ReportStatus.Ny) : status,
            Late = deadline < q.PreviousReportingDay && !prior.Reported,
            Lagrum = LagrumText.For(b.Insats, b.Beslutsdatum, options.LabelOldSolAsNew),
            Start = c.Start,
            Deadline = deadline,
            ClosingDay = closing,
            DaysSinceStart = (closing ?? e).DayNumber - c.Start.DayNumber,
        };
    }

    /// <summary>
    /// Before the ledger's first quarter the kommun reported by hand: a case reportable at the reporting day E of the quarter
    /// before it (D &lt; E) and not closed by that day is open at IVO. A deadline on that E itself was not reportable then.
    /// </summary>
    private static bool WasHandReported(DateOnly deadline, DateOnly? closing, ClassificationOptions options)
    {
        if (options.HandReportedBefore is not { } firstDay) return false;
        var previousE = firstDay.AddDays(-1);
        return deadline < previousE && !(closing <= previousE);
    }

    /// <summary>C: the earliest of verkställighet and avslut; on the same day verkställighet wins.</summary>
    private static (DateOnly?, ReportStatus) ClosingOf(Case c) => (c.Verkstallt, c.Avslutat) switch
    {
        (null, null) => (null, ReportStatus.Ny),
        ({ } v, null) => (v, ReportStatus.Verkstalld),
        (null, { } a) => (a, ReportStatus.Avslutad),
        ({ } v, { } a) => v <= a ? (v, ReportStatus.Verkstalld) : (a, ReportStatus.Avslutad),
    };
}

public sealed record ClassificationResult(IReadOnlyList<IvoReport> Reports, IReadOnlyList<DataQualityProblem> Notes);
