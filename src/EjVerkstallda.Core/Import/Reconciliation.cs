using EjVerkstallda.Core.Classification;

namespace EjVerkstallda.Core.Import;

public enum Discrepancy
{
    /// <summary>The rules report the case this quarter; the kommun did not (a missed report).</summary>
    Missed,

    /// <summary>The kommun reported it; the rules do not find it (a mapping error, or a report that was not needed).</summary>
    NotFound,

    /// <summary>The rules make the closing report this quarter; the kommun reported it open, or not at all after reporting it before.</summary>
    ClosingNotSent,

    /// <summary>The kommun made a closing report the rules do not make (the case system has it open).</summary>
    ClosedTooEarly,
}

public sealed record Finding(Kvartal.Kvartal Quarter, CaseKey Case, Discrepancy Kind, ReportStatus? Rules, ReportStatus? Reported);

/// <summary>
/// One quarter of <c>ejv reconcile</c>: what the rules say should have been reported (judged with what was really reported
/// before the quarter) against what the ledger holds as reported (the kommun's imported history, or the product's own runs).
/// </summary>
public static class Reconciliation
{
    public static IReadOnlyList<Finding> Compare(Kvartal.Kvartal quarter, IReadOnlyDictionary<CaseKey, ReportStatus> rules,
        IReadOnlyDictionary<CaseKey, ReportStatus> reported, IReadOnlyDictionary<CaseKey, PriorReport> prior)
    {
        var findings = new List<Finding>();
        foreach (var (key, r) in rules)
        {
            var had = reported.TryGetValue(key, out var k);
            if (r.IsClosing() && (prior.GetValueOrDefault(key).Reported || had) && (!had || !k.IsClosing()))
                findings.Add(new(quarter, key, Discrepancy.ClosingNotSent, r, had ? k : null));
            else if (!had)
                findings.Add(new(quarter, key, Discrepancy.Missed, r, null));
            else if (k.IsClosing() && !r.IsClosing())
                findings.Add(new(quarter, key, Discrepancy.ClosedTooEarly, r, k));
        }
        foreach (var (key, k) in reported.Where(kv => !rules.ContainsKey(kv.Key)))
            findings.Add(new(quarter, key, Discrepancy.NotFound, null, k));
        return findings.OrderBy(f => f.Kind).ThenBy(f => f.Case.BeslutId, StringComparer.Ordinal).ToList();
    }
}
