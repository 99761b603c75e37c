namespace EjVerkstallda.Worker.Tests.BadInput;

/// <summary>How the run must treat a row of the corpus.</summary>
public enum Handling
{
    /// <summary>Not judged; listed in dataQuality with its beslut id and <see cref="CorpusRow.Reason"/>.</summary>
    Excluded,

    /// <summary>Judged (reported with <see cref="CorpusRow.Status"/>) and also listed in dataQuality as a warning.</summary>
    Warning,

    /// <summary>Judged and reported with <see cref="CorpusRow.Status"/>; no data-quality entry.</summary>
    Reported,

    /// <summary>Judged and, by the contract's rules, not reported (in time, or not a reportable insats).</summary>
    NotReported,
}

/// <param name="Kind">What is wrong with the row (or what it proves, for the valid rows).</param>
/// <param name="Id">The beslut id expected in ivo-underlag.json (trimmed or truncated as the product does; null: no id).</param>
/// <param name="Values">Columns that differ from <see cref="BadInputCorpus.Base"/>; a value of null writes NULL.</param>
public sealed record CorpusRow(string Kind, string? Id, Handling Handling, string? Reason, string? Status, IReadOnlyDictionary<string, object?> Values)
{
    public override string ToString() => Kind;
}

/// <summary>
/// Issue 6: malformed and hostile rows in <c>ejv_beslut</c>, quarter 2024Q1 (S 2024-01-01, E 2024-03-31). Every bad row has
/// a beslutsdatum old enough to be a candidate, so it is read and must be judged or listed. The table is the documentation:
/// kind → expected handling.
/// </summary>
public static class BadInputCorpus
{
    public const string Name = "Fiktiva Persson";
    public const string Address = "Låtsasvägen 7, 999 99 Ingenstad";
    public const string Sql = "'; DROP TABLE ejv_beslut; --";
    public const string LongMarker = "Långtextmarkör";

    /// <summary>Strings from the planted free text (skal, enhet) that must reach no public output, mail or console.</summary>
    public static readonly string[] Planted =
        [Name, "Låtsasvägen", "DROP TABLE", LongMarker, "🦄", "\u202E", "\u200F", "Enhet Hemlig", "Enhet Öst", "Ga\u0308rdsgruppen", "Gärdsgruppen", "\u001b[31m", "\0"];

    private const string Old = "2023-10-01"; // D 2024-01-01: reportable in 2024Q1, not late

    public static IReadOnlyDictionary<string, object?> Base(string? id) => new Dictionary<string, object?>
    {
        ["beslut_id"] = id, ["person_id"] = "PERS-" + id?.Trim(), ["insats_kod"] = "SABO", ["beslutsdatum"] = Old,
        ["fodelsedatum"] = "1950-01-01", ["kon"] = "K", ["skyddad_identitet"] = 0L, ["enhet"] = "Enhet Öst",
    };

    private static CorpusRow Bad(string kind, string? id, string reason, params (string Column, object? Value)[] values) =>
        new(kind, id, Handling.Excluded, reason, null, values.ToDictionary(v => v.Column, v => v.Value));

    private static CorpusRow Ok(string kind, string id, string status, params (string Column, object? Value)[] values) =>
        new(kind, id, Handling.Reported, null, status, values.ToDictionary(v => v.Column, v => v.Value));

    private static CorpusRow Warn(string kind, string id, string reason, params (string Column, object? Value)[] values) =>
        new(kind, id, Handling.Warning, reason, "ny", values.ToDictionary(v => v.Column, v => v.Value));

    private const string FodelseDefect = "fodelsedatum malformed, implausible or after beslutsdatum; reported without IVO identifier (manual handling)";

    private const string NotDate = " is not a plausible date in the form YYYY-MM-DD (1901-2099)";

    public static readonly IReadOnlyList<CorpusRow> Rows =
    [
        // --- missing values -------------------------------------------------------------------------------------------
        Bad("beslut_id NULL", null, "beslut_id missing", ("beslut_id", null), ("person_id", "PERS-N1")),
        Bad("beslut_id only spaces", null, "beslut_id missing", ("beslut_id", "   "), ("person_id", "PERS-N2")),
        Bad("every column NULL", null, "beslut_id missing", ("beslut_id", null), ("person_id", null), ("insats_kod", null), ("beslutsdatum", null),
            ("fodelsedatum", null), ("kon", null), ("skyddad_identitet", null), ("enhet", null)),
        Bad("person_id NULL", "X-PNULL", "person_id missing", ("person_id", null)),
        Bad("person_id only spaces", "X-PBLANK", "person_id missing", ("person_id", " \t ")),
        Bad("insats_kod NULL", "X-KNULL", "insats_kod missing", ("insats_kod", null)),
        Bad("beslutsdatum NULL", "X-BNULL", "beslutsdatum missing", ("beslutsdatum", null)),
        // --- dates in other formats or out of range -------------------------------------------------------------------
        Bad("beslutsdatum with slashes", "X-SLASH", "beslutsdatum" + NotDate, ("beslutsdatum", "2023/10/01")),
        Bad("beslutsdatum as dd.MM.yyyy", "X-DOTS", "beslutsdatum" + NotDate, ("beslutsdatum", "01.10.2023")),
        Bad("beslutsdatum as yyyyMMdd", "X-COMPACT", "beslutsdatum" + NotDate, ("beslutsdatum", "20231001")),
        Bad("beslutsdatum 30 February", "X-FEB30", "beslutsdatum" + NotDate, ("beslutsdatum", "2023-02-30")),
        Bad("beslutsdatum in year 1900", "X-1900", "beslutsdatum" + NotDate, ("beslutsdatum", "1900-06-01")),
        Bad("beslutsdatum in year 2100", "X-2100", "beslutsdatum" + NotDate, ("beslutsdatum", "2100-01-01")),
        Bad("verkstallighetsdatum in year 2100", "X-V2100", "verkstallighetsdatum" + NotDate, ("verkstallighetsdatum", "2100-01-01")),
        Bad("erbjudandedatum month 13", "X-M13", "erbjudandedatum" + NotDate, ("erbjudandedatum", "2023-13-01")),
        // --- dates in an impossible order -----------------------------------------------------------------------------
        Bad("verkställighet before beslut", "X-VB", "verkstallighetsdatum before beslutsdatum", ("verkstallighetsdatum", "2023-09-01")),
        Bad("avbrott before verkställighet", "X-AVB", "avbrottsdatum before verkstallighetsdatum",
            ("beslutsdatum", "2023-01-01"), ("verkstallighetsdatum", "2023-03-01"), ("avbrottsdatum", "2023-02-01")),
        Bad("återupptagande before avbrott", "X-ATB", "aterupptagandedatum before avbrottsdatum",
            ("beslutsdatum", "2023-01-01"), ("verkstallighetsdatum", "2023-02-01"), ("avbrottsdatum", "2023-06-01"), ("aterupptagandedatum", "2023-05-01")),
        Bad("avbrott without verkställighet", "X-AVNV", "avbrottsdatum without verkstallighetsdatum", ("beslutsdatum", "2023-01-01"), ("avbrottsdatum", "2023-06-01")),
        Bad("avslut before beslut", "X-ASB", "avslutsdatum before beslutsdatum", ("avslutsdatum", "2023-09-01"), ("avslutsorsak", "annat")),
        // --- codes and booleans ---------------------------------------------------------------------------------------
        Bad("avslutsdatum without avslutsorsak", "X-ANO", "avslutsdatum without avslutsorsak", ("avslutsdatum", "2024-02-01")),
        Bad("unknown avslutsorsak", "X-AUNK", "unknown avslutsorsak", ("avslutsdatum", "2024-02-01"), ("avslutsorsak", "bortrest")),
        Bad("unknown insats_kod", "X-KUNK", "unknown insats_kod (not in ejv_insats)", ("insats_kod", "XYZ")),
        Bad("insats_kod in the wrong case", "X-KCASE", "unknown insats_kod (not in ejv_insats)", ("insats_kod", "sabo")),
        Bad("tackat_nej = 2", "X-TN2", "tackat_nej is not a boolean (0/1)", ("tackat_nej", 2L)),
        Bad("tackat_nej = 'kanske'", "X-TNTXT", "tackat_nej is not a boolean (0/1)", ("tackat_nej", "kanske")),
        Bad("skyddad_identitet = -1", "X-SKY", "skyddad_identitet is not a boolean (0/1)", ("skyddad_identitet", -1L)),
        // --- ids ------------------------------------------------------------------------------------------------------
        Bad("duplicated beslut_id (row 1)", "X-DUP", "duplicate beslut_id (2 rows); none of them was judged"),
        Bad("duplicated beslut_id (row 2)", "X-DUP", "duplicate beslut_id (2 rows); none of them was judged", ("beslutsdatum", "2023-10-02")),
        Bad("duplicate only after trimming (row 1)", "X-DUPSP", "duplicate beslut_id (2 rows); none of them was judged", ("beslut_id", "X-DUPSP")),
        Bad("duplicate only after trimming (row 2)", "X-DUPSP", "duplicate beslut_id (2 rows); none of them was judged", ("beslut_id", "  X-DUPSP ")),
        // Listed with the control characters written out (\u0007), so the id is findable and no raw BEL or ESC reaches a terminal or mail.
        Bad("beslut_id with a control character", "X-CTL\\u0007", "beslut_id too long or contains control characters", ("beslut_id", "X-CTL\u0007")),
        Bad("beslut_id with a terminal escape sequence", "X-ESC\\u001b[2J", "beslut_id too long or contains control characters", ("beslut_id", "X-ESC\u001b[2J")),
        Bad("beslut_id with an RTL override (reverses what is shown)", "X-\\u202eDIR", "beslut_id too long or contains control characters", ("beslut_id", "X-\u202eDIR")),
        Bad("beslut_id of 150 characters", new string('L', 100), "beslut_id too long or contains control characters", ("beslut_id", new string('L', 150))),
        // --- judged despite a warning ---------------------------------------------------------------------------------
        // CONTRACT section 4: a defect only in the person's data is judged and reported, ivoId null, manual handling.
        Warn("kon 'X'", "X-KONX", "kon is neither K nor M; reported without IVO identifier (manual handling)", ("kon", "X")),
        Warn("birth date after the beslut", "X-FAB", FodelseDefect, ("fodelsedatum", "2023-11-01")),
        Warn("fodelsedatum in year 1900", "X-F1900", FodelseDefect, ("fodelsedatum", "1900-01-01")),
        Warn("fodelsedatum with slashes", "X-FSLASH", FodelseDefect, ("fodelsedatum", "1950/01/01")),
        Warn("every optional column NULL (manual handling)", "X-OPTNULL", "fodelsedatum missing; reported without IVO identifier (manual handling)",
            ("fodelsedatum", null), ("kon", null), ("skyddad_identitet", null), ("enhet", null)),
        // --- odd but readable: judged -----------------------------------------------------------------------------------
        Ok("beslut_id with surrounding spaces", "X-SPACE", "ny", ("beslut_id", "  X-SPACE  ")),
        Ok("insats_kod with surrounding spaces", "X-KSP", "ny", ("insats_kod", " SABO ")),
        Ok("kon in lower case", "X-KONK", "ny", ("kon", "k")),
        Ok("beslutsdatum as a midnight timestamp", "X-MIDN", "ny", ("beslutsdatum", "2023-10-01 00:00:00")),
        Ok("beslutsdatum with a time of day (a datetime: its day)", "X-TIME", "ny", ("beslutsdatum", "2023-10-01T08:30:00")),
        Ok("tackat_nej as text 'ja'", "X-TNJA", "ny", ("tackat_nej", "ja"), ("erbjudandedatum", "2023-12-01")),
        Ok("empty strings in optional date columns", "X-EMPTY", "ny", ("verkstallighetsdatum", ""), ("avslutsdatum", "")),
        Ok("SQL in skal", "X-SQLSKAL", "ny", ("skal", Sql)),
        Ok("SQL in beslut_id", "X-SQL'); DELETE FROM ejv_insats; --", "ny", ("beslut_id", "X-SQL'); DELETE FROM ejv_insats; --")),
        Ok("skal of 100 000 characters", "X-LONG", "ny", ("skal", string.Concat(Enumerable.Repeat(LongMarker + " " + Name + ". ", 5000))[..100_000])),
        Ok("control characters in skal", "X-CTRLSKAL", "ny", ("skal", "\u0007\u001b[31m" + Name + "\r\n\u0008" + Address + "\u007f")),
        Ok("combining characters and RTL marks in skal and enhet", "X-UNI", "ny",
            ("skal", "\u202E" + Name + "\u202C \u200F" + Address), ("enhet", "Ga\u0308rdsgruppen \u200F")),
        Ok("emoji in skal and enhet", "X-EMOJI", "ny", ("skal", "🦄 " + Name + " 👨‍👩‍👧"), ("enhet", "Enhet Hemlig 🦄")),
        Ok("NUL in skal and enhet", "X-NULCH", "ny", ("skal", Name + "\0" + Address), ("enhet", "Enhet Hemlig\0Norr")),
        // --- valid rows with known results (CONTRACT.md rules) ------------------------------------------------------------
        Ok("valid: open, D 2024-02-29 (leap clamp)", "V-1", "ny", ("beslutsdatum", "2023-11-30"), ("skal", Name + ", " + Address)),
        Ok("valid: open since D 2023-12-15 < E' (late)", "V-2", "ny", ("insats_kod", "EKB"), ("beslutsdatum", "2023-09-15")),
        new("valid: verkställd on its deadline (in time)", "V-3", Handling.NotReported, null, null,
            new Dictionary<string, object?> { ["insats_kod"] = "L4", ["beslutsdatum"] = "2023-12-31", ["verkstallighetsdatum"] = "2024-03-31" }),
        Ok("valid: avslutad in the quarter", "V-4", "avslutad", ("beslutsdatum", "2023-10-10"), ("avslutsdatum", "2024-01-20"), ("avslutsorsak", "avliden")),
        new("valid: bistånd utöver (never reported)", "V-6", Handling.NotReported, null, null, new Dictionary<string, object?> { ["insats_kod"] = "UTO" }),
    ];

    /// <summary>V-5 is an avbrott: reported under kind avbrott, not ej_verkstallt.</summary>
    public static readonly CorpusRow Avbrott = Ok("valid: avbrott not resumed", "V-5", "ny",
        ("insats_kod", "L4"), ("beslutsdatum", "2022-01-01"), ("verkstallighetsdatum", "2022-02-01"), ("avbrottsdatum", "2023-12-20"), ("enhet", "Enhet Hemlig"));
}
