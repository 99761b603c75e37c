using System.Text.RegularExpressions;
using EjVerkstallda.Core.Classification;
using EjVerkstallda.Infrastructure.Output;

namespace EjVerkstallda.Infrastructure.Documents;

/// <summary>A column of the revisorer's sheet: its header, width (characters) and value (string, DateOnly or null).</summary>
public sealed record RevisorRapportColumn(string Header, double Width, Func<IvoUnderlagEntry, object?> Value);

/// <summary>
/// The fields the statutes give the revisorer per beslut (SoL 2001:453 16 kap. 6 f–g §§, SoL 2025:400 34 kap. 1–2 §§, LSS
/// 28 f–g §§), the same as IVO's: lagrum, insats, beslutsdatum, avbrottsdatum, the reason for the delay, the verkställighets-
/// or avslutsdatum, the IVO identifier, the status. Never name, personnummer, person_id, birth date or kön: the underlag
/// entry carries no name or personnummer, and this list leaves out everything else about the person.
/// </summary>
public static partial class RevisorRapportColumns
{
    public const string NoReason = "Inget skäl registrerat i verksamhetssystemet";
    public const string RemovedNumber = "[nummer borttaget]";

    public static readonly IReadOnlyList<RevisorRapportColumn> All =
    [
        new("Lag", 6, e => e.Lag),
        new("Lagrum", 24, e => e.Lagrum),
        new("Insats", 28, e => e.Insats),
        new("Typ", 22, e => Etiketter.Kind(e.Kind)),
        new("Beslutsdatum", 13, e => e.Beslutsdatum),
        new("Avbrottsdatum", 13, e => e.Avbrottsdatum),
        new("Frist", 12, e => e.Deadline),
        new("Skäl till dröjsmålet", 50, e => Reason(e.Skal)),
        new("Verkställighets-/avslutsdatum", 16, e => e.Verkstallighetsdatum ?? e.Avslutsdatum),
        new("Avslutsorsak", 16, e => e.Avslutsorsak is { } o ? Etiketter.Avslutsorsak(o) : null),
        new("IVO-identifierare", 17, e => e.IvoId ?? "Manuell hantering"),
        new("Status", 14, e => Etiketter.Status(e.Status, e.Kind)),
        new("Beslut-id", 14, e => e.BeslutId),
    ];

    /// <summary>
    /// The view's reason for the delay (<c>skal</c>, the contract's one free-text field for it). Empty: said so. A number shaped
    /// like a personnummer or samordningsnummer that a handläggare wrote into it is taken out: the revisorer never get one.
    /// </summary>
    public static string Reason(string? skal) =>
        string.IsNullOrWhiteSpace(skal) ? NoReason : PersonnummerShape().Replace(skal.Trim(), RemovedNumber);

    [GeneratedRegex(@"(?<![0-9])(?:\d{2})?\d{6}\s?[-+]?\s?\d{4}(?![0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex PersonnummerShape();
}
