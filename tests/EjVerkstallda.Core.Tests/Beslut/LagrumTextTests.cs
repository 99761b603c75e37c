namespace EjVerkstallda.Core.Tests.Beslut;

using EjVerkstallda.Core.Beslut;
using static EjVerkstallda.Core.Tests.TestData;

[TestFixture]
public sealed class LagrumTextTests
{
    [TestCase(LagrumCodes.Bistand, "2025-06-30", "4 kap. 1 § SoL (2001:453)")]
    [TestCase(LagrumCodes.Bistand, "2025-07-01", "11 kap. 1 § SoL (2025:400)")]
    [TestCase(LagrumCodes.Bistand, "2019-01-01", "4 kap. 1 § SoL (2001:453)")]
    [TestCase(LagrumCodes.Bistand, "2026-03-15", "11 kap. 1 § SoL (2025:400)")]
    [TestCase(LagrumCodes.EkonomisktBistand, "2025-06-30", "4 kap. 1 § SoL (2001:453)")]
    [TestCase(LagrumCodes.EkonomisktBistand, "2025-07-01", "12 kap. 1 § SoL (2025:400)")]
    [TestCase(LagrumCodes.Utover, "2025-06-30", "4 kap. 2 § SoL (2001:453)")]
    [TestCase(LagrumCodes.Utover, "2025-07-01", "12 kap. 2 § SoL (2025:400)")]
    public void For_SolOnEitherSideOfNewLaw_FollowsLawInForceOnBeslutsdatum(string lagrum, string beslutsdatum, string expected)
    {
        var insats = new InsatsDefinition("X", "X", Lag.SoL, lagrum);

        Assert.That(LagrumText.For(insats, D(beslutsdatum)), Is.EqualTo(expected));
    }

    [TestCase(LagrumCodes.Bistand, "2025-06-30", "11 kap. 1 § SoL (2025:400)")]
    [TestCase(LagrumCodes.Bistand, "2020-01-01", "11 kap. 1 § SoL (2025:400)")]
    [TestCase(LagrumCodes.EkonomisktBistand, "2025-06-30", "12 kap. 1 § SoL (2025:400)")]
    [TestCase(LagrumCodes.Bistand, "2025-07-01", "11 kap. 1 § SoL (2025:400)")]
    public void For_LabelOldSolAsNew_PrintsNewParagraphsForOldBeslut(string lagrum, string beslutsdatum, string expected)
    {
        var insats = new InsatsDefinition("X", "X", Lag.SoL, lagrum);

        Assert.That(LagrumText.For(insats, D(beslutsdatum), labelOldSolAsNew: true), Is.EqualTo(expected));
    }

    [TestCase("9.1", "9 § 1 LSS")]
    [TestCase("9.2", "9 § 2 LSS")]
    [TestCase("9.3", "9 § 3 LSS")]
    [TestCase("9.4", "9 § 4 LSS")]
    [TestCase("9.5", "9 § 5 LSS")]
    [TestCase("9.6", "9 § 6 LSS")]
    [TestCase("9.7", "9 § 7 LSS")]
    [TestCase("9.8", "9 § 8 LSS")]
    [TestCase("9.9", "9 § 9 LSS")]
    [TestCase("9.10", "9 § 10 LSS")]
    public void For_LssPoint_PrintsNinthParagraphAndPoint(string lagrum, string expected)
    {
        var insats = new InsatsDefinition("X", "X", Lag.LSS, lagrum);

        Assert.Multiple(() =>
        {
            Assert.That(LagrumText.For(insats, D("2025-06-30")), Is.EqualTo(expected));
            Assert.That(LagrumText.For(insats, D("2025-07-01")), Is.EqualTo(expected));
            Assert.That(LagrumText.For(insats, D("2025-06-30"), labelOldSolAsNew: true), Is.EqualTo(expected));
        });
    }

    [TestCase(Lag.SoL, "2025-06-30", "16 kap. 6 f–h §§ SoL (2001:453)")]
    [TestCase(Lag.SoL, "2025-07-01", "34 kap. 1–3 §§ SoL (2025:400)")]
    [TestCase(Lag.LSS, "2025-06-30", "28 f–h §§ LSS")]
    [TestCase(Lag.LSS, "2025-07-01", "28 f–h §§ LSS")]
    public void ReportingParagraphs_LagAndDate_FollowLawInForce(Lag lag, string beslutsdatum, string expected)
    {
        Assert.That(LagrumText.ReportingParagraphs(lag, D(beslutsdatum)), Is.EqualTo(expected));
    }

    [Test]
    public void NewSolInForce_IsFirstOfJuly2025()
    {
        Assert.That(LagrumText.NewSolInForce, Is.EqualTo(new DateOnly(2025, 7, 1)));
    }
}
