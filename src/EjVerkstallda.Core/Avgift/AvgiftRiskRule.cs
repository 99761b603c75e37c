using EjVerkstallda.Core.Classification;
using EjVerkstallda.Core.Kvartal;

namespace EjVerkstallda.Core.Avgift;

/// <summary>
/// The särskild avgift risk of a quarter's reports (issue 12): IVO can ask förvaltningsrätten for a fee when a beslut is not
/// verkställt in reasonable time, and must serve its application within two years of the beslut or the avbrott. For each
/// open report (ny or kvarstår at E), counted from T as the classifier counts: whole months T→E give the band (6, 12, 18
/// months and more); T plus 24 months is the two-year day; 18 months or more is "near two years" until that day, "past"
/// after it. Closing reports are not open: their delay is over and nothing the handläggare does now changes it.
/// </summary>
public static class AvgiftRiskRule
{
    public const int Fran6 = 6;
    public const int Fran12 = 12;
    public const int Fran18 = 18;
    public const int TvaArManader = 24;

    /// <param name="asOf">E, or the preview's day for a dry run of a quarter that has not ended (as the classifier judged).</param>
    public static AvgiftRisk Assess(IEnumerable<IvoReport> reports, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(reports);
        var fall = reports.Where(r => r.IsOpen)
            .Select(r => Fall(r, asOf))
            .OrderByDescending(f => f.Manader).ThenBy(f => f.Start).ThenBy(f => f.BeslutId, StringComparer.Ordinal).ThenBy(f => f.Kind)
            .ToList();
        var band = Enum.GetValues<AlderBand>().Select(b => new AlderBandAntal(b, fall.Count(f => f.Band == b))).ToList();
        return new AvgiftRisk(asOf, band, fall);
    }

    public static AvgiftRiskFall Fall(IvoReport r, DateOnly asOf)
    {
        var months = Frist.WholeMonths(r.Start, asOf);
        var tvaAr = r.Start.AddMonths(TvaArManader);
        return new AvgiftRiskFall(r.Beslut.Id, r.Kind, r.Beslut.Beslutsdatum, r.Start, months, BandOf(months),
            tvaAr, tvaAr.DayNumber - asOf.DayNumber, LageOf(months, tvaAr, asOf), AvgiftsIntervall.For(r.Lag, r.Beslut.Beslutsdatum));
    }

    public static AlderBand BandOf(int wholeMonths) => wholeMonths switch
    {
        >= Fran18 => AlderBand.Fran18,
        >= Fran12 => AlderBand.Fran12,
        >= Fran6 => AlderBand.Fran6,
        _ => AlderBand.Under6,
    };

    /// <summary>On the two-year day itself an application can still be served: it is near, not past.</summary>
    private static TvaArsLage LageOf(int wholeMonths, DateOnly tvaArsdag, DateOnly asOf) =>
        tvaArsdag < asOf ? TvaArsLage.Passerad : wholeMonths >= Fran18 ? TvaArsLage.NarmarSig : TvaArsLage.Inom;
}
