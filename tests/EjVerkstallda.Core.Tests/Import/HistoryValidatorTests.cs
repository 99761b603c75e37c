using EjVerkstallda.Core.Beslut;
using EjVerkstallda.Core.Classification;
using EjVerkstallda.Core.Import;
using static EjVerkstallda.Core.Tests.TestData;

namespace EjVerkstallda.Core.Tests.Import;

/// <summary>
/// The history file's rules, one planted fault per case. Persons: P1 (B-1, B-2) is a man born 1940-01-01 (odd kön digit),
/// P3 (B-3) a woman born the same day, P9 (B-9) is skyddad (manual handling). The product runs from 2026Q3.
/// </summary>
[TestFixture]
public sealed class HistoryValidatorTests
{
    private const string Header = "beslut_id;kind;avbrottsdatum;ivo_id;first_quarter;last_quarter;last_status\n";

    private static readonly HistoryContext Context = new()
    {
        Beslut = new[]
        {
            NewBeslut("B-1", "2025-10-01", person: "P1", kon: Kon.M),
            NewBeslut("B-2", "2025-11-01", person: "P1", kon: Kon.M),
            NewBeslut("B-3", "2025-10-01", person: "P3", kon: Kon.K, avbrott: "2025-12-01"),
            NewBeslut("B-9", "2025-10-01", person: "P9", skyddad: true),
            NewBeslut("B-8", "2025-10-01", person: "P8", kon: Kon.M),
            NewBeslut("B-U", "2025-10-01", insats: Utover, person: "P4"),
        }.ToDictionary(b => b.Id, StringComparer.Ordinal),
        Unjudgeable = new Dictionary<string, string> { ["B-BAD"] = "verkstallighetsdatum before beslutsdatum" },
        KnownIds = new Dictionary<string, string> { ["P7"] = "19400101-T211" },
        RunsFrom = new Core.Kvartal.Kvartal(2026, 3),
        RunsFromReason = "the nämnd's FirstQuarter",
    };

    private static HistoryValidation Check(string lines) => HistoryValidator.Validate(DelimitedText.Parse(Header + lines), Context);

    [Test]
    public void Validate_GoodRows_GivesThemAndNoErrors()
    {
        var v = Check("""
            B-1;ej_verkstallt;;19400101-T111;2026Q1;2026Q2;kvarstar
            B-2;ej_verkstallt;;19400101-T111;2026Q2;2026Q2;ny
            B-3;avbrott;2025-12-01;19400101-T100;2026Q1;2026Q1;verkstalld
            B-9;ej_verkstallt;;;2026Q1;2026Q2;kvarstar
            """);
        Assert.That(v.Errors, Is.Empty);
        Assert.That(v.Rows.Select(r => (r.Line, r.Beslut.Id, r.Key)), Is.EqualTo(new[]
        {
            (2, "B-1", new CaseKey("B-1", CaseKind.EjVerkstallt)), (3, "B-2", new CaseKey("B-2", CaseKind.EjVerkstallt)),
            (4, "B-3", new CaseKey("B-3", CaseKind.Avbrott, D("2025-12-01"))), (5, "B-9", new CaseKey("B-9", CaseKind.EjVerkstallt)),
        }));
        Assert.That(v.Rows[0].Quarters().Select(q => (q.Quarter.ToString(), q.Status)),
            Is.EqualTo(new[] { ("2026Q1", ReportStatus.Ny), ("2026Q2", ReportStatus.Kvarstar) }));
    }

    [TestCase("B-404;ej_verkstallt;;19400101-T111;2026Q1;2026Q2;kvarstar", "beslut B-404 is not in ejv_beslut")]
    [TestCase(";ej_verkstallt;;19400101-T111;2026Q1;2026Q2;kvarstar", "beslut_id is empty")]
    [TestCase("B-BAD;ej_verkstallt;;19400101-T111;2026Q1;2026Q2;kvarstar", "cannot be judged (verkstallighetsdatum before beslutsdatum)")]
    [TestCase("B-U;ej_verkstallt;;19400101-T100;2026Q1;2026Q2;kvarstar", "bistånd utöver")]
    [TestCase("B-1;late;;19400101-T111;2026Q1;2026Q2;kvarstar", "kind 'late' is not a kind")]
    [TestCase("B-1;ej_verkstallt;;19400101-T111;2026Q1;2026Q2;open", "last_status 'open' is not a status")]
    [TestCase("B-1;ej_verkstallt;2025-12-01;19400101-T111;2026Q1;2026Q2;kvarstar", "avbrottsdatum is given for kind ej_verkstallt")]
    [TestCase("B-3;avbrott;;19400101-T100;2026Q1;2026Q2;kvarstar", "kind avbrott needs an avbrottsdatum")]
    [TestCase("B-3;avbrott;1/12/2025;19400101-T100;2026Q1;2026Q2;kvarstar", "avbrottsdatum '1/12/2025' is not a date")]
    [TestCase("B-1;ej_verkstallt;;19400101-111;2026Q1;2026Q2;kvarstar", "ivo_id is not IVO's form")]
    [TestCase("B-1;ej_verkstallt;;19400101-T101;2026Q1;2026Q2;kvarstar", "kön digit")]
    [TestCase("B-1;ej_verkstallt;;19410101-T111;2026Q1;2026Q2;kvarstar", "is not the person's fodelsedatum")]
    [TestCase("B-1;ej_verkstallt;;;2026Q1;2026Q2;kvarstar", "ivo_id is empty")]
    [TestCase("B-1;ej_verkstallt;;19400101-T111;2026 Q1;2026Q2;kvarstar", "first_quarter '2026 Q1' is not a quarter")]
    [TestCase("B-1;ej_verkstallt;;19400101-T111;2026Q2;2026Q1;kvarstar", "first_quarter 2026Q2 is after last_quarter 2026Q1")]
    [TestCase("B-1;ej_verkstallt;;19400101-T111;2026Q1;2026Q3;kvarstar", "last_quarter 2026Q3 is not before 2026Q3, the nämnd's FirstQuarter")]
    [TestCase("B-1;ej_verkstallt;;19400101-T111;2026Q1;2026Q2;ny", "last_status ny means the case was reported once")]
    [TestCase("B-1;ej_verkstallt;;19400101-T111;2026Q2;2026Q2;kvarstar", "last_status kvarstar needs an earlier first report")]
    [TestCase("B-1;ej_verkstallt;;19400101-T211;2026Q1;2026Q2;kvarstar", "the ledger already has this ivo_id for another person")]
    public void Validate_OneFault_IsListedWithItsLineAndNothingIsGiven(string line, string expected)
    {
        var v = Check(line);
        Assert.That(v.Rows, Is.Empty);
        Assert.That(v.Errors.Select(e => e.ToString()), Has.Some.StartsWith("line 2: ").And.Some.Contains(expected));
        Assert.That(v.Errors.Select(e => e.Message), Has.None.Contains("19400101").And.None.Contains("19410101"), "IVO identifiers are never repeated");
    }

    [Test]
    public void Validate_PersonRules_AcrossLinesAndAgainstTheLedger()
    {
        var context = Context with { KnownIds = new Dictionary<string, string> { ["P3"] = "19400101-T120" } };
        var v = HistoryValidator.Validate(DelimitedText.Parse(Header + """
            B-1;ej_verkstallt;;19400101-T111;2026Q1;2026Q2;kvarstar
            B-2;ej_verkstallt;;19400101-T113;2026Q2;2026Q2;ny
            B-3;avbrott;2025-12-01;19400101-T100;2026Q1;2026Q2;kvarstar
            B-1;ej_verkstallt;;19400101-T111;2026Q1;2026Q2;kvarstar
            """), context);
        Assert.That(v.Rows, Is.Empty);
        Assert.That(v.Errors.Select(e => e.ToString()), Is.EqualTo(new[]
        {
            "line 3: beslut B-2 is the same person (person_id) as line 2 but has another ivo_id; a person keeps one identifier for every beslut",
            "line 4: beslut B-3: the ledger already gave this person another IVO identifier (used in a report the product made); use that one, or ask the administrator",
            "line 5: beslut B-1 (ej_verkstallt) is already on line 2; keep one line per case",
        }));
    }

    [Test]
    public void Validate_OneIdentifierForTwoPersons_IsAnError()
    {
        var v = Check("""
            B-1;ej_verkstallt;;19400101-T111;2026Q1;2026Q2;kvarstar
            B-8;ej_verkstallt;;19400101-T111;2026Q1;2026Q2;kvarstar
            """);
        Assert.That(v.Errors.Select(e => e.ToString()), Has.Some.StartsWith("line 3: beslut B-8 has the same ivo_id as line 2"));
    }

    [Test]
    public void Validate_HeaderWithoutAColumn_IsOneErrorOnLineOne()
    {
        var v = HistoryValidator.Validate(DelimitedText.Parse("beslut_id;kind;ivo_id\nB-1;ej_verkstallt;x\n"), Context);
        Assert.That(v.Errors.Single().ToString(), Does.StartWith("line 1: the header lacks avbrottsdatum, first_quarter, last_quarter, last_status"));
    }

    [Test]
    public void Plan_AgainstTheLedger_SplitsNewUnchangedAndConflicting()
    {
        var rows = Check("""
            B-1;ej_verkstallt;;19400101-T111;2026Q1;2026Q2;kvarstar
            B-2;ej_verkstallt;;19400101-T111;2026Q2;2026Q2;ny
            B-3;avbrott;2025-12-01;19400101-T100;2026Q1;2026Q2;kvarstar
            """).Rows;
        var q1 = new Core.Kvartal.Kvartal(2026, 1);
        var q2 = new Core.Kvartal.Kvartal(2026, 2);
        var ledger = new Dictionary<CaseKey, LedgerCase>
        {
            [new CaseKey("B-1", CaseKind.EjVerkstallt)] = new(q1, q2, ReportStatus.Kvarstar, "19400101-T111", Imported: true),
            [new CaseKey("B-3", CaseKind.Avbrott, D("2025-12-01"))] = new(q1, q2, ReportStatus.Verkstalld, "19400101-T100", Imported: true),
        };
        var plan = HistoryPlan.Of(rows, ledger);
        Assert.That(plan.New.Select(r => r.Beslut.Id), Is.EqualTo(new[] { "B-2" }));
        Assert.That(plan.Unchanged.Select(r => r.Beslut.Id), Is.EqualTo(new[] { "B-1" }));
        Assert.That(plan.Conflicts.Single().ToString(), Does.StartWith("line 4: beslut B-3 (avbrott) was imported earlier as 2026Q1–2026Q2 verkstalld"));
    }

    [Test]
    public void Preview_NextQuarter_KvarstarClosingOrNeverAgain()
    {
        var context = Context with
        {
            Beslut = new[]
            {
                NewBeslut("B-1", "2025-10-01", person: "P1", kon: Kon.M),
                NewBeslut("B-2", "2025-11-01", person: "P1", kon: Kon.M, verkst: "2026-08-01"),
                NewBeslut("B-3", "2025-10-01", person: "P3", kon: Kon.K, verkst: "2026-02-01"),
            }.ToDictionary(b => b.Id, StringComparer.Ordinal),
        };
        var rows = HistoryValidator.Validate(DelimitedText.Parse(Header + """
            B-1;ej_verkstallt;;19400101-T111;2026Q1;2026Q2;kvarstar
            B-2;ej_verkstallt;;19400101-T111;2026Q1;2026Q2;kvarstar
            B-3;ej_verkstallt;;19400101-T100;2026Q1;2026Q1;verkstalld
            """), context).Rows;
        var next = HistoryPreview.Next(rows, new Core.Kvartal.Kvartal(2026, 3), ClassificationOptions.Default);
        Assert.That(next.Select(n => (n.Row.Beslut.Id, n.Next, n.Report?.Late)), Is.EqualTo(new (string, NextReport, bool?)[]
        {
            ("B-1", NextReport.Kvarstar, false), ("B-2", NextReport.ClosingReport, false), ("B-3", NextReport.NeverAgain, null),
        }));
    }
}
