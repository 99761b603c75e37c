using System.Text.RegularExpressions;
using EjVerkstallda.Core.Anonymity;
using EjVerkstallda.Core.Beslut;

namespace EjVerkstallda.Core.Statistik;

/// <summary>The name an insats is printed under in a public document, and whether the kommun (or the law) approved it.</summary>
public sealed record PublicName(string Namn, bool Approved);

/// <summary>
/// The public name of an insats. Never the case system's catalogue text (<c>ejv_insats.benamning</c>), which is free text a
/// kommun does not control ("Kontaktfamilj hos familjen Andersson på Storgatan 5"): a name the kommun approved for the code, or
/// for LSS the law's own name of the 9 § point, or else a neutral heading per lag until a name is approved.
/// Pure; the approved names are a plain dictionary (code → name) so they can come from configuration or from an approval step.
/// </summary>
public static partial class PublicInsatsNamn
{
    public const string OvrigaSoL = "Övriga insatser enligt SoL";
    public const string OvrigaLss = "Övriga insatser enligt LSS";

    /// <summary>LSS 9 § points 1–10, in the law's words (shortened to a heading where the law's sentence goes on).</summary>
    public static readonly IReadOnlyDictionary<int, string> LssLaw = new Dictionary<int, string>
    {
        [1] = "Rådgivning och annat personligt stöd",
        [2] = "Personlig assistans",
        [3] = "Ledsagarservice",
        [4] = "Biträde av kontaktperson",
        [5] = "Avlösarservice i hemmet",
        [6] = "Korttidsvistelse utanför det egna hemmet",
        [7] = "Korttidstillsyn för skolungdom över 12 år",
        [8] = "Boende i familjehem eller bostad med särskild service för barn eller ungdomar",
        [9] = "Bostad med särskild service för vuxna eller annan särskilt anpassad bostad",
        [10] = "Daglig verksamhet",
    };

    /// <param name="approved">Code → approved public name; a code not in it is not approved.</param>
    public static PublicName Resolve(InsatsDefinition insats, IReadOnlyDictionary<string, string> approved)
    {
        ArgumentNullException.ThrowIfNull(insats);
        ArgumentNullException.ThrowIfNull(approved);
        if (approved.TryGetValue(insats.Kod, out var name) && !string.IsNullOrWhiteSpace(name)) return new(name.Trim(), true);
        if (insats.Lag == Lag.LSS && LagrumCodes.LssPoint(insats.Lagrum) is { } point) return new(LssLaw[point], true);
        return new(insats.Lag == Lag.LSS ? OvrigaLss : OvrigaSoL, false);
    }

    /// <summary>The insatser among <paramref name="insatser"/> printed under a neutral heading: each code once, by code.</summary>
    public static IReadOnlyList<InsatsDefinition> Pending(IEnumerable<InsatsDefinition> insatser, IReadOnlyDictionary<string, string> approved) =>
        insatser.DistinctBy(i => i.Kod)
            .Where(i => !Resolve(i, approved).Approved)
            .OrderBy(i => i.Kod, StringComparer.Ordinal)
            .ToList();

    /// <summary>The data-quality note (a warning, no beslut) that lists an insats awaiting a public name, by code only.</summary>
    public static DataQualityProblem ProblemFor(InsatsDefinition insats)
    {
        ArgumentNullException.ThrowIfNull(insats);
        var reason = DataQualityReasons.All.Single(r => r.Code == "insats_namn_ej_godkant");
        return new DataQualityProblem(null, reason.Format(insats.Kod, insats.Lag == Lag.LSS ? OvrigaLss : OvrigaSoL), Excluded: false);
    }

    /// <summary>True for the neutral headings: they sort after the named rows.</summary>
    public static bool IsNeutral(string name) => name is OvrigaSoL or OvrigaLss;

    /// <summary>
    /// Why a name cannot be approved for a public document (empty, a control character, something shaped like a personnummer,
    /// an IVO identifier, a date, a street address or a postcode), or null when it can.
    /// </summary>
    public static string? ProblemOf(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return "is empty";
        if (name.Any(char.IsControl)) return "contains a control character (a line break or tab)";
        if (name.Trim().Length > MaxLength) return $"is longer than {MaxLength} characters";
        if (!AnonymityGuard.Check(name, AnonymityContext.ForDates()).IsClean) return "contains something shaped like a personnummer, an IVO identifier or a date";
        if (Address().IsMatch(name) || LongNumber().IsMatch(name)) return "contains something shaped like a street address, a postcode or another long number";
        return null;
    }

    public const int MaxLength = 120;

    /// <summary>"Storgatan 5", "Björkvägen 12 B", "Lilla torget 3": a street word followed by a number.</summary>
    [GeneratedRegex(@"(?i)\p{L}*(gata|gatan|väg|vägen|gränd|gränden|torg|torget|stig|stigen|allé|allén|backe|backen|plan|plats|platsen|leden|gård|gården)\s+\d", RegexOptions.CultureInvariant)]
    private static partial Regex Address();

    /// <summary>A postcode ("123 45") or any run of four or more digits.</summary>
    [GeneratedRegex(@"(?<!\d)(\d{3}\s\d{2}|\d{4,})(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex LongNumber();
}
