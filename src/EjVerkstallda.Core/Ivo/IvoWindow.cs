using System.Globalization;

namespace EjVerkstallda.Core.Ivo;

/// <summary>
/// When IVO accepts a quarter's reports. The windows are configuration (verified for 2019: Q1 1–30 April, Q2 1 July–31 August,
/// Q3 1–31 October, Q4 1–31 January); a window that opens in an earlier month than the quarter's first lies in the next year.
/// </summary>
public sealed record IvoWindow(DateOnly Opens, DateOnly Closes)
{
    /// <summary>Window of quarter n as "MM-DD" pairs, index 0 for Q1.</summary>
    public static readonly IReadOnlyList<(string Opens, string Closes)> Default2019 =
        [("04-01", "04-30"), ("07-01", "08-31"), ("10-01", "10-31"), ("01-01", "01-31")];

    public static IvoWindow For(Kvartal.Kvartal quarter, IReadOnlyList<(string Opens, string Closes)> windows)
    {
        var (opens, closes) = windows[quarter.Number - 1];
        var o = Day(opens, quarter);
        var c = Day(closes, quarter);
        if (c < o) c = c.AddYears(1);
        return new IvoWindow(o, c);
    }

    public static bool IsValidMonthDay(string text) =>
        DateOnly.TryParseExact("2024-" + text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    private static DateOnly Day(string monthDay, Kvartal.Kvartal quarter)
    {
        var d = DateOnly.ParseExact($"{quarter.Year:D4}-{monthDay}", "yyyy-MM-dd", CultureInfo.InvariantCulture);
        return d <= quarter.ReportingDay ? d.AddYears(1) : d;
    }
}
