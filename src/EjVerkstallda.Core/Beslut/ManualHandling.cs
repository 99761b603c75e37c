namespace EjVerkstallda.Core.Beslut;

/// <summary>Why a reported beslut's person gets no IVO identifier and must be reported to IVO by hand.</summary>
public enum ManualReason
{
    SkyddadIdentitet,
    FodelsedatumSaknas,

    /// <summary>Malformed, implausible (before 1901 or after 2099) or after the beslutsdatum.</summary>
    FodelsedatumOgiltigt,
    KonSaknas,

    /// <summary>Neither K nor M.</summary>
    KonOkant,
}

/// <summary>
/// The one rule for manual handling (CONTRACT section 4): skyddad identitet, or person data an IVO identifier cannot be
/// formed from. Such a beslut is still judged and reported, with <c>ivoId</c> null; a defect in the person data (not a
/// skyddad identitet) is also listed in the data-quality list, not excluded. Codes are stable English-like keys for logs and
/// files; <see cref="SwedishText"/> is what people read.
/// </summary>
public static class ManualHandling
{
    public static ManualReason? ReasonOf(Beslut b)
    {
        ArgumentNullException.ThrowIfNull(b);
        if (b.SkyddadIdentitet) return ManualReason.SkyddadIdentitet;
        if (b.Fodelsedatum is null) return b.PersonDataDefect == ManualReason.FodelsedatumOgiltigt ? ManualReason.FodelsedatumOgiltigt : ManualReason.FodelsedatumSaknas;
        if (b.Kon is null) return b.PersonDataDefect == ManualReason.KonOkant ? ManualReason.KonOkant : ManualReason.KonSaknas;
        return null;
    }

    public static string ToCode(this ManualReason r) => r switch
    {
        ManualReason.SkyddadIdentitet => "skyddad_identitet",
        ManualReason.FodelsedatumSaknas => "fodelsedatum_saknas",
        ManualReason.FodelsedatumOgiltigt => "fodelsedatum_ogiltigt",
        ManualReason.KonSaknas => "kon_saknas",
        _ => "kon_okant",
    };

    /// <summary>The Swedish text for a reason code of <see cref="ToCode"/> (for the handläggare's documents and mails).</summary>
    public static string SwedishText(string? code) => code switch
    {
        "skyddad_identitet" => "Skyddade personuppgifter: rapporteras manuellt",
        "fodelsedatum_saknas" => "Födelsedatum saknas: IVO-identifierare kan inte bildas",
        "fodelsedatum_ogiltigt" => "Födelsedatum felaktigt, orimligt eller efter beslutet: IVO-identifierare kan inte bildas",
        "kon_saknas" => "Kön saknas: IVO-identifierare kan inte bildas",
        "kon_okant" => "Kön varken K eller M: IVO-identifierare kan inte bildas",
        _ => "IVO-identifierare saknas",
    };

    /// <summary>The data-quality entry for a reported beslut whose person data is defective; null when there is none to list.</summary>
    public static DataQualityProblem? DataQualityNote(Beslut b) => ReasonOf(b) switch
    {
        null or ManualReason.SkyddadIdentitet => null,
        { } r => new DataQualityProblem(b.Id, ProblemText(r), Excluded: false),
    };

    private static string ProblemText(ManualReason r) => r switch
    {
        ManualReason.FodelsedatumSaknas => "fodelsedatum missing; reported without IVO identifier (manual handling)",
        ManualReason.FodelsedatumOgiltigt => "fodelsedatum malformed, implausible or after beslutsdatum; reported without IVO identifier (manual handling)",
        ManualReason.KonSaknas => "kon missing; reported without IVO identifier (manual handling)",
        _ => "kon is neither K nor M; reported without IVO identifier (manual handling)",
    };
}
