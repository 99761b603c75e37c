namespace EjVerkstallda.Core.Tests.Classification;

using EjVerkstallda.Core.Beslut;
using EjVerkstallda.Core.Classification;
using static EjVerkstallda.Core.Tests.TestData;
using Kvartal = EjVerkstallda.Core.Kvartal.Kvartal;

/// <summary>Avbrott (counted from the avbrottsdatum, closed by återupptagande or avslut) and the late flag.</summary>
public sealed partial class ClassifierTests
{
    [Test]
    public void Classify_OpenAvbrottPastDeadline_IsNyAvbrottCountedFromAvbrott()
    {
        var b = NewBeslut("B1", "2023-01-10", verkst: "2023-02-01", avbrott: "2023-12-15");

        var r = Single(Classify("2024Q1", b));

        Assert.Multiple(() =>
        {
            Assert.That(r.Kind, Is.EqualTo(CaseKind.Avbrott));
            Assert.That(r.Status, Is.EqualTo(ReportStatus.Ny));
            Assert.That(r.Start, Is.EqualTo(D("2023-12-15")));
            Assert.That(r.Deadline, Is.EqualTo(D("2024-03-15")));
            Assert.That(r.DaysSinceStart, Is.EqualTo(107));
            Assert.That(r.Key, Is.EqualTo(new CaseKey("B1", CaseKind.Avbrott, D("2023-12-15"))), "each avbrott is its own case");
            Assert.That(r.Lagrum, Is.EqualTo("4 kap. 1 § SoL (2001:453)"));
        });
    }

    [TestCase("2024-03-15", null, 0, null)]          // återupptagen on D: in time
    [TestCase("2024-03-16", null, 1, ReportStatus.Verkstalld)]
    [TestCase(null, "2024-03-16", 1, ReportStatus.Avslutad)]
    [TestCase(null, "2024-03-15", 0, null)]
    [TestCase("2024-04-01", null, 1, ReportStatus.Ny)] // after E: not yet
    public void Classify_Avbrott_ClosedByAterupptagandeOrAvslut(string? ater, string? avslut, int count, ReportStatus? status)
    {
        var b = NewBeslut("B1", "2023-01-10", verkst: "2023-02-01", avbrott: "2023-12-15", ater: ater, avslut: avslut);

        var result = Classify("2024Q1", b);

        Assert.That(result.Reports, Has.Count.EqualTo(count));
        if (count == 1)
        {
            Assert.Multiple(() =>
            {
                Assert.That(result.Reports[0].Kind, Is.EqualTo(CaseKind.Avbrott));
                Assert.That(result.Reports[0].Status, Is.EqualTo(status));
            });
        }
    }

    [Test]
    public void Classify_AvbrottAterupptagen_VerkstallighetsdatumIsAterupptagandet()
    {
        var b = NewBeslut("B1", "2023-01-10", verkst: "2023-02-01", avbrott: "2023-12-15", ater: "2024-03-20");

        var r = Single(Classify("2024Q1", b));

        Assert.That(r.Verkstallighetsdatum, Is.EqualTo(D("2024-03-20")));
    }

    [Test]
    public void Classify_AvbrottAfterE_IsNoCase()
    {
        var b = NewBeslut("B1", "2023-01-10", verkst: "2023-02-01", avbrott: "2024-04-01");

        Assert.That(Classify("2024Q1", b).Reports, Is.Empty);
    }

    [Test]
    public void Classify_LateThenInterruptedWithClosingOwed_GivesTwoReportsEjVerkstalltFirst()
    {
        // Beslut 2023-06-01, D 2023-09-01; verkställd late 2023-10-01; interrupted 2023-12-01, D 2024-03-01.
        // The ej_verkstallt case was reported in 2023Q3, 2023Q4 was never run: its closing report is owed in 2024Q2.
        var b = NewBeslut("B1", "2023-06-01", verkst: "2023-10-01", avbrott: "2023-12-01");
        PriorReport Prior(CaseKey k) => k.Kind == CaseKind.EjVerkstallt ? ReportedOpen : PriorReport.None;

        var reports = Classifier.Classify(Kvartal.Parse("2024Q2"), [b], Prior).Reports;

        Assert.That(reports, Has.Count.EqualTo(2));
        Assert.Multiple(() =>
        {
            Assert.That(reports[0].Kind, Is.EqualTo(CaseKind.EjVerkstallt));
            Assert.That(reports[0].Status, Is.EqualTo(ReportStatus.Verkstalld));
            Assert.That(reports[0].Verkstallighetsdatum, Is.EqualTo(D("2023-10-01")));
            Assert.That(reports[0].Late, Is.False);
            Assert.That(reports[1].Kind, Is.EqualTo(CaseKind.Avbrott));
            Assert.That(reports[1].Status, Is.EqualTo(ReportStatus.Ny));
            Assert.That(reports[1].Deadline, Is.EqualTo(D("2024-03-01")));
            Assert.That(reports[1].Late, Is.True);
        });
    }

    [TestCase("2023-11-01", true)]  // D 2024-02-01 < E' 2024-03-31
    [TestCase("2023-12-30", true)]  // D 2024-03-30 < E'
    [TestCase("2023-12-31", false)] // D 2024-03-31 = E'
    [TestCase("2024-01-15", false)] // D 2024-04-15 in the quarter
    public void Classify_NeverReportedDeadlineBeforePreviousE_IsLate(string beslutsdatum, bool late)
    {
        var r = Single(Classify("2024Q2", NewBeslut("B1", beslutsdatum)));

        Assert.Multiple(() =>
        {
            Assert.That(r.Status, Is.EqualTo(ReportStatus.Ny));
            Assert.That(r.Late, Is.EqualTo(late));
        });
    }

    [Test]
    public void Classify_LateCaseClosingInQuarter_IsLateClosingReport()
    {
        var r = Single(Classify("2024Q2", NewBeslut("B1", "2023-11-01", verkst: "2024-05-10")));

        Assert.Multiple(() =>
        {
            Assert.That(r.Status, Is.EqualTo(ReportStatus.Verkstalld));
            Assert.That(r.Late, Is.True);
        });
    }

    [Test]
    public void Classify_LateCaseAlreadyReported_IsNotLate()
    {
        Assert.That(Single(Classify("2024Q2", ReportedOpen, NewBeslut("B1", "2023-11-01"))).Late, Is.False);
    }
}
