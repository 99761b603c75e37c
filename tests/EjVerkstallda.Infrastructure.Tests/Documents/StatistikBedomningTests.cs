using EjVerkstallda.Core.Statistik;
using EjVerkstallda.Infrastructure.Documents;

namespace EjVerkstallda.Infrastructure.Tests.Documents;

/// <summary>
/// The Bedömning's first sentence with an imported trend of several quarters (<c>ejv import trend</c>; the trend as
/// <c>LedgerStore.TrendAsync</c> gives it: imported quarters before the product's first). The comparison with the previous
/// quarter names the previous quarter and its figure; the span of the chart (its oldest bar) is described as such, and the
/// two never disagree about which figure is which.
/// </summary>
[TestFixture]
public sealed class StatistikBedomningTests
{
    private static StatistikRapport Model(params TrendPoint[] earlier) =>
        StatistikBuilder.Build(SampleData.Quarter, "socialnamnden", "Socialnämnden", SampleData.SampleReports(), earlier, SampleData.Approved);

    [Test]
    public void Bedomning_ImportedTrendOfSeveralQuarters_ComparesWithThePreviousQuartersFigure()
    {
        var open = Model().Totals.Open;
        // Imported 2025Q3-2026Q2: the oldest far below today's figure, the previous quarter 5 above it.
        var m = Model(new("2025Q3", 1), new("2025Q4", open + 9), new("2026Q1", open + 2), new("2026Q2", open + 5));
        var first = StatistikTexts.Bedomning(m).First();
        Assert.That(first, Does.Contain($"Det är 5 färre än vid utgången av kvartal 2 2026, då antalet var {open + 5}."),
            "the change is against the previous quarter (2026Q2), with its figure");
        Assert.That(first, Does.StartWith($"Antalet ej verkställda beslut och avbrott vid kvartalets slut har ökat från 1 vid utgången av kvartal 3 2025 till {open} vid utgången av kvartal 3 2026 (figur 1)."),
            "the chart's span: from its oldest bar, named with its quarter");
        Assert.That(StatistikTexts.Change(m), Does.Contain("kvartal 2 2026"), "the Sammanfattning's comparison is the same previous quarter");
    }

    [Test]
    public void Bedomning_TrendLongerThanTheChart_SpanStartsAtTheChartsOldestBar()
    {
        var open = Model().Totals.Open;
        var q = new Core.Kvartal.Kvartal(2024, 1);
        var earlier = new List<TrendPoint>();
        for (var i = 0; i < 10; i++, q = q.Next) earlier.Add(new TrendPoint(q.ToString(), 100 + i)); // 2024Q1-2026Q2
        var m = Model([.. earlier]);
        var oldestShown = m.Trend.TakeLast(TrendChart.MaxQuarters).First();
        Assert.That(StatistikTexts.Bedomning(m).First(), Does.Contain($"från {oldestShown.Open} vid utgången av {StatistikTexts.Kvartal(oldestShown.Quarter)}")
            .And.Contain($"Det är {100 + 9 - open} färre än vid utgången av kvartal 2 2026, då antalet var 109."));
    }
}
