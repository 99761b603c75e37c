using System.Globalization;
using EjVerkstallda.Core.Beslut;

namespace EjVerkstallda.Core.SourceCheck;

/// <summary>
/// The view doctor's judgement (<c>ejv check-source</c>): takes what the edge read of <c>ejv_beslut</c> and <c>ejv_insats</c>
/// and returns what to fix (faults: the view cannot be used) and what to look at (warnings). Pure: no I/O.
/// </summary>
public static class SourceDoctor
{
    /// <summary>The contract's columns (CONTRACT section 1), in order.</summary>
    public static readonly IReadOnlyList<string> BeslutColumns =
    [
        "beslut_id", "person_id", "insats_kod", "beslutsdatum", "verkstallighetsdatum", "avbrottsdatum", "aterupptagandedatum",
        "avslutsdatum", "avslutsorsak", "erbjudandedatum", "tackat_nej", "fodelsedatum", "kon", "skyddad_identitet", "enhet", "skal",
    ];

    public static readonly IReadOnlyList<string> InsatsColumns = ["insats_kod", "benamning", "lag", "lagrum"];

    public static readonly IReadOnlyList<string> DateColumns =
        ["beslutsdatum", "verkstallighetsdatum", "avbrottsdatum", "aterupptagandedatum", "avslutsdatum", "erbjudandedatum", "fodelsedatum"];

    /// <summary>Columns a row cannot be judged without.</summary>
    public static readonly IReadOnlyList<string> Required = ["beslut_id", "person_id", "insats_kod", "beslutsdatum"];

    /// <summary>Columns for IVO's identifier: empty on every row means every report goes to manual handling.</summary>
    private static readonly string[] PersonColumns = ["fodelsedatum", "kon"];

    /// <summary>Date ranges are not shown for these (a birth date is a person's data).</summary>
    public static bool ShowsRange(string column) => column != "fodelsedatum";

    private static readonly ColumnKind[] DateKinds = [ColumnKind.Date, ColumnKind.Timestamp, ColumnKind.Instant, ColumnKind.Text];

    public static IReadOnlyList<Finding> Examine(SourceFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var findings = new List<Finding>();
        findings.AddRange(Structure(facts));
        if (facts.BeslutUnreadable is null)
        {
            findings.AddRange(Contents(facts));
            findings.AddRange(Values(facts));
        }
        if (facts.BeslutUnreadable is null && facts.InsatsUnreadable is null) findings.AddRange(Catalogue(facts));
        findings.AddRange(Indexes(facts));
        return findings.OrderBy(f => f.Severity).ToList();
    }

    public static bool Usable(IEnumerable<Finding> findings) => findings.All(f => f.Severity != Severity.Fault);

    /// <summary>True when the candidate query can run (every column present, every date column of an allowed type).</summary>
    public static bool Readable(IEnumerable<Finding> findings) =>
        !findings.Any(f => f.Code is "relation_saknas" or "kolumn_saknas" or "datumtyp_ogiltig");

    private static IEnumerable<Finding> Structure(SourceFacts f)
    {
        if (f.BeslutUnreadable is not null) yield return Finding.Fault("relation_saknas", f.BeslutRelation, f.BeslutRelation);
        if (f.InsatsUnreadable is not null) yield return Finding.Fault("relation_saknas", f.InsatsRelation, f.InsatsRelation);
        foreach (var missing in Missing(f.BeslutUnreadable, f.BeslutRelation, f.BeslutColumns, BeslutColumns)) yield return missing;
        foreach (var missing in Missing(f.InsatsUnreadable, f.InsatsRelation, f.InsatsColumns, InsatsColumns)) yield return missing;
        foreach (var c in f.BeslutColumns.Where(c => DateColumns.Contains(c.Name) && !DateKinds.Contains(c.Kind)))
            yield return Finding.Fault("datumtyp_ogiltig", c.Name, $"{f.BeslutRelation}.{c.Name}", c.TypeName);
    }

    private static IEnumerable<Finding> Missing(string? unreadable, string relation, IReadOnlyList<ColumnFact> present, IReadOnlyList<string> required)
    {
        if (unreadable is not null) yield break;
        foreach (var name in required.Where(n => present.All(c => c.Name != n)))
            yield return Finding.Fault("kolumn_saknas", name, $"{relation}.{name}");
    }

    private static IEnumerable<Finding> Contents(SourceFacts f)
    {
        if (f.Rows == 0)
        {
            yield return Finding.Warning("vy_tom", f.BeslutRelation, f.BeslutRelation);
            yield break;
        }
        foreach (var s in f.Stats)
        {
            if (Required.Contains(s.Name) && s.Nulls == f.Rows) yield return Finding.Fault("obligatorisk_tom", s.Name, s.Name, N(f.Rows));
            else if (Required.Contains(s.Name) && s.Nulls > 0) yield return Finding.Warning("obligatorisk_null", s.Name, s.Name, N(s.Nulls), Percent(s.Nulls, f.Rows));
            else if (PersonColumns.Contains(s.Name) && s.Nulls == f.Rows) yield return Finding.Warning("personkolumn_tom", s.Name, s.Name);
            foreach (var range in Range(s, f.Today)) yield return range;
        }
        foreach (var t in f.TextDates)
        {
            if (t.Unreadable > 0) yield return Of(Systematic(t.Unreadable, Values(f, t.Column)), "textdatum_ogiltigt", t.Column, t.Column, N(t.Unreadable)).WithIds(t.SampleIds);
            if (t.WithTime > 0) yield return Finding.Warning("textdatum_med_tid", t.Column, t.Column, N(t.WithTime));
        }
        if (f.DuplicateIds > 0) yield return Finding.Fault("beslut_id_dubblett", "beslut_id", N(f.DuplicateIds)).WithIds(f.DuplicateSample);
    }

    private static IEnumerable<Finding> Range(ColumnStats s, DateOnly today)
    {
        if (!ShowsRange(s.Name)) yield break;
        if (string.CompareOrdinal(s.Min, CaseDateText.Of(BeslutValidator.EarliestPlausible)) < 0 && s.Min is not null
            || string.CompareOrdinal(s.Max, CaseDateText.Of(BeslutValidator.LatestPlausible)) > 0)
            yield return Finding.Warning("datum_orimligt", s.Name, s.Name, s.Min ?? "", s.Max ?? "");
        else if (s.Name == "beslutsdatum" && string.CompareOrdinal(s.Max, CaseDateText.Of(today)) > 0)
            yield return Finding.Warning("beslutsdatum_framtid", s.Name, s.Max ?? "");
    }

    private static IEnumerable<Finding> Values(SourceFacts f)
    {
        foreach (var o in f.Outside.Where(o => o.Rows > 0))
        {
            var finding = o.Column switch
            {
                "kon" => Finding.Warning("kon_utanfor_lista", o.Column, N(o.Rows)),
                "avslutsorsak" => Of(Systematic(o.Rows, Values(f, o.Column)), "avslutsorsak_utanfor_lista", o.Column, N(o.Rows)),
                _ => Of(Systematic(o.Rows, Values(f, o.Column)), "boolesk_ogiltig", o.Column, o.Column, N(o.Rows)),
            };
            yield return finding.WithIds(o.SampleIds);
        }
    }

    private static IEnumerable<Finding> Catalogue(SourceFacts f)
    {
        foreach (var problem in f.CatalogueProblems) yield return Finding.Fault("katalog_rad_ogiltig", "ejv_insats", problem);
        var mapped = f.CatalogueCodes.ToHashSet(StringComparer.Ordinal);
        var unmapped = f.CodesUsed.Where(u => !mapped.Contains(u.Code)).OrderByDescending(u => u.Rows).ThenBy(u => u.Code, StringComparer.Ordinal).ToList();
        if (unmapped.Count > 0)
            yield return Finding.Fault("insats_omappad", "insats_kod", f.InsatsRelation, N(unmapped.Sum(u => u.Rows)), Codes(unmapped.Select(u => $"{u.Code} ({N(u.Rows)})")));
        var used = f.CodesUsed.Select(u => u.Code).ToHashSet(StringComparer.Ordinal);
        var unused = f.CatalogueCodes.Where(c => !used.Contains(c)).Order(StringComparer.Ordinal).ToList();
        if (unused.Count > 0 && f.Rows > 0) yield return Finding.Warning("insats_oanvand", "insats_kod", f.InsatsRelation, Codes(unused));
    }

    private static IEnumerable<Finding> Indexes(SourceFacts f) =>
        f.Indexes.Where(i => i.Found == false).Select(i => Finding.Warning("index_saknas", i.Column, i.Column, i.Suggested));

    /// <summary>
    /// Bad values on at least this share of a column's values are the view's mapping (a fault: fix the view); fewer are data
    /// errors in single rows, which every run lists (a warning). An unmapped insats code is always a fault: fix the catalogue.
    /// </summary>
    public const double SystematicShare = 0.01;

    private static bool Systematic(long bad, long values) => values == 0 || bad >= SystematicShare * values;

    private static long Values(SourceFacts f, string column) => f.Rows - (f.Stats.FirstOrDefault(s => s.Name == column)?.Nulls ?? 0);

    private static Finding Of(bool fault, string code, string column, params string[] args) =>
        fault ? Finding.Fault(code, column, args) : Finding.Warning(code, column, args);

    private const int ListedCodes = 8;

    private static string Codes(IEnumerable<string> codes)
    {
        var list = codes.ToList();
        var shown = string.Join(", ", list.Take(ListedCodes));
        return list.Count > ListedCodes ? $"{shown}, … (+{list.Count - ListedCodes})" : shown;
    }

    private static string N(long n) => n.ToString(CultureInfo.InvariantCulture);

    private static string Percent(long part, long whole) =>
        (100.0 * part / whole).ToString(part * 1000 < whole ? "0.0#" : "0", CultureInfo.InvariantCulture) + " %";
}
