using EjVerkstallda.Core.Avgift;
using EjVerkstallda.Infrastructure.Output;

namespace EjVerkstallda.Worker.Web.Pages;

/// <summary>
/// The särskild avgift risk list of the quarter page: the <c>avgiftRisk</c> the run computed with
/// <see cref="AvgiftRiskRule.Assess"/> (as of E, or the preview's day) and stored in the underlag, read from the state store
/// as the checklist is; each case near or past two years joined to its report for its number in the list, lagrum and insats.
/// No beslut id, person id or name: the number in the quarter's list is the link to the card.
/// </summary>
public sealed record AvgiftRiskList(DateOnly AsOf, IReadOnlyList<(string Band, int Antal)> Band, int Nara, int Passerade, IReadOnlyList<AvgiftRiskRad> Rader)
{
    /// <summary>Null when the underlag was written by a version that kept no risk (the page asks for a new run).</summary>
    public static AvgiftRiskList? From(Checklist c)
    {
        ArgumentNullException.ThrowIfNull(c);
        if (c.Underlag.AvgiftRisk is not { } risk) return null;
        var band = new (AlderBand Band, int Antal)[]
        {
            (AlderBand.Under6, risk.Under6Months), (AlderBand.Fran6, risk.From6Months), (AlderBand.Fran12, risk.From12Months), (AlderBand.Fran18, risk.From18Months),
        }.Select(b => (Capital(AvgiftEtiketter.Band(b.Band)), b.Antal)).ToList();
        var cards = c.Cards.GroupBy(Key).ToDictionary(g => g.Key, g => g.First());
        var rader = risk.Cases.Select(f => AvgiftRiskRad.Of(f, cards.GetValueOrDefault((f.BeslutId, f.Kind, f.Avbrottsdatum)))).ToList();
        return new AvgiftRiskList(risk.AsOf, band, risk.NearTwoYears, risk.PastTwoYears, rader);
    }

    /// <summary>A report is one case: its beslut, its kind and (for an avbrott) its avbrottsdatum.</summary>
    private static (string, string, DateOnly?) Key(ChecklistCard k) => (k.Report.BeslutId, k.Report.Kind, k.Report.Avbrottsdatum);

    internal static string Capital(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}

/// <summary>One case near or past two years, as the page shows it.</summary>
public sealed record AvgiftRiskRad(int? Nr, string Lagrum, string Insats, DateOnly Beslutsdatum, DateOnly? Avbrottsdatum, int Manader,
    string Avgift, string AvgiftLagrum, string Lage)
{
    public static AvgiftRiskRad Of(AvgiftRiskCaseEntry f, ChecklistCard? card)
    {
        var avgift = new AvgiftsIntervall(f.FeeMinKr, f.FeeMaxKr, f.FeeLagrum);
        return new AvgiftRiskRad(card?.Seq, card?.Report.Lagrum ?? "–", card is null ? "–" : Etikett.Text(card.Report.Insats), f.Beslutsdatum,
            f.Avbrottsdatum, f.Months, avgift.Text, avgift.Lagrum, LageOf(f));
    }

    /// <summary>"Närmar sig två år (2027-02-10, om 41 dagar)" or "Mer än två år (sedan 2026-12-01)".</summary>
    private static string LageOf(AvgiftRiskCaseEntry f)
    {
        var day = Etikett.Day(f.TwoYearDay);
        if (f.Position == "past") return $"{AvgiftRiskList.Capital(AvgiftEtiketter.Lage(TvaArsLage.Passerad))} (sedan {day})";
        var when = f.DaysToTwoYearDay switch { 0 => "i dag", 1 => "i morgon", var d => $"om {d} dagar" };
        return $"{AvgiftRiskList.Capital(AvgiftEtiketter.Lage(TvaArsLage.NarmarSig))} ({day}, {when})";
    }
}
