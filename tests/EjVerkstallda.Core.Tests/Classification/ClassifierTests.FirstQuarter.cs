namespace EjVerkstallda.Core.Tests.Classification;

using EjVerkstallda.Core.Classification;
using static EjVerkstallda.Core.Tests.TestData;
using Kvartal = EjVerkstallda.Core.Kvartal.Kvartal;

/// <summary>
/// FirstQuarter = 2026Q3 (the ledger starts there; the runner passes its first day 2026-07-01). Hand-reported means
/// reportable at the reporting day of 2026Q2, E = 2026-06-30 (D &lt; 2026-06-30), and not closed by then.
/// Judged in 2026Q3: S 2026-07-01, E 2026-09-30, E' 2026-06-30.
/// </summary>
public sealed partial class ClassifierTests
{
    private static readonly DateOnly FirstDayOf2026Q3 = new(2026, 7, 1);

    [TestCase("2026-03-28", null, ReportStatus.Kvarstar, TestName = "Classify_FirstQuarter_DeadlineTwoDaysBeforeE_IsKvarstar")]
    [TestCase("2026-03-29", null, ReportStatus.Kvarstar, TestName = "Classify_FirstQuarter_DeadlineDayBeforeE_IsKvarstar")]
    [TestCase("2026-03-30", null, ReportStatus.Ny, TestName = "Classify_FirstQuarter_DeadlineOnPreviousE_IsNy")]
    [TestCase("2026-03-31", null, ReportStatus.Ny, TestName = "Classify_FirstQuarter_DeadlineOnPreviousE_MonthEnd_IsNy")]
    [TestCase("2026-04-01", null, ReportStatus.Ny, TestName = "Classify_FirstQuarter_DeadlineInTheQuarter_IsNy")]
    [TestCase("2026-03-29", "2026-07-01", ReportStatus.Verkstalld, TestName = "Classify_FirstQuarter_HandReportedClosedInQuarter_IsVerkstalld")]
    [TestCase("2026-03-30", "2026-07-15", ReportStatus.Verkstalld, TestName = "Classify_FirstQuarter_NotHandReportedClosedInQuarter_IsVerkstalld")]
    public void Classify_FirstQuarterBoundary_HandReportedOnlyWhenReportableAtPreviousE(string beslut, string? verkst, ReportStatus expected)
    {
        var r = Single(ClassifyFrom2026Q3(NewBeslut("B1", beslut, verkst: verkst)));

        Assert.Multiple(() =>
        {
            Assert.That(r.Status, Is.EqualTo(expected));
            Assert.That(r.Late, Is.False, "neither hand-reported nor first reported after E' is late");
        });
    }

    [TestCase("2026-03-29", "2026-06-30", TestName = "Classify_FirstQuarter_HandReportedClosedOnPreviousE_IsNotReported")]
    [TestCase("2026-03-29", "2026-06-01", TestName = "Classify_FirstQuarter_HandReportedClosedBeforePreviousE_IsNotReported")]
    public void Classify_FirstQuarter_ClosedByPreviousE_IsNotReported(string beslut, string verkst) =>
        Assert.That(ClassifyFrom2026Q3(NewBeslut("B1", beslut, verkst: verkst)).Reports, Is.Empty);

    [TestCase("2026-03-29", ReportStatus.Kvarstar)]
    [TestCase("2026-03-30", ReportStatus.Ny)]
    public void Classify_FirstQuarterBoundary_AvbrottToo(string avbrott, ReportStatus expected)
    {
        var result = ClassifyFrom2026Q3(NewBeslut("B1", "2020-01-01", verkst: "2020-02-01", avbrott: avbrott));

        Assert.That(Single(result).Status, Is.EqualTo(expected));
    }

    private static ClassificationResult ClassifyFrom2026Q3(params global::EjVerkstallda.Core.Beslut.Beslut[] beslut) =>
        Classifier.Classify(Kvartal.Parse("2026Q3"), beslut, _ => PriorReport.None, new ClassificationOptions { HandReportedBefore = FirstDayOf2026Q3 });
}
