namespace EjVerkstallda.Infrastructure.CaseSource;

/// <summary>The columns of the view contract (README, "The view contract"). Kept in one place.</summary>
public static class ViewContract
{
    public static readonly IReadOnlyList<string> BeslutColumns =
    [
        "beslut_id", "person_id", "insats_kod", "beslutsdatum", "verkstallighetsdatum", "avbrottsdatum", "aterupptagandedatum",
        "avslutsdatum", "avslutsorsak", "erbjudandedatum", "tackat_nej", "fodelsedatum", "kon", "skyddad_identitet", "enhet", "skal",
    ];

    public const string OptionalNamndColumn = "namnd_id";

    public static readonly IReadOnlyList<string> InsatsColumns = ["insats_kod", "benamning", "lag", "lagrum"];

    public static readonly IReadOnlyList<string> DateColumns =
        ["beslutsdatum", "verkstallighetsdatum", "avbrottsdatum", "aterupptagandedatum", "avslutsdatum", "erbjudandedatum", "fodelsedatum"];

    /// <summary>A relation name must be a plain (optionally schema-qualified) identifier: it is placed in SQL text.</summary>
    public static bool IsSafeRelationName(string name) =>
        name.Length is > 0 and <= 128 && name.Split('.').All(p => p.Length > 0 && (char.IsAsciiLetter(p[0]) || p[0] == '_') && p.All(ch => char.IsAsciiLetterOrDigit(ch) || ch == '_'));
}
