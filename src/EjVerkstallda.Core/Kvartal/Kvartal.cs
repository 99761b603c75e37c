using System.Globalization;

namespace EjVerkstallda.Core.Kvartal;

/// <summary>A calendar quarter, written <c>2024Q1</c>. S is <see cref="FirstDay"/>, E is <see cref="ReportingDay"/>.</summary>
public readonly record struct Kvartal : IComparable<Kvartal>
{
    public Kvartal(int year, int number)
    {
        if (year is < 1900 or > 9999) throw new ArgumentOutOfRangeException(nameof(year), year, "year must be 1900-9999");
        if (number is < 1 or > 4) throw new ArgumentOutOfRangeException(nameof(number), number, "quarter must be 1-4");
        Year = year;
        Number = number;
    }

    public int Year { get; }
    public int Number { get; }

    /// <summary>S: the quarter's first day.</summary>
    public DateOnly FirstDay => new(Year, (Number - 1) * 3 + 1, 1);

    /// <summary>E: the quarter's last day, the skäringsdag.</summary>
    public DateOnly ReportingDay => new(Year, Number * 3, DateTime.DaysInMonth(Year, Number * 3));

    /// <summary>E': the previous quarter's last day.</summary>
    public DateOnly PreviousReportingDay => FirstDay.AddDays(-1);

    /// <summary>
    /// The quarter is over on <paramref name="today"/> (the kommun's date, <see cref="KommunTid"/>): its reporting day E is
    /// before today. Only then can it be run for real (CONTRACT section 4); on E itself the day's beslut are still to come.
    /// </summary>
    public bool HasEnded(DateOnly today) => ReportingDay < today;

    public Kvartal Previous => Number == 1 ? new Kvartal(Year - 1, 4) : new Kvartal(Year, Number - 1);
    public Kvartal Next => Number == 4 ? new Kvartal(Year + 1, 1) : new Kvartal(Year, Number + 1);

    public static Kvartal Containing(DateOnly day) => new(day.Year, (day.Month - 1) / 3 + 1);

    /// <summary>The last quarter that has ended on or before <paramref name="today"/> (its reporting day is before today).</summary>
    public static Kvartal LastCompletedBefore(DateOnly today) => Containing(today).Previous;

    public static Kvartal Parse(string text) =>
        TryParse(text, out var k) ? k : throw new FormatException($"'{text}' is not a quarter: write it as YYYYQn, for example 2024Q1");

    public static bool TryParse(string? text, out Kvartal kvartal)
    {
        kvartal = default;
        if (text is null) return false;
        var t = text.Trim().ToUpperInvariant();
        if (t.Length != 6 || t[4] != 'Q') return false;
        if (!int.TryParse(t.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year < 1900) return false;
        if (t[5] is < '1' or > '4') return false;
        kvartal = new Kvartal(year, t[5] - '0');
        return true;
    }

    public int CompareTo(Kvartal other) => (Year, Number).CompareTo((other.Year, other.Number));
    public static bool operator <(Kvartal a, Kvartal b) => a.CompareTo(b) < 0;
    public static bool operator >(Kvartal a, Kvartal b) => a.CompareTo(b) > 0;
    public static bool operator <=(Kvartal a, Kvartal b) => a.CompareTo(b) <= 0;
    public static bool operator >=(Kvartal a, Kvartal b) => a.CompareTo(b) >= 0;

    public override string ToString() => $"{Year:D4}Q{Number}";
}
