using EjVerkstallda.Core.Statistik;

namespace EjVerkstallda.Worker.Options;

/// <summary>
/// <c>Ejv:Statistik</c>: what the public statistikrapport may print. <see cref="InsatsNamn"/> is the kommun's approved list of
/// public insats names (insats_kod → name); <c>Ejv:Namnder:N:InsatsNamn</c> overrides it per nämnd, code by code.
/// </summary>
public sealed class StatistikSectionOptions
{
    public Dictionary<string, string> InsatsNamn { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The approved names that apply to a nämnd: the common list, then the nämnd's own names for the same codes.</summary>
    public IReadOnlyDictionary<string, string> ApprovedFor(NamndOptions namnd)
    {
        ArgumentNullException.ThrowIfNull(namnd);
        var all = new Dictionary<string, string>(InsatsNamn, StringComparer.Ordinal);
        foreach (var (kod, namn) in namnd.InsatsNamn) all[kod] = namn;
        return all.Where(p => !string.IsNullOrWhiteSpace(p.Value)).ToDictionary(p => p.Key.Trim(), p => p.Value.Trim(), StringComparer.Ordinal);
    }

    /// <summary>Each name that cannot go into a public document, named by its key (the name is shown: it is configuration).</summary>
    public static void Validate(IReadOnlyDictionary<string, string> names, string key, List<string> failures)
    {
        foreach (var (kod, namn) in names)
            if (PublicInsatsNamn.ProblemOf(namn) is { } problem)
                failures.Add($"{key}:{kod} {problem}; write the insats's public name as it may appear in the public statistikrapport, e.g. \"Kontaktfamilj\"");
    }
}
