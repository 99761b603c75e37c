using EjVerkstallda.Core.Avgift;
using EjVerkstallda.Core.Beslut;
using static EjVerkstallda.Core.Tests.TestData;

namespace EjVerkstallda.Core.Tests.Avgift;

/// <summary>The fee range by beslutsdatum (DOMAIN.md): 10 000–1 000 000 kr before 2026-01-01, 15 000–1 500 000 kr from it.</summary>
[TestFixture]
public sealed class AvgiftsIntervallTests
{
    [TestCase(Lag.SoL, "2025-06-30", 10_000, 1_000_000, "16 kap. 6 b § SoL (2001:453)")]
    [TestCase(Lag.SoL, "2025-07-01", 10_000, 1_000_000, "34 kap. 7 § SoL (2025:400) i ursprunglig lydelse")]
    [TestCase(Lag.SoL, "2025-12-31", 10_000, 1_000_000, "34 kap. 7 § SoL (2025:400) i ursprunglig lydelse")]
    [TestCase(Lag.SoL, "2026-01-01", 15_000, 1_500_000, "34 kap. 7 § SoL (2025:400) i lydelse enligt SFS 2025:1299")]
    [TestCase(Lag.LSS, "2025-12-31", 10_000, 1_000_000, "28 b § LSS i äldre lydelse")]
    [TestCase(Lag.LSS, "2026-01-01", 15_000, 1_500_000, "28 b § LSS i lydelse enligt SFS 2025:1298")]
    [TestCase(Lag.LSS, "2024-02-29", 10_000, 1_000_000, "28 b § LSS i äldre lydelse")]
    public void For_Beslutsdatum_GivesTheRangeAndItsStatute(Lag lag, string beslutsdatum, int lagst, int hogst, string lagrum)
    {
        var a = AvgiftsIntervall.For(lag, D(beslutsdatum));
        Assert.That((a.LagstKr, a.HogstKr, a.Lagrum), Is.EqualTo((lagst, hogst, lagrum)));
    }

    [Test]
    public void Text_GroupsDigitsTheSwedishWay()
    {
        Assert.That(AvgiftsIntervall.For(Lag.SoL, D("2026-01-01")).Text, Is.EqualTo("15\u00a0000–1\u00a0500\u00a0000 kr"));
        Assert.That(AvgiftsIntervall.For(Lag.SoL, D("2025-12-31")).Text, Is.EqualTo("10\u00a0000–1\u00a0000\u00a0000 kr"));
    }
}
