namespace EjVerkstallda.Core.Beslut;

public enum Lag
{
    SoL,
    LSS,
}

public enum Kon
{
    K,
    M,
}

/// <summary>Why a beslut was closed without (further) verkställighet; the codes of the view contract.</summary>
public enum Avslutsorsak
{
    Aterkallad,
    BehovUpphort,
    Avliden,
    Flyttat,
    Annat,
}

public static class Codes
{
    public static string ToCode(this Avslutsorsak o) => o switch
    {
        Avslutsorsak.Aterkallad => "aterkallad",
        Avslutsorsak.BehovUpphort => "behov_upphort",
        Avslutsorsak.Avliden => "avliden",
        Avslutsorsak.Flyttat => "flyttat",
        _ => "annat",
    };

    public static bool TryParseAvslutsorsak(string code, out Avslutsorsak orsak)
    {
        foreach (var o in Enum.GetValues<Avslutsorsak>())
        {
            if (string.Equals(o.ToCode(), code.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                orsak = o;
                return true;
            }
        }
        orsak = default;
        return false;
    }
}
