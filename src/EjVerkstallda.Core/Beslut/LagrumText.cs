namespace EjVerkstallda.Core.Beslut;

/// <summary>The printed lagrum, following the law in force on the beslutsdatum.</summary>
public static class LagrumText
{
    /// <summary>SoL (2025:400) entered into force on this day.</summary>
    public static readonly DateOnly NewSolInForce = new(2025, 7, 1);

    /// <param name="labelOldSolAsNew">
    /// Unverified how IVO labels pre-July-2025 beslut today; when true, every SoL beslut is printed with the 2025:400 paragraphs.
    /// </param>
    public static string For(InsatsDefinition insats, DateOnly beslutsdatum, bool labelOldSolAsNew = false)
    {
        if (insats.Lag == Lag.LSS) return $"9 § {LagrumCodes.LssPoint(insats.Lagrum)} LSS";
        var newLaw = labelOldSolAsNew || beslutsdatum >= NewSolInForce;
        return (insats.Lagrum, newLaw) switch
        {
            (LagrumCodes.EkonomisktBistand, true) => "12 kap. 1 § SoL (2025:400)",
            (LagrumCodes.Utover, true) => "12 kap. 2 § SoL (2025:400)",
            (_, true) => "11 kap. 1 § SoL (2025:400)",
            (LagrumCodes.Utover, false) => "4 kap. 2 § SoL (2001:453)",
            _ => "4 kap. 1 § SoL (2001:453)",
        };
    }

    /// <summary>The reporting paragraphs that apply to a beslut (used in the tjänsteskrivelse).</summary>
    public static string ReportingParagraphs(Lag lag, DateOnly beslutsdatum) => lag switch
    {
        Lag.LSS => "28 f–h §§ LSS",
        _ when beslutsdatum >= NewSolInForce => "34 kap. 1–3 §§ SoL (2025:400)",
        _ => "16 kap. 6 f–h §§ SoL (2001:453)",
    };
}
