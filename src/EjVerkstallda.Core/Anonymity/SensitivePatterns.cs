using System.Globalization;
using System.Text.RegularExpressions;

namespace EjVerkstallda.Core.Anonymity;

/// <summary>
/// The shapes of identifying values, matched on text that <see cref="AnonymityGuard"/> has lower-cased and whose
/// whitespace and dashes it has normalised. Each finder replaces what it found by a neutral mark, so that later
/// finders (dates) do not report the date inside a personnummer a second time.
/// </summary>
internal static partial class SensitivePatterns
{
    internal const string Mark = " # ";

    internal static readonly string[] MonthNames =
        ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december"];

    [GeneratedRegex(@"(?<![0-9])\d{8}-t(?:f\d{2}|\d{3})(?![0-9a-z])", RegexOptions.CultureInvariant)]
    internal static partial Regex IvoId();

    /// <summary>YYMMDD-NNNN, YYYYMMDD-NNNN, with - or +.</summary>
    [GeneratedRegex(@"(?<![0-9])(?:\d{6}|\d{8})[-+]\d{4}(?![0-9])", RegexOptions.CultureInvariant)]
    internal static partial Regex PersonnummerWithSeparator();

    /// <summary>YYYYMMDDNNNN or YYMMDDNNNN without separator; judged by <see cref="LooksLikeBirthDate"/>.</summary>
    [GeneratedRegex(@"(?<![0-9])(?:\d{12}|\d{10})(?![0-9])", RegexOptions.CultureInvariant)]
    internal static partial Regex PersonnummerBare();

    [GeneratedRegex(@"(?<![0-9])(\d{4})-(\d{1,2})-(\d{1,2})(?![0-9])", RegexOptions.CultureInvariant)]
    internal static partial Regex IsoDate();

    [GeneratedRegex(@"(?<![0-9])(\d{4})(\d{2})(\d{2})(?![0-9])", RegexOptions.CultureInvariant)]
    internal static partial Regex CompactDate();

    [GeneratedRegex(@"(?<![0-9])(\d{1,2})[/.](\d{1,2})[/.](\d{4}|\d{2})(?![0-9])", RegexOptions.CultureInvariant)]
    internal static partial Regex SlashDate();

    /// <summary>"3 januari 2024", "3:e jan.", "den 3 mars": a day and a Swedish month name, with or without year.</summary>
    [GeneratedRegex(@"(?<![0-9])(\d{1,2})(?::[ae])?\s(januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december|sept|jan|feb|mar|apr|jun|jul|aug|sep|okt|nov|dec)(?![a-zåäö])\.?(?:\s(\d{4})(?![0-9]))?", RegexOptions.CultureInvariant)]
    internal static partial Regex SwedishDate();

    /// <summary>"december 2022": a month of a year.</summary>
    [GeneratedRegex(@"(?<![a-zåäö])(januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december)\s(\d{4})(?![0-9])", RegexOptions.CultureInvariant)]
    internal static partial Regex SwedishMonthYear();

    /// <summary>"2022-12": a month of a year, as in a list of beslut months.</summary>
    [GeneratedRegex(@"(?<![0-9-])(\d{4})-(0[1-9]|1[0-2])(?![0-9-])", RegexOptions.CultureInvariant)]
    internal static partial Regex IsoMonth();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    internal static partial Regex Whitespace();

    /// <summary>Lower case, one space for any run of whitespace, and every dash as '-'.</summary>
    internal static string Normalise(string text)
    {
        var chars = text.ToLowerInvariant().ToCharArray();
        for (var i = 0; i < chars.Length; i++)
            if (chars[i] is >= '\u2010' and <= '\u2015' or '\u2212') chars[i] = '-';
        return Whitespace().Replace(new string(chars), " ").Trim();
    }

    internal static bool LooksLikeBirthDate(string digits)
    {
        var d = digits.Length == 12 ? digits[2..] : digits;
        var month = int.Parse(d.AsSpan(2, 2), CultureInfo.InvariantCulture);
        var day = int.Parse(d.AsSpan(4, 2), CultureInfo.InvariantCulture);
        return month is >= 1 and <= 12 && (day is >= 1 and <= 31 || day is >= 61 and <= 91); // 61-91: samordningsnummer
    }

    internal static int MonthOf(string name)
    {
        var n = name.TrimEnd('.');
        for (var i = 0; i < MonthNames.Length; i++)
            if (MonthNames[i].StartsWith(n, StringComparison.Ordinal)) return i + 1;
        return 0;
    }

    internal static DateOnly? TryDate(int year, int month, int day) =>
        year is >= 1 and <= 9999 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            ? new DateOnly(year, month, day) : null;

    internal static int Int(Group g) => int.Parse(g.ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture);
}
