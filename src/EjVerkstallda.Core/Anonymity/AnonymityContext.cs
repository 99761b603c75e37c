using EjVerkstallda.Core.Classification;

namespace EjVerkstallda.Core.Anonymity;

/// <summary>A value that must not occur in a public text, with a category that may be logged in its place.</summary>
/// <param name="AlwaysCheck">Check even when shorter than <see cref="AnonymityContext.MinForbiddenLength"/> (IVO ids, personnummer).</param>
public sealed record ForbiddenValue(string Value, string Category, bool AlwaysCheck = false);

/// <summary>
/// What one run must keep out of its public documents (the ids and free texts of its beslut) and which dates
/// the public documents may show (the report's own dates and the statutes' dates of entry into force).
/// </summary>
public sealed class AnonymityContext
{
    /// <summary>Shorter forbidden values are skipped (too many false positives), unless marked <see cref="ForbiddenValue.AlwaysCheck"/>.</summary>
    public const int MinForbiddenLength = 3;

    /// <summary>Dates of the statutes that the tjänsteskrivelse may cite: SoL (2025:400) in force, the higher fee from 2026.</summary>
    public static readonly IReadOnlyList<DateOnly> StatuteDates = [new(2025, 7, 1), new(2026, 1, 1)];

    public AnonymityContext(IEnumerable<ForbiddenValue> forbidden, IEnumerable<DateOnly> allowedDates, IEnumerable<string>? allowedTerms = null)
    {
        Forbidden = forbidden.Where(f => !string.IsNullOrWhiteSpace(f.Value)).Distinct().ToList();
        AllowedDates = allowedDates.Concat(StatuteDates).ToHashSet();
        AllowedTerms = (allowedTerms ?? []).Where(t => !string.IsNullOrWhiteSpace(t)).Distinct(StringComparer.Ordinal).ToList();
    }

    public IReadOnlyList<ForbiddenValue> Forbidden { get; }
    public IReadOnlySet<DateOnly> AllowedDates { get; }

    /// <summary>
    /// Coded vocabulary the report prints on purpose (approved public insats names, the nämnd's name). A forbidden
    /// value that is only a part of such a term (an enhet called "Hemtjänst") is not a leak and is skipped.
    /// </summary>
    public IReadOnlyList<string> AllowedTerms { get; }

    /// <summary>Only the pattern checks (personnummer, IVO ids, dates other than these) and no forbidden values.</summary>
    public static AnonymityContext ForDates(params DateOnly[] allowedDates) => new([], allowedDates);

    /// <summary>
    /// The context of one quarterly run: every id and free text of the reports' beslut (the catalogue's benämning included:
    /// it may appear only as part of an allowed term, i.e. an approved public name), the IVO ids given out,
    /// and the report's own dates (quarter's first and last day, the document's date).
    /// </summary>
    public static AnonymityContext ForRun(
        Kvartal.Kvartal quarter,
        DateOnly documentDate,
        IEnumerable<Beslut.Beslut> beslut,
        IEnumerable<string?> ivoIds,
        IEnumerable<string>? allowedTerms = null,
        IEnumerable<ForbiddenValue>? otherForbidden = null)
    {
        var list = beslut.ToList();
        var forbidden = new List<ForbiddenValue>();
        foreach (var b in list)
        {
            forbidden.Add(new(b.Id, "beslut_id"));
            forbidden.Add(new(b.PersonId, "person_id"));
            if (b.Skal is not null) forbidden.Add(new(b.Skal, "skal"));
            if (b.Enhet is not null) forbidden.Add(new(b.Enhet, "enhet"));
        }
        forbidden.AddRange(ivoIds.OfType<string>().Select(id => new ForbiddenValue(id, "ivo_id", AlwaysCheck: true)));
        // The catalogue's text is free text: only what is also an allowed term (an approved public name) may be printed.
        forbidden.AddRange(list.Select(b => b.Insats.Benamning).Distinct(StringComparer.Ordinal).Select(n => new ForbiddenValue(n, "benamning")));
        forbidden.AddRange(otherForbidden ?? []);
        return new AnonymityContext(forbidden, [quarter.FirstDay, quarter.ReportingDay, documentDate], allowedTerms);
    }

    /// <summary>As <see cref="ForRun"/>, taking the beslut from the quarter's IVO reports.</summary>
    public static AnonymityContext ForReports(
        Kvartal.Kvartal quarter, DateOnly documentDate, IEnumerable<IvoReport> reports, Func<IvoReport, string?> ivoIdOf, IEnumerable<string>? allowedTerms = null)
    {
        var list = reports.ToList();
        return ForRun(quarter, documentDate, list.Select(r => r.Beslut), list.Select(ivoIdOf), allowedTerms);
    }
}
