namespace EjVerkstallda.Core.Tests.Classification;

using EjVerkstallda.Core.Beslut;
using EjVerkstallda.Core.Classification;
using static EjVerkstallda.Core.Tests.TestData;
using Beslut = EjVerkstallda.Core.Beslut.Beslut;
using Kvartal = EjVerkstallda.Core.Kvartal.Kvartal;

/// <summary>Quarters run in order, each quarter's reports fed back as the ledger of the next (återrapportering).</summary>
public sealed partial class ClassifierTests
{
    /// <summary>Runs the quarters in order and returns, per quarter, "id/kind/status" of each report (with "!late").</summary>
    private static List<string[]> RunQuarters(IEnumerable<string> quarters, Func<string, Beslut[]> dataAt)
    {
        var ledger = new Dictionary<CaseKey, PriorReport>();
        var runs = new List<string[]>();
        foreach (var q in quarters)
        {
            var reports = Classifier.Classify(Kvartal.Parse(q), dataAt(q), k => ledger.GetValueOrDefault(k, PriorReport.None)).Reports;
            foreach (var r in reports)
                ledger[r.Key] = new PriorReport(true, ledger.GetValueOrDefault(r.Key).Closed || r.Status.IsClosing());
            runs.Add(reports.Select(r => $"{r.Beslut.Id}/{r.Kind.ToCode()}/{r.Status.ToCode()}{(r.Late ? "!late" : "")}").ToArray());
        }
        return runs;
    }

    private static List<string[]> RunQuarters(string[] quarters, params Beslut[] beslut) => RunQuarters(quarters, _ => beslut);

    [Test]
    public void Classify_QuartersInOrder_NyThenKvarstarThenVerkstalldThenAbsent()
    {
        var runs = RunQuarters(["2024Q1", "2024Q2", "2024Q3", "2024Q4", "2025Q1"], NewBeslut("B1", "2023-12-01", verkst: "2024-08-10"));

        Assert.That(runs, Is.EqualTo(new[]
        {
            new[] { "B1/ej_verkstallt/ny" },
            new[] { "B1/ej_verkstallt/kvarstar" },
            new[] { "B1/ej_verkstallt/verkstalld" },
            Array.Empty<string>(),
            Array.Empty<string>(),
        }));
    }

    [Test]
    public void Classify_QuartersInOrder_NyThenAvslutadThenAbsent()
    {
        var b = NewBeslut("B2", "2023-12-01", avslut: "2024-05-05", orsak: Avslutsorsak.BehovUpphort);

        var runs = RunQuarters(["2024Q1", "2024Q2", "2024Q3"], b);

        Assert.That(runs, Is.EqualTo(new[]
        {
            new[] { "B2/ej_verkstallt/ny" },
            new[] { "B2/ej_verkstallt/avslutad" },
            Array.Empty<string>(),
        }));
    }

    [Test]
    public void Classify_QuartersInOrder_LateVerkstallighetThenAvbrottFollowedToTheEnd()
    {
        // D 2023-09-01, verkställd late 2023-10-01; avbrott 2023-12-01 (D 2024-03-01), återupptagen 2024-07-15.
        var b = NewBeslut("B3", "2023-06-01", verkst: "2023-10-01", avbrott: "2023-12-01", ater: "2024-07-15");

        var runs = RunQuarters(["2023Q2", "2023Q3", "2023Q4", "2024Q1", "2024Q2", "2024Q3", "2024Q4"], b);

        Assert.That(runs, Is.EqualTo(new[]
        {
            Array.Empty<string>(),
            new[] { "B3/ej_verkstallt/ny" },
            new[] { "B3/ej_verkstallt/verkstalld" },
            new[] { "B3/avbrott/ny" },
            new[] { "B3/avbrott/kvarstar" },
            new[] { "B3/avbrott/verkstalld" },
            Array.Empty<string>(),
        }));
    }

    [Test]
    public void Classify_QuarterSkipped_ClosingReportStillMadeInNextRun()
    {
        var runs = RunQuarters(["2024Q1", "2024Q3", "2024Q4"], NewBeslut("B1", "2023-12-01", verkst: "2024-05-10"));

        Assert.That(runs, Is.EqualTo(new[]
        {
            new[] { "B1/ej_verkstallt/ny" },
            new[] { "B1/ej_verkstallt/verkstalld" },
            Array.Empty<string>(),
        }));
    }

    [Test]
    public void Classify_BeslutRegisteredLate_IsNyAndLateOnceThenKvarstar()
    {
        var b = NewBeslut("B4", "2023-10-01");

        var runs = RunQuarters(["2024Q1", "2024Q2", "2024Q3"], q => q == "2024Q1" ? [] : [b]);

        Assert.That(runs, Is.EqualTo(new[]
        {
            Array.Empty<string>(),
            new[] { "B4/ej_verkstallt/ny!late" },
            new[] { "B4/ej_verkstallt/kvarstar" },
        }));
    }

    [Test]
    public void Classify_SeveralBeslutOverQuarters_EachFollowsItsOwnLifecycle()
    {
        var beslut = new[]
        {
            NewBeslut("A", "2023-12-01", verkst: "2024-03-10"),
            NewBeslut("B", "2024-01-10", avslut: "2024-09-01", orsak: Avslutsorsak.Avliden),
            NewBeslut("C", "2024-02-01", verkst: "2024-04-30"),
            NewBeslut("D", "2024-02-01", verkst: "2024-05-02"),
        };

        var runs = RunQuarters(["2024Q1", "2024Q2", "2024Q3", "2024Q4"], beslut);

        Assert.That(runs, Is.EqualTo(new[]
        {
            new[] { "A/ej_verkstallt/verkstalld" },
            new[] { "B/ej_verkstallt/ny", "D/ej_verkstallt/verkstalld" },
            new[] { "B/ej_verkstallt/avslutad" },
            Array.Empty<string>(),
        }));
    }

    [Test]
    public void Classify_SameQuarterTwiceWithSameLedger_GivesSameReports()
    {
        var beslut = new[] { NewBeslut("A", "2023-12-01"), NewBeslut("B", "2023-10-01", verkst: "2024-02-01") };
        var q = Kvartal.Parse("2024Q1");

        var first = Classifier.Classify(q, beslut, _ => PriorReport.None).Reports;
        var second = Classifier.Classify(q, beslut, _ => PriorReport.None).Reports;

        Assert.That(second, Is.EqualTo(first));
    }
}
