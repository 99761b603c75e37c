namespace EjVerkstallda.Core.Avgift;

/// <summary>The Swedish words of the fee risk: the same in the underlag and the draft e-mail.</summary>
public static class AvgiftEtiketter
{
    public static string Band(AlderBand band) => band switch
    {
        AlderBand.Under6 => "under 6 månader",
        AlderBand.Fran6 => "6–11 månader",
        AlderBand.Fran12 => "12–17 månader",
        _ => "18 månader eller mer",
    };

    public static string Lage(TvaArsLage lage) => lage switch
    {
        TvaArsLage.NarmarSig => "närmar sig två år",
        TvaArsLage.Passerad => "mer än två år",
        _ => "",
    };
}
