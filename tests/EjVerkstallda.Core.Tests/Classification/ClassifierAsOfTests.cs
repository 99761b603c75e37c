namespace EjVerkstallda.Core.Tests.Classification;

using EjVerkstallda.Core.Classification;
using static EjVerkstallda.Core.Tests.TestData;
using Kvartal = EjVerkstallda.Core.Kvartal.Kvartal;

/// <summary>
/// The preview of a quarter that has not ended (CONTRACT section 4, dry run) is judged as of today instead of E:
/// 2026Q4, E = 2026-12-31, today 2026-12-01. Expectations worked out by hand.
/// </summary>
[TestFixture]
public sealed class ClassifierAsOfTests
{
    private static readonly ClassificationOptions AsOfDecember1 = new() { AsOf = D("2026-12-01") };

    private static IReadOnlyList<IvoReport> Preview(params global::EjVerkstallda.Core.Beslut.Beslut[] beslut) =>
        Classifier.Classify(Kvartal.Parse("2026Q4"), beslut, _ => PriorReport.None, AsOfDecember1).Reports;

    [Test]
    public void Classify_AsOfToday_DeadlineAfterTodayIsNotReported()
    {
        // D 2026-11-15 < today: reported; D 2026-12-15 is after today (though before E): not yet.
        var reports = Preview(NewBeslut("B1", "2026-08-15"), NewBeslut("B2", "2026-09-15"));

        Assert.That(reports.Select(r => r.Beslut.Id), Is.EqualTo(new[] { "B1" }));
        Assert.That(reports[0].DaysSinceStart, Is.EqualTo(108), "2026-08-15 to 2026-12-01");
    }

    [Test]
    public void Classify_AsOfToday_DatesAfterTodayHaveNotHappened()
    {
        var reports = Preview(NewBeslut("B1", "2026-08-15", verkst: "2026-12-10"));

        Assert.That((reports.Single().Status, reports.Single().ClosingDay), Is.EqualTo((ReportStatus.Ny, (DateOnly?)null)));
    }

    [Test]
    public void Classify_NoAsOf_JudgesAsOfE()
    {
        var reports = Classifier.Classify(Kvartal.Parse("2026Q4"), [NewBeslut("B1", "2026-08-15"), NewBeslut("B2", "2026-09-15")], _ => PriorReport.None).Reports;

        Assert.That(reports.Select(r => r.Beslut.Id), Is.EqualTo(new[] { "B1", "B2" }));
    }
}
