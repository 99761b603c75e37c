namespace EjVerkstallda.Core.Tests.Statistik;

using EjVerkstallda.Core.Statistik;

[TestFixture]
public sealed class StatistikOptionsTests
{
    [Test]
    public void Default_BandsAndK_AreThreeSixTwelveTwentyFourAndThree()
    {
        Assert.Multiple(() =>
        {
            Assert.That(StatistikOptions.Default.BandStartMonths, Is.EqualTo(new[] { 3, 6, 12, 24 }));
            Assert.That(StatistikOptions.Default.MinCellSize, Is.EqualTo(3));
        });
    }

    [Test]
    public void BandLabels_Default_AreClosedRangesThenOpenEnded()
    {
        Assert.That(StatistikOptions.Default.BandLabels(), Is.EqualTo(new[] { "3–5 mån", "6–11 mån", "12–23 mån", "24 mån eller mer" }));
    }

    [Test]
    public void BandLabels_CustomBands_FollowTheBounds()
    {
        var options = new StatistikOptions { BandStartMonths = [3, 12] };

        Assert.That(options.BandLabels(), Is.EqualTo(new[] { "3–11 mån", "12 mån eller mer" }));
    }

    [TestCase(0, 0)]
    [TestCase(3, 0)]
    [TestCase(5, 0)]
    [TestCase(6, 1)]
    [TestCase(11, 1)]
    [TestCase(12, 2)]
    [TestCase(23, 2)]
    [TestCase(24, 3)]
    [TestCase(240, 3)]
    public void BandOf_Months_IsLastBandWhoseStartIsReached(int months, int band)
    {
        Assert.That(StatistikOptions.Default.BandOf(months), Is.EqualTo(band));
    }

    [TestCase(2, 0)]
    [TestCase(3, 0)]
    [TestCase(11, 0)]
    [TestCase(12, 1)]
    public void BandOf_CustomBands_UsesThem(int months, int band)
    {
        Assert.That(new StatistikOptions { BandStartMonths = [3, 12] }.BandOf(months), Is.EqualTo(band));
    }
}
