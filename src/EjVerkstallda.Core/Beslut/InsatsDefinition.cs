namespace EjVerkstallda.Core.Beslut;

/// <summary>One row of <c>ejv_insats</c>: a case-system code mapped to a name, a law and a lagrum code.</summary>
/// <param name="Lagrum">SoL: <c>bistand</c>, <c>ekonomiskt_bistand</c> or <c>utover</c>; LSS: <c>9.1</c> to <c>9.10</c>.</param>
public sealed record InsatsDefinition(string Kod, string Benamning, Lag Lag, string Lagrum)
{
    /// <summary>Bistånd "utöver" (SoL 4 kap. 2 § / 12 kap. 2 §) is never reported.</summary>
    public bool IsReportable => !(Lag == Lag.SoL && Lagrum == LagrumCodes.Utover);
}

public static class LagrumCodes
{
    public const string Bistand = "bistand";
    public const string EkonomisktBistand = "ekonomiskt_bistand";
    public const string Utover = "utover";

    public static bool IsValid(Lag lag, string code) => lag switch
    {
        Lag.SoL => code is Bistand or EkonomisktBistand or Utover,
        Lag.LSS => LssPoint(code) is not null,
        _ => false,
    };

    /// <summary>The 9 § point (1-10) of an LSS lagrum code such as <c>9.4</c>, or null.</summary>
    public static int? LssPoint(string code)
    {
        if (!code.StartsWith("9.", StringComparison.Ordinal)) return null;
        return int.TryParse(code.AsSpan(2), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var p)
            && p is >= 1 and <= 10 ? p : null;
    }
}
