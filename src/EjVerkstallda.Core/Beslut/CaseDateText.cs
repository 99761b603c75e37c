using System.Globalization;
using EjVerkstallda.Core.Kvartal;

namespace EjVerkstallda.Core.Beslut;

/// <summary>
/// The day a date value of the case system stands for (CONTRACT section 4), as the <c>YYYY-MM-DD</c> text that
/// <see cref="BeslutValidator"/> judges: a date is its day, a date and time without offset (a timestamp, SQLite's datetime text)
/// its calendar date, an instant (timestamptz, datetimeoffset, ISO text with <c>Z</c> or an offset) the kommun's calendar date
/// (<see cref="KommunTid"/>). Text of any other form is returned unchanged for the validator to list.
/// </summary>
public static class CaseDateText
{
    private static readonly string[] LocalForms =
    [
        "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm:ss.FFFFFFF",
        "yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-ddTHH:mm:ss.FFFFFFF",
    ];

    private static readonly string[] InstantForms = LocalForms.SelectMany(f => new[] { f + "zzz", f + "zz", f + "'Z'" }).ToArray();

    public static string Of(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A timestamp without zone is its calendar date; a UTC one (a driver's timestamptz) is an instant.</summary>
    public static string Of(DateTime value, KommunTid tid)
    {
        ArgumentNullException.ThrowIfNull(tid);
        return value.Kind == DateTimeKind.Utc ? Of(tid.DateOf(new DateTimeOffset(value))) : Of(DateOnly.FromDateTime(value));
    }

    public static string Of(DateTimeOffset value, KommunTid tid)
    {
        ArgumentNullException.ThrowIfNull(tid);
        return Of(tid.DateOf(value));
    }

    public static string Of(string text, KommunTid tid)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(tid);
        var t = text.Trim();
        if (t.Length <= 10) return text;
        if (DateTimeOffset.TryParseExact(t, InstantForms, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant))
            return Of(instant, tid);
        if (DateTime.TryParseExact(t, LocalForms, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
            return Of(DateOnly.FromDateTime(local));
        return text;
    }
}
