using EjVerkstallda.Core.Beslut;

namespace EjVerkstallda.Core.SourceCheck;

/// <summary>
/// The value lists of the view contract, as the validator applies them: the edge uses these to count the rows outside a list,
/// so the doctor and the run judge a value alike.
/// </summary>
public static class ValueRules
{
    /// <summary>The columns whose values must come from a list.</summary>
    public static readonly IReadOnlyList<string> CodeColumns = ["kon", "avslutsorsak", "tackat_nej", "skyddad_identitet"];

    /// <summary>Whether the validator accepts <paramref name="value"/> (as text; null is always accepted) in <paramref name="column"/>.</summary>
    public static bool Accepts(string column, string? value)
    {
        if (BeslutValidator.Trimmed(value) is not { } v) return true;
        return column switch
        {
            "kon" => v.ToUpperInvariant() is "K" or "M",
            "avslutsorsak" => Codes.TryParseAvslutsorsak(v, out _),
            "tackat_nej" or "skyddad_identitet" => BeslutValidator.TryBool(v, out _),
            _ => true,
        };
    }

    public enum DateForm { Plain, WithTime, Unreadable }

    /// <summary>
    /// What a text date value is: plain <c>YYYY-MM-DD</c>, a date with a time part the product reads as its day
    /// (<see cref="CaseDateText"/>), or text the run cannot read (<c>30/12/2023</c>, <c>2023-02-30</c>, a year outside 1901–2099).
    /// </summary>
    public static DateForm FormOf(string value, Kvartal.KommunTid tid)
    {
        ArgumentNullException.ThrowIfNull(value);
        var day = CaseDateText.Of(value, tid);
        if (!BeslutValidator.TryDate(day, out var d)) return DateForm.Unreadable;
        if (d is null) return DateForm.Plain;
        return string.Equals(day, value.Trim(), StringComparison.Ordinal) ? DateForm.Plain : DateForm.WithTime;
    }
}
