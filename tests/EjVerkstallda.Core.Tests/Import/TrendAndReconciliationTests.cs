using EjVerkstallda.Core.Classification;
using EjVerkstallda.Core.Import;

namespace EjVerkstallda.Core.Tests.Import;

[TestFixture]
public sealed class TrendAndReconciliationTests
{
    private static readonly Core.Kvartal.Kvartal Current = new(2026, 4);

    [Test]
    public void TrendValidator_GoodAndBadLines()
    {
        var good = TrendValidator.Validate(DelimitedText.Parse("quarter;lag;kind;open\n2026Q1;SoL;ej_verkstallt;12\n2026Q1;LSS;avbrott;0\n"), Current);
        Assert.That(good.Errors, Is.Empty);
        Assert.That(good.Rows.Select(r => (r.Line, r.Quarter.ToString(), r.Open)), Is.EqualTo(new[] { (2, "2026Q1", 12), (3, "2026Q1", 0) }));

        var bad = TrendValidator.Validate(DelimitedText.Parse("quarter;lag;kind;open\n2026Q4;SoL;ej_verkstallt;1\n2026Q1;HSL;ej_verkstallt;1\n2026Q1;SoL;ny;-3\n2026Q2;SoL;avbrott;2\n2026Q2;SoL;avbrott;2\n"), Current);
        Assert.That(bad.Rows, Is.Empty);
        Assert.That(bad.Errors.Select(e => e.ToString()), Is.EqualTo(new[]
        {
            "line 2: quarter 2026Q4 has not ended (the figures are of earlier quarters, before 2026Q4)",
            "line 3: lag 'HSL' is not a lag; write SoL or LSS",
            "line 4: kind 'ny' is not a kind; write ej_verkstallt or avbrott",
            "line 4: open '-3' is not a count; write the number of open cases at the quarter's end (0 or more, digits only)",
            "line 6: 2026Q2 SoL avbrott is already on line 5; give each quarter, lag and kind once",
        }));
    }

    [Test]
    public void TrendPlan_SameFigureIsUnchanged_AnotherIsAConflict()
    {
        var rows = TrendValidator.Validate(DelimitedText.Parse("quarter;lag;kind;open\n2026Q1;SoL;ej_verkstallt;12\n2026Q2;SoL;ej_verkstallt;9\n2026Q3;SoL;ej_verkstallt;7\n"), Current).Rows;
        var (fresh, unchanged, conflicts) = TrendValidator.Plan(rows, new Dictionary<(string, string, string), int>
        {
            [("2026Q1", "SoL", "ej_verkstallt")] = 12,
            [("2026Q2", "SoL", "ej_verkstallt")] = 10,
        });
        Assert.That((fresh.Single().Line, unchanged), Is.EqualTo((4, 1)));
        Assert.That(conflicts.Single().ToString(), Does.StartWith("line 3: 2026Q2 SoL ej_verkstallt was imported earlier as 10; this file says 9"));
    }

    [Test]
    public void Reconciliation_Compare_NamesEachKindOfDiscrepancy()
    {
        var q = new Core.Kvartal.Kvartal(2026, 2);
        CaseKey K(string id) => new(id, CaseKind.EjVerkstallt);
        var rules = new Dictionary<CaseKey, ReportStatus>
        {
            [K("same")] = ReportStatus.Kvarstar,
            [K("missed")] = ReportStatus.Ny,
            [K("closing")] = ReportStatus.Verkstalld,
            [K("closing-as-open")] = ReportStatus.Avslutad,
            [K("still-open")] = ReportStatus.Kvarstar,
        };
        var reported = new Dictionary<CaseKey, ReportStatus>
        {
            [K("same")] = ReportStatus.Kvarstar,
            [K("closing-as-open")] = ReportStatus.Kvarstar,
            [K("still-open")] = ReportStatus.Verkstalld,
            [K("not-needed")] = ReportStatus.Ny,
        };
        var prior = new Dictionary<CaseKey, PriorReport> { [K("closing")] = new(true, false), [K("closing-as-open")] = new(true, false) };
        var findings = Reconciliation.Compare(q, rules, reported, prior);
        Assert.That(findings.Select(f => (f.Case.BeslutId, f.Kind)), Is.EqualTo(new[]
        {
            ("missed", Discrepancy.Missed), ("not-needed", Discrepancy.NotFound), ("closing", Discrepancy.ClosingNotSent),
            ("closing-as-open", Discrepancy.ClosingNotSent), ("still-open", Discrepancy.ClosedTooEarly),
        }));
    }
}
