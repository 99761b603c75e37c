using EjVerkstallda.Core.Beslut;

namespace EjVerkstallda.Core.Avgift;

/// <summary>The range of the särskild avgift (kronor) that applies to a beslut, and the statute that gives it.</summary>
public sealed record AvgiftsIntervall(int LagstKr, int HogstKr, string Lagrum)
{
    /// <summary>From this beslutsdatum the higher range applies (SFS 2025:1299 for SoL, SFS 2025:1298 for LSS).</summary>
    public static readonly DateOnly HogreFran = new(2026, 1, 1);

    /// <summary>
    /// DOMAIN.md: 10 000–1 000 000 kr (SoL 2001:453 16 kap. 6 b §, LSS 28 b §, SoL 2025:400 34 kap. 7 § as first enacted);
    /// 15 000–1 500 000 kr for beslut from 2026-01-01 (SoL 2025:400 34 kap. 7 § as amended by SFS 2025:1299, LSS 28 b § as
    /// amended by SFS 2025:1298). Chosen by the beslutsdatum, for an avbrott too.
    /// </summary>
    public static AvgiftsIntervall For(Lag lag, DateOnly beslutsdatum)
    {
        var hogre = beslutsdatum >= HogreFran;
        var lagrum = (lag, hogre) switch
        {
            (Lag.LSS, true) => "28 b § LSS i lydelse enligt SFS 2025:1298",
            (Lag.LSS, false) => "28 b § LSS i äldre lydelse",
            (_, true) => "34 kap. 7 § SoL (2025:400) i lydelse enligt SFS 2025:1299",
            (_, false) when beslutsdatum >= LagrumText.NewSolInForce => "34 kap. 7 § SoL (2025:400) i ursprunglig lydelse",
            _ => "16 kap. 6 b § SoL (2001:453)",
        };
        return hogre ? new AvgiftsIntervall(15_000, 1_500_000, lagrum) : new AvgiftsIntervall(10_000, 1_000_000, lagrum);
    }

    /// <summary>"10 000–1 000 000 kr" (Swedish digit grouping with a no-break space).</summary>
    public string Text => $"{Kr(LagstKr)}–{Kr(HogstKr)} kr";

    private static string Kr(int kr) => kr.ToString("#,0", System.Globalization.CultureInfo.InvariantCulture).Replace(',', '\u00a0');
}
