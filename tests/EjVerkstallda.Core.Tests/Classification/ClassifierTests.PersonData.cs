namespace EjVerkstallda.Core.Tests.Classification;

using EjVerkstallda.Core.Beslut;
using EjVerkstallda.Core.Classification;
using static EjVerkstallda.Core.Tests.TestData;

/// <summary>CONTRACT section 4: a reported beslut whose person data is defective is listed in the data-quality list, not excluded.</summary>
public sealed partial class ClassifierTests
{
    [Test]
    public void Classify_ReportedWithoutFodelsedatum_IsReportedAndListedNotExcluded()
    {
        var result = Classify("2024Q1", NewBeslut("B1", "2023-12-01") with { Fodelsedatum = null });

        Assert.Multiple(() =>
        {
            Assert.That(Single(result).Status, Is.EqualTo(ReportStatus.Ny));
            Assert.That(result.Notes.Select(n => (n.BeslutId, n.Excluded)), Is.EqualTo(new[] { ("B1", false) }));
            Assert.That(result.Notes.Single().Problem, Does.Contain("fodelsedatum"));
        });
    }

    [Test]
    public void Classify_ReportedTwiceWithoutKon_IsListedOnce()
    {
        var b = NewBeslut("B1", "2023-01-01", verkst: "2023-02-01", avbrott: "2023-12-01", kon: null);

        var result = Classify("2024Q1", PriorReport.None, b);

        Assert.Multiple(() =>
        {
            Assert.That(result.Reports.Select(r => r.Kind), Is.EqualTo(new[] { CaseKind.Avbrott }));
            Assert.That(result.Notes.Select(n => (n.BeslutId, n.Excluded)), Is.EqualTo(new[] { ("B1", false) }));
            Assert.That(result.Notes.Single().Problem, Does.Contain("kon"));
        });
    }

    [Test]
    public void Classify_NotReportedWithoutFodelsedatum_IsNotListed()
    {
        var result = Classify("2024Q1", NewBeslut("B1", "2023-12-31") with { Fodelsedatum = null });

        Assert.Multiple(() =>
        {
            Assert.That(result.Reports, Is.Empty);
            Assert.That(result.Notes, Is.Empty);
        });
    }

    [Test]
    public void Classify_SkyddadIdentitet_IsManualButNoDataQualityProblem()
    {
        var result = Classify("2024Q1", NewBeslut("B1", "2023-12-01", skyddad: true));

        Assert.Multiple(() =>
        {
            Assert.That(result.Reports, Has.Count.EqualTo(1));
            Assert.That(result.Notes, Is.Empty);
        });
    }
}
