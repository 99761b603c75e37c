using EjVerkstallda.Core.Avgift;
using EjVerkstallda.Core.Classification;

namespace EjVerkstallda.Infrastructure.Output;

/// <summary>
/// <c>avgiftRisk</c> in <c>ivo-underlag.json</c> (confidential, an addition to CONTRACT section 3): the open cases per age
/// band (whole months from T to E) and those within six months of two years, or past it, with the fee range by beslutsdatum.
/// </summary>
public sealed record AvgiftRiskEntry(
    DateOnly AsOf,
    int Open,
    int Under6Months,
    int From6Months,
    int From12Months,
    int From18Months,
    int NearTwoYears,
    int PastTwoYears,
    IReadOnlyList<AvgiftRiskCaseEntry> Cases)
{
    public static AvgiftRiskEntry From(AvgiftRisk r) => new(
        r.AsOf, r.Oppna, r.Antal(AlderBand.Under6), r.Antal(AlderBand.Fran6), r.Antal(AlderBand.Fran12), r.Antal(AlderBand.Fran18),
        r.Antal(TvaArsLage.NarmarSig), r.Antal(TvaArsLage.Passerad),
        r.NaraTvaAr.Select(AvgiftRiskCaseEntry.From).ToList());
}

/// <summary>One case near or past two years. <c>position</c> is <c>near</c> or <c>past</c>.</summary>
public sealed record AvgiftRiskCaseEntry(
    string BeslutId,
    string Kind,
    DateOnly Beslutsdatum,
    DateOnly? Avbrottsdatum,
    int Months,
    DateOnly TwoYearDay,
    int DaysToTwoYearDay,
    string Position,
    int FeeMinKr,
    int FeeMaxKr,
    string FeeLagrum)
{
    public static AvgiftRiskCaseEntry From(AvgiftRiskFall f) => new(
        f.BeslutId, f.Kind.ToCode(), f.Beslutsdatum, f.Kind == CaseKind.Avbrott ? f.Start : null, f.Manader, f.TvaArsdag,
        f.DagarTillTvaAr, f.Lage == TvaArsLage.Passerad ? "past" : "near", f.Avgift.LagstKr, f.Avgift.HogstKr, f.Avgift.Lagrum);
}
