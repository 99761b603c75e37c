using EjVerkstallda.Core.Beslut;

namespace EjVerkstallda.Infrastructure.Demo;

/// <summary>The insats codes of the fictional demo kommun (its own codes, mapped by <c>ejv_insats</c>).</summary>
public static class DemoCatalogue
{
    public static readonly IReadOnlyList<InsatsDefinition> Insatser =
    [
        new("SABO", "Särskilt boende", Lag.SoL, LagrumCodes.Bistand),
        new("HTJ", "Hemtjänst", Lag.SoL, LagrumCodes.Bistand),
        new("KPS", "Kontaktperson", Lag.SoL, LagrumCodes.Bistand),
        new("KFAM", "Kontaktfamilj", Lag.SoL, LagrumCodes.Bistand),
        new("BST", "Boendestöd", Lag.SoL, LagrumCodes.Bistand),
        new("DAGV", "Dagverksamhet", Lag.SoL, LagrumCodes.Bistand),
        new("KTV", "Korttidsvistelse", Lag.SoL, LagrumCodes.Bistand),
        new("MBV", "Missbruksvård", Lag.SoL, LagrumCodes.Bistand),
        new("EKB", "Ekonomiskt bistånd", Lag.SoL, LagrumCodes.EkonomisktBistand),
        new("HTJU", "Hemtjänst utöver", Lag.SoL, LagrumCodes.Utover),
        new("L2", "Personlig assistans", Lag.LSS, "9.2"),
        new("L3", "Ledsagarservice", Lag.LSS, "9.3"),
        new("L4", "Kontaktperson", Lag.LSS, "9.4"),
        new("L5", "Avlösarservice i hemmet", Lag.LSS, "9.5"),
        new("L6", "Korttidsvistelse utanför det egna hemmet", Lag.LSS, "9.6"),
        new("L7", "Korttidstillsyn för skolungdom över 12 år", Lag.LSS, "9.7"),
        new("L8", "Boende för barn eller ungdomar", Lag.LSS, "9.8"),
        new("L9", "Bostad med särskild service för vuxna", Lag.LSS, "9.9"),
        new("L10", "Daglig verksamhet", Lag.LSS, "9.10"),
    ];

    /// <summary>Relative frequency of each code in the demo (same order as <see cref="Insatser"/>).</summary>
    public static readonly IReadOnlyList<int> Weights = [10, 30, 8, 4, 10, 5, 6, 3, 6, 2, 4, 3, 6, 2, 3, 1, 1, 5, 7];

    /// <summary>Generic reasons: the demo's free text never names anyone, but is treated as confidential like real text.</summary>
    public static readonly IReadOnlyList<string> Reasons =
    [
        "Ingen ledig plats på önskat boende",
        "Väntar på lämplig uppdragstagare",
        "Den enskilde har tackat nej till erbjudandet",
        "Den enskilde vill avvakta",
        "Resursbrist i verksamheten",
        "Väntar på svar från den enskilde",
    ];
}
