using EjVerkstallda.Core.Classification;

namespace EjVerkstallda.Core.Avgift;

/// <summary>How long an open case has waited, in whole months from T (beslutsdatum or avbrottsdatum) to E.</summary>
public enum AlderBand
{
    /// <summary>Under 6 months (3–5: reportable, not yet in a risk band).</summary>
    Under6,
    Fran6,
    Fran12,
    Fran18,
}

/// <summary>Where a case stands towards the two years within which IVO must serve an application for särskild avgift.</summary>
public enum TvaArsLage
{
    /// <summary>Less than 18 whole months since T.</summary>
    Inom,

    /// <summary>18 whole months or more since T, and the two-year day (T plus 24 months) is E or later: within six months of it.</summary>
    NarmarSig,

    /// <summary>The two-year day is before E.</summary>
    Passerad,
}

/// <summary>One open case as the fee risk sees it. <see cref="DagarTillTvaAr"/> is negative once the two-year day has passed.</summary>
public sealed record AvgiftRiskFall(
    string BeslutId,
    CaseKind Kind,
    DateOnly Beslutsdatum,
    DateOnly Start,
    int Manader,
    AlderBand Band,
    DateOnly TvaArsdag,
    int DagarTillTvaAr,
    TvaArsLage Lage,
    AvgiftsIntervall Avgift);

public sealed record AlderBandAntal(AlderBand Band, int Antal);

/// <summary>The särskild avgift risk of a quarter: open cases by age band, and those near or past two years.</summary>
public sealed record AvgiftRisk(DateOnly AsOf, IReadOnlyList<AlderBandAntal> Band, IReadOnlyList<AvgiftRiskFall> Fall)
{
    public int Oppna => Fall.Count;
    public int Antal(AlderBand band) => Band.Single(b => b.Band == band).Antal;
    public IReadOnlyList<AvgiftRiskFall> NaraTvaAr => Fall.Where(f => f.Lage != TvaArsLage.Inom).ToList();
    public int Antal(TvaArsLage lage) => Fall.Count(f => f.Lage == lage);
}
