namespace EjVerkstallda.Core.Classification;

/// <summary><c>ej_verkstallt</c> counts from the beslutsdatum, <c>avbrott</c> from the avbrottsdatum.</summary>
public enum CaseKind
{
    EjVerkstallt,
    Avbrott,
}

/// <summary>The status of one IVO report in a quarter.</summary>
public enum ReportStatus
{
    /// <summary>First report, open at E.</summary>
    Ny,

    /// <summary>Reported in an earlier quarter, still open at E.</summary>
    Kvarstar,

    /// <summary>Closing report: verkställt (or återupptaget, for an avbrott).</summary>
    Verkstalld,

    /// <summary>Closing report: avslutat av annan anledning.</summary>
    Avslutad,
}

public static class CaseCodes
{
    public static string ToCode(this CaseKind k) => k == CaseKind.Avbrott ? "avbrott" : "ej_verkstallt";

    public static CaseKind ParseKind(string code) => code switch
    {
        "ej_verkstallt" => CaseKind.EjVerkstallt,
        "avbrott" => CaseKind.Avbrott,
        _ => throw new FormatException($"unknown case kind '{code}'"),
    };

    public static string ToCode(this ReportStatus s) => s switch
    {
        ReportStatus.Ny => "ny",
        ReportStatus.Kvarstar => "kvarstar",
        ReportStatus.Verkstalld => "verkstalld",
        _ => "avslutad",
    };

    public static ReportStatus ParseStatus(string code) => code switch
    {
        "ny" => ReportStatus.Ny,
        "kvarstar" => ReportStatus.Kvarstar,
        "verkstalld" => ReportStatus.Verkstalld,
        "avslutad" => ReportStatus.Avslutad,
        _ => throw new FormatException($"unknown report status '{code}'"),
    };

    public static bool IsClosing(this ReportStatus s) => s is ReportStatus.Verkstalld or ReportStatus.Avslutad;
}

/// <summary>
/// A case is one beslut counted from one start: the same beslut can be late once and interrupted later, and interrupted
/// more than once; each avbrott is its own case, told apart by its date.
/// </summary>
public readonly record struct CaseKey(string BeslutId, CaseKind Kind, DateOnly? AvbrottStart = null)
{
    public static CaseKey Of(string beslutId, CaseKind kind, DateOnly start) =>
        new(beslutId, kind, kind == CaseKind.Avbrott ? start : null);
}
