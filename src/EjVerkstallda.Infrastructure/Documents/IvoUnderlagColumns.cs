using EjVerkstallda.Core.Beslut;
using EjVerkstallda.Core.Classification;

namespace EjVerkstallda.Infrastructure.Documents;

/// <summary>One row of the IVO underlag: a report and the IVO identifier the state store gave its person (null: manual handling).</summary>
public sealed record IvoUnderlagRow(IvoReport Report, string? IvoId);

/// <summary>A column of the "IVO-rapporter" sheet: its header, width (characters) and value (string, int, DateOnly or null).</summary>
public sealed record IvoUnderlagColumn(string Header, double Width, Func<IvoUnderlagRow, object?> Value);

/// <summary>
/// The columns of the IVO underlag, in the order of IVO's e-tjänst as far as it is known. IVO's exact field list is
/// unverified (DOMAIN.md): this list is the one place to change when it is.
/// </summary>
public static class IvoUnderlagColumns
{
    public static readonly IReadOnlyList<IvoUnderlagColumn> All =
    [
        new("Beslut-id", 14, r => r.Report.Beslut.Id),
        new("Lagrum", 24, r => r.Report.Lagrum),
        new("Insats", 30, r => r.Report.Beslut.Insats.Benamning),
        new("Beslutsdatum", 13, r => r.Report.Beslut.Beslutsdatum),
        new("Avbrottsdatum", 13, r => r.Report.Kind == CaseKind.Avbrott ? r.Report.Start : null),
        new("IVO-identifierare", 17, r => r.IvoId),
        new("Kön", 6, r => r.Report.Beslut.Kon?.ToString()),
        new("Status", 14, r => StatusText(r.Report)),
        new("Verkställighets-/avslutsdatum", 16, r => r.Report.ClosingDay),
        new("Avslutsorsak", 16, r => r.Report.Avslutsorsak is { } o ? AvslutsorsakText(o) : null),
        new("Erbjudandedatum", 14, r => r.Report.Beslut.Erbjudandedatum),
        new("Tackat nej", 10, r => r.Report.Beslut.TackatNej switch { true => "Ja", false => "Nej", null => null }),
        new("Skäl (fritext)", 50, r => r.Report.Beslut.Skal),
        new("Sent rapporterad", 10, r => r.Report.Late ? "Ja" : "Nej"),
        new("Frist", 12, r => r.Report.Deadline),
        new("Dagar", 8, r => r.Report.DaysSinceStart),
    ];

    /// <summary>The labels are Core's (<see cref="Etiketter"/>): the same words in the workbook, the mails and <c>ivo list</c>.</summary>
    public static string StatusText(IvoReport r) => Etiketter.Status(r.Status, r.Kind);

    public static string AvslutsorsakText(Avslutsorsak o) => Etiketter.Avslutsorsak(o);

    public static string ManualReasonText(string? code) => Etiketter.ManualReason(code);
}
