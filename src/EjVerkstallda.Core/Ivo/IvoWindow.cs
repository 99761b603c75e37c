using System.Globalization;

namespace EjVerkstallda.Core.Ivo;

/// <summary>
/// When IVO accepts a quarter's reports. The windows are configuration (verified for 2019: Q1 1–30 April, Q2 1 July–31 August,
/// Q3 1–31 October, Q4 1–31 January); a window that opens in an earlier month than the quarter's first lies in the next year.
/// "02-29" means the last day of February: 29 February in a leap year, 28 February otherwise.
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
        if (c < o) c = Day(closes, quarter, yearsLater: 1);
        return new IvoWindow(o, c);
    }

    /// <summary>
    /// The state of a quarter's IVO reports on <paramref name="today"/> (the kommun's date, see <see cref="Kvartal.KommunTid"/>):
    /// <c>closing</c> from <paramref name="remindDaysBefore"/> days before the last day up to it, <c>overdue</c> after it while
    /// reports are not marked entered, <c>closed</c> after it when all are entered, <c>open</c> before.
    /// </summary>
    public IvoWindowStatus StatusOn(DateOnly today, int remindDaysBefore, int unsubmitted)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(remindDaysBefore);
        ArgumentOutOfRangeException.ThrowIfNegative(unsubmitted);
        var state = today > Closes ? (unsubmitted > 0 ? IvoWindowState.Overdue : IvoWindowState.Closed)
            : today >= Closes.AddDays(-remindDaysBefore) ? IvoWindowState.Closing
            : IvoWindowState.Open;
        return new IvoWindowStatus(state, Opens, Closes, unsubmitted);
    }

    /// <summary>"MM-DD" with a month 01-12 and a day that exists in that month in some year (so "02-29" is valid).</summary>
    public static bool IsValidMonthDay(string? text) => TryParseMonthDay(text, out _, out _);

    private static bool TryParseMonthDay(string? text, out int month, out int day)
    {
        month = day = 0;
        return text is { Length: 5 } && text[2] == '-'
            && int.TryParse(text.AsSpan(0, 2), NumberStyles.None, CultureInfo.InvariantCulture, out month)
            && int.TryParse(text.AsSpan(3, 2), NumberStyles.None, CultureInfo.InvariantCulture, out day)
            && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(2024, month);
    }

    private static DateOnly Day(string monthDay, Kvartal.Kvartal quarter, int yearsLater = 0)
    {
        if (!TryParseMonthDay(monthDay, out var month, out var day))
            throw new FormatException($"IVO window day '{monthDay}' must be MM-DD, e.g. 04-30");
        var d = OnYear(quarter.Year + yearsLater, month, day);
        return d <= quarter.ReportingDay ? OnYear(quarter.Year + yearsLater + 1, month, day) : d;
    }

    private static DateOnly OnYear(int year, int month, int day) => new(year, month, Math.Min(day, DateTime.DaysInMonth(year, month)));
}

/// <summary>Where a quarter's IVO reports stand (CONTRACT section 4): <c>open</c>, <c>closing</c>, <c>overdue</c>, or <c>closed</c> when nothing is owed.</summary>
public enum IvoWindowState
{
    Open,
    Closing,
    Overdue,
    Closed,
}

public sealed record IvoWindowStatus(IvoWindowState State, DateOnly Opens, DateOnly Closes, int Unsubmitted)
{
    /// <summary>The state as written in <c>status --json</c> and the health answer: open, closing, overdue, closed.</summary>
    public string StateCode => State.ToString().ToLowerInvariant();
}
