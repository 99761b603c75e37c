namespace EjVerkstallda.Core.Tests.Lifecycle;

using EjVerkstallda.Core.Lifecycle;
using EjVerkstallda.Core.Statistik;

/// <summary>What a correction tells those who had the earlier version: the changed counts, nothing else.</summary>
[TestFixture]
public sealed class RattelseTests
{
    private static StatistikRapport Report(StatistikTotals t, params (string Lag, string Kind, int Antal)[] sections) => new()
    {
        Quarter = "2024Q1", ReportingDay = new DateOnly(2024, 3, 31), Namnd = "sn", NamndNamn = "Socialnämnden", Totals = t,
        Bands = [], Trend = [], Rapporteringsparagrafer = [], MinCellSize = 3,
        Sektioner = sections.Select(s => new StatistikSektion(s.Lag, s.Kind, s.Antal, [])).ToList(),
    };

    [Test]
    public void Changes_OneMoreSolCase_ListsOnlyTheCountsThatChanged()
    {
        var before = Report(new StatistikTotals(3, 3, 0, 0, 0, 1, 2, 1), ("SoL", "ej_verkstallt", 2), ("LSS", "ej_verkstallt", 1), ("SoL", "avbrott", 0));
        var after = Report(new StatistikTotals(4, 4, 0, 0, 0, 1, 3, 1), ("SoL", "ej_verkstallt", 3), ("LSS", "ej_verkstallt", 1), ("SoL", "avbrott", 0));
        Assert.That(Rattelse.Changes(before, after), Is.EqualTo(new[]
        {
            "Ej verkställda beslut vid kvartalets slut: 3 → 4",
            "  varav enligt SoL: 2 → 3",
            "Nya under kvartalet: 3 → 4",
            "SoL, ej verkställda beslut: 2 → 3",
        }));
    }

    [Test]
    public void Changes_SameCounts_NoLines()
    {
        var r = Report(new StatistikTotals(3, 3, 0, 0, 0, 1, 2, 1), ("SoL", "avbrott", 1));
        Assert.That(Rattelse.Changes(r, r with { }), Is.Empty);
    }

    [Test]
    public void Changes_SectionNewInTheCorrection_CountedFromZero()
    {
        var before = Report(new StatistikTotals(0, 0, 0, 0, 0, 0, 0, 0));
        var after = Report(new StatistikTotals(1, 1, 0, 0, 0, 0, 0, 1), ("LSS", "avbrott", 1));
        Assert.That(Rattelse.Changes(before, after), Does.Contain("LSS, avbrott i verkställighet: 0 → 1"));
    }
}
