using EjVerkstallda.Core.Beslut;

namespace EjVerkstallda.Core.Classification;

/// <summary>
/// The Swedish labels of the codes (kinds, statuses, avslutsorsaker, manual-handling reasons) for everything a
/// handläggare or a nämnd reads: documents, mails and <c>ejv ivo list</c>. The JSON files keep the codes.
/// </summary>
public static class Etiketter
{
    public static string Kind(CaseKind k) => k == CaseKind.Avbrott ? "avbrott i verkställighet" : "ej verkställt beslut";

    public static string Kind(string code) => Kind(CaseCodes.ParseKind(code));

    /// <summary>A closing report of an avbrott is "Återupptagen"; of a beslut never verkställt, "Verkställd".</summary>
    public static string Status(ReportStatus s, CaseKind k) => s switch
    {
        ReportStatus.Ny => "Ny",
        ReportStatus.Kvarstar => "Kvarstår",
        ReportStatus.Verkstalld => k == CaseKind.Avbrott ? "Återupptagen" : "Verkställd",
        _ => "Avslutad",
    };

    public static string Status(string statusCode, string kindCode) => Status(CaseCodes.ParseStatus(statusCode), CaseCodes.ParseKind(kindCode));

    /// <summary>The label of the closing day: "Återupptaget" for an avbrott, "Verkställt" otherwise.</summary>
    public static string ClosingDay(CaseKind k) => k == CaseKind.Avbrott ? "Återupptaget" : "Verkställt";

    public static string Avslutsorsak(Beslut.Avslutsorsak o) => o switch
    {
        Beslut.Avslutsorsak.Aterkallad => "Återkallad",
        Beslut.Avslutsorsak.BehovUpphort => "Behov upphört",
        Beslut.Avslutsorsak.Avliden => "Avliden",
        Beslut.Avslutsorsak.Flyttat => "Flyttat",
        _ => "Annat",
    };

    public static string Avslutsorsak(string code) => Codes.TryParseAvslutsorsak(code, out var o) ? Avslutsorsak(o) : "Annat";

    /// <summary>Swedish text for the manual-handling reason codes (kept with the rule, in <see cref="ManualHandling"/>).</summary>
    public static string ManualReason(string? code) => ManualHandling.SwedishText(code);
}
