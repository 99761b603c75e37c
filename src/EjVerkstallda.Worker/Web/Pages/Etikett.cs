using EjVerkstallda.Core.Beslut;
using EjVerkstallda.Core.Classification;
using EjVerkstallda.Infrastructure.Output;

namespace EjVerkstallda.Worker.Web.Pages;

/// <summary>The Swedish words the pages show, from Core's one list (<see cref="Etiketter"/>).</summary>
public static class Etikett
{
    public static string Status(IvoUnderlagEntry r)
    {
        var s = Etiketter.Status(r.Status, r.Kind);
        return s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
    }

    public static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public static string Avslutsorsak(string? code) => code is null ? "–" : Etiketter.Avslutsorsak(code);

    public static string Manual(string? code) => Etiketter.ManualReason(code);

    /// <summary>Free text from the case system as printable text (control characters and the like removed).</summary>
    public static string Text(string text) => PrintableText.Of(text);

    /// <summary>A version's state in Swedish (Core's words).</summary>
    public static string StateOf(string code) => Core.Lifecycle.VersionStates.Svenska(Core.Lifecycle.VersionStates.Parse(code));

    /// <summary>A stored instant (ISO 8601, UTC) as the kommun's local time, "2027-01-10 07:00".</summary>
    public static string When(string? iso, Core.Kvartal.KommunTid tid) =>
        iso is not null && DateTimeOffset.TryParse(iso, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var t)
            ? TimeZoneInfo.ConvertTime(t, tid.Zone).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture)
            : iso ?? "–";
}
