using System.Text.RegularExpressions;
using EjVerkstallda.Core.Statistik;
using static EjVerkstallda.Core.Anonymity.SensitivePatterns;

namespace EjVerkstallda.Core.Anonymity;

/// <summary>
/// Checks that a public text (the statistikrapport) cannot point at a person: none of the run's ids or free texts,
/// nothing shaped like a personnummer or IVO identifier, no date but the report's own, no breakdown cell under k.
/// Pure; the result names kinds and places, never the values found.
/// </summary>
public static class AnonymityGuard
{
    /// <summary>Purely numeric forbidden values shorter than this are skipped: they cannot be told from counts and SFS numbers.</summary>
    public const int MinNumericForbiddenLength = 6;

    public static GuardResult Check(string publicText, AnonymityContext context) => Check(publicText, context, "text");

    public static GuardResult Check(string publicText, AnonymityContext context, string location)
    {
        ArgumentNullException.ThrowIfNull(publicText);
        ArgumentNullException.ThrowIfNull(context);
        var violations = new List<GuardViolation>();
        var text = Normalise(publicText);
        FindForbidden(text, context, location, violations);
        text = Find(IvoId(), text, _ => true, ViolationKind.IvoIdentifier, location, violations);
        text = Find(PersonnummerWithSeparator(), text, _ => true, ViolationKind.Personnummer, location, violations);
        text = Find(PersonnummerBare(), text, m => LooksLikeBirthDate(m.Value), ViolationKind.Personnummer, location, violations);
        var dates = context.AllowedDates;
        text = Find(IsoDate(), text, m => NotAllowed(TryDate(Int(m.Groups[1]), Int(m.Groups[2]), Int(m.Groups[3])), dates, valid: false), ViolationKind.Date, location, violations);
        text = Find(CompactDate(), text, m => Int(m.Groups[1]) is >= 1900 and <= 2099 && NotAllowed(TryDate(Int(m.Groups[1]), Int(m.Groups[2]), Int(m.Groups[3])), dates, valid: true), ViolationKind.Date, location, violations);
        text = Find(SlashDate(), text, m => NotAllowed(TryDate(FullYear(Int(m.Groups[3])), Int(m.Groups[2]), Int(m.Groups[1])), dates, valid: false), ViolationKind.Date, location, violations);
        text = Find(SwedishDate(), text, m => SwedishDateNotAllowed(m, dates), ViolationKind.Date, location, violations);
        text = Find(SwedishMonthYear(), text, m => !dates.Any(d => d.Year == Int(m.Groups[2]) && d.Month == MonthOf(m.Groups[1].Value)), ViolationKind.Date, location, violations);
        Find(IsoMonth(), text, m => !dates.Any(d => d.Year == Int(m.Groups[1]) && d.Month == Int(m.Groups[2])), ViolationKind.Date, location, violations);
        return violations.Count == 0 ? GuardResult.Clean : new GuardResult(violations.Distinct().ToList());
    }

    /// <summary>
    /// Checks the anonymised model: its optional breakdowns (kön) must have every cell at or above
    /// <paramref name="k"/>, and none of its strings may hold an identifying value.
    /// </summary>
    public static GuardResult Check(StatistikRapport model, int k, AnonymityContext? context = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        context ??= ContextOf(model);
        var results = new List<GuardResult> { new(SmallCells(model, k)) };
        var strings = StringsOf(model).ToList();
        // One pass over all strings joined by line breaks first: a line break is an edge to every check, so a clean whole means
        // clean parts. Only a finding sends the guard through the strings one by one, to name where it is.
        if (!Check(string.Join("\n", strings.Select(x => x.Value)), context, "model").IsClean)
            foreach (var (location, value) in strings)
                results.Add(Check(value, context, location));
        return GuardResult.Combine(results);
    }

    private static AnonymityContext ContextOf(StatistikRapport model) =>
        Kvartal.Kvartal.TryParse(model.Quarter, out var q)
            ? AnonymityContext.ForDates(q.FirstDay, model.ReportingDay)
            : AnonymityContext.ForDates(model.ReportingDay);

    private static List<GuardViolation> SmallCells(StatistikRapport model, int k)
    {
        var found = new List<GuardViolation>();
        if (model.Kon is not { } kon) return found;
        if (kon.Kvinnor < k) found.Add(new(ViolationKind.SmallCell, "Kon.Kvinnor"));
        if (kon.Man < k) found.Add(new(ViolationKind.SmallCell, "Kon.Man"));
        var unknown = model.Totals.Open - kon.Kvinnor - kon.Man;
        if (unknown > 0 && unknown < k) found.Add(new(ViolationKind.SmallCell, "Kon.Okant"));
        return found;
    }

    private static IEnumerable<(string Location, string Value)> StringsOf(StatistikRapport m)
    {
        yield return (nameof(m.Quarter), m.Quarter);
        yield return (nameof(m.Namnd), m.Namnd);
        yield return (nameof(m.NamndNamn), m.NamndNamn);
        for (var i = 0; i < m.Bands.Count; i++) yield return ($"Bands[{i}]", m.Bands[i]);
        for (var i = 0; i < m.Sektioner.Count; i++)
        {
            var s = m.Sektioner[i];
            yield return ($"Sektioner[{i}].Lag", s.Lag);
            yield return ($"Sektioner[{i}].Kind", s.Kind);
            for (var j = 0; j < s.Rader.Count; j++) yield return ($"Sektioner[{i}].Rader[{j}].Insats", s.Rader[j].Insats);
        }
        for (var i = 0; i < m.Trend.Count; i++) yield return ($"Trend[{i}].Quarter", m.Trend[i].Quarter);
        for (var i = 0; i < m.Rapporteringsparagrafer.Count; i++) yield return ($"Rapporteringsparagrafer[{i}]", m.Rapporteringsparagrafer[i]);
    }

    /// <summary>
    /// Every forbidden value against the text. The text's positions are indexed by their first three characters once, so each
    /// of the tens of thousands of values costs a lookup instead of a scan of the whole text.
    /// </summary>
    private static void FindForbidden(string text, AnonymityContext context, string location, List<GuardViolation> violations)
    {
        var starts = new Dictionary<(char, char, char), List<int>>();
        for (var i = 0; i + 3 <= text.Length; i++)
        {
            var key = (text[i], text[i + 1], text[i + 2]);
            if (!starts.TryGetValue(key, out var list)) starts[key] = list = [];
            list.Add(i);
        }
        foreach (var (value, category) in Checkable(context))
        {
            var found = value.Length < 3
                ? OccursAsWhole(text, value)
                : starts.TryGetValue((value[0], value[1], value[2]), out var at) && at.Exists(i => IsWholeAt(text, value, i));
            if (found) violations.Add(new(ViolationKind.ForbiddenValue, location, category));
        }
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<AnonymityContext, List<(string Value, string Category)>> CheckableCache = new();

    /// <summary>
    /// The forbidden values worth searching for, normalised once per context: a run checks many texts against tens of
    /// thousands of values, so this must not be redone per text (it made a 40,000-report run quadratic).
    /// </summary>
    private static List<(string Value, string Category)> Checkable(AnonymityContext context) => CheckableCache.GetValue(context, static c =>
    {
        var terms = c.AllowedTerms.Select(Normalise).Distinct().ToList();
        var list = new List<(string, string)>();
        var seen = new HashSet<(string, string)>();
        foreach (var f in c.Forbidden)
        {
            var value = Normalise(f.Value);
            if (!f.AlwaysCheck && (value.Length < AnonymityContext.MinForbiddenLength
                || (value.Length < MinNumericForbiddenLength && value.All(char.IsAsciiDigit))
                || terms.Any(t => t.Contains(value, StringComparison.Ordinal))))
                continue;
            if (seen.Add((value, f.Category))) list.Add((value, f.Category));
        }
        return list;
    });

    /// <summary>An occurrence not glued to a letter or digit on an edge where the value itself has one.</summary>
    private static bool OccursAsWhole(string text, string value)
    {
        for (var at = text.IndexOf(value, StringComparison.Ordinal); at >= 0; at = text.IndexOf(value, at + 1, StringComparison.Ordinal))
            if (IsWholeAt(text, value, at)) return true;
        return false;
    }

    /// <summary>The value stands at <paramref name="at"/> and is not glued to a letter or digit on an edge where it has one.</summary>
    private static bool IsWholeAt(string text, string value, int at)
    {
        var end = at + value.Length;
        if (end > text.Length || string.CompareOrdinal(text, at, value, 0, value.Length) != 0) return false;
        var leftOk = !char.IsLetterOrDigit(value[0]) || at == 0 || !char.IsLetterOrDigit(text[at - 1]);
        var rightOk = !char.IsLetterOrDigit(value[^1]) || end == text.Length || !char.IsLetterOrDigit(text[end]);
        return leftOk && rightOk;
    }

    private static string Find(Regex pattern, string text, Func<Match, bool> isViolation, ViolationKind kind, string location, List<GuardViolation> violations) =>
        pattern.Replace(text, m =>
        {
            if (!isViolation(m)) return m.Value;
            violations.Add(new(kind, location));
            return Mark;
        });

    /// <param name="valid">When true, a string that is no calendar date is not a violation; else it is (it still looks like one).</param>
    private static bool NotAllowed(DateOnly? date, IReadOnlySet<DateOnly> allowed, bool valid) =>
        date is { } d ? !allowed.Contains(d) : !valid;

    private static bool SwedishDateNotAllowed(Match m, IReadOnlySet<DateOnly> allowed)
    {
        var day = Int(m.Groups[1]);
        var month = MonthOf(m.Groups[2].Value);
        return m.Groups[3].Success
            ? NotAllowed(TryDate(Int(m.Groups[3]), month, day), allowed, valid: false)
            : !allowed.Any(d => d.Month == month && d.Day == day);
    }

    private static int FullYear(int y) => y < 100 ? 2000 + y : y;
}
