namespace EjVerkstallda.Core.Beslut;

/// <summary>One row of <c>ejv_insats</c> as the case source delivered it, every value as text.</summary>
public sealed record RawInsats(string? Kod, string? Benamning, string? Lag, string? Lagrum);

/// <summary>
/// Builds the insats catalogue from <c>ejv_insats</c>. A row that cannot be used (missing value, a lag that is not exactly
/// <c>SoL</c> or <c>LSS</c>, a lagrum that does not fit its lag, a code given twice) is listed and its code treated as unknown,
/// so its beslut are listed too instead of being reported under a guessed law. The problem names the field and the kind of
/// value, never the value itself.
/// </summary>
public static class InsatsKatalog
{
    public static IReadOnlyDictionary<string, InsatsDefinition> Build(IEnumerable<RawInsats> rows, string relation, ICollection<DataQualityProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(problems);
        var katalog = new Dictionary<string, InsatsDefinition>(StringComparer.Ordinal);
        var duplicates = new HashSet<string>(StringComparer.Ordinal);
        foreach (var r in rows)
        {
            var kod = BeslutValidator.Trimmed(r.Kod);
            var problem = ProblemOf(r, kod, katalog.ContainsKey(kod ?? "") || duplicates.Contains(kod ?? ""));
            if (problem is not null)
            {
                problems.Add(new DataQualityProblem(null, $"{relation}: a row's {problem}; its insats_kod is treated as unknown", Excluded: false));
                if (kod is not null && katalog.Remove(kod)) duplicates.Add(kod);
                continue;
            }
            katalog[kod!] = new InsatsDefinition(kod!, BeslutValidator.Trimmed(r.Benamning)!, ParseLag(r.Lag)!.Value, BeslutValidator.Trimmed(r.Lagrum)!);
        }
        return katalog;
    }

    /// <summary>Exactly <c>SoL</c> or <c>LSS</c>, in any case, surrounding blanks ignored; nothing else (no numbers, no lists).</summary>
    public static Lag? ParseLag(string? text) => BeslutValidator.Trimmed(text)?.ToUpperInvariant() switch
    {
        "SOL" => Lag.SoL,
        "LSS" => Lag.LSS,
        _ => null,
    };

    private static string? ProblemOf(RawInsats r, string? kod, bool duplicate)
    {
        if (kod is null) return "insats_kod is missing";
        if (duplicate) return "insats_kod is given more than once";
        if (BeslutValidator.Trimmed(r.Benamning) is null) return "benamning is missing";
        if (ParseLag(r.Lag) is not { } lag) return $"lag is {KindOf(r.Lag)}, not SoL or LSS";
        var lagrum = BeslutValidator.Trimmed(r.Lagrum);
        if (lagrum is null) return "lagrum is missing";
        return LagrumCodes.IsValid(lag, lagrum) ? null : $"lagrum is not a {lag} lagrum code";
    }

    private static string KindOf(string? text) => BeslutValidator.Trimmed(text) switch
    {
        null => "missing",
        { } t when t.All(char.IsAsciiDigit) => "a number",
        _ => "another text",
    };
}
