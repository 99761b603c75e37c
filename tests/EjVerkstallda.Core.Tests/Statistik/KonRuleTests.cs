namespace EjVerkstallda.Core.Tests.Statistik;

using EjVerkstallda.Core.Statistik;

/// <summary>
/// Issue 12: the kön breakdown holds against differencing. A reader subtracts the last published breakdown from this one, so
/// the difference must pass the same rule as a single table (k = 3 here).
/// </summary>
[TestFixture]
public sealed class KonRuleTests
{
    private const int K = 3;

    [TestCase(3, 3, 0, true, Description = "every cell at k")]
    [TestCase(2, 5, 0, false, Description = "kvinnor under k")]
    [TestCase(5, 0, 0, false, Description = "a zero cell says everyone is a man")]
    [TestCase(4, 4, 1, false, Description = "the unknown cell (open − K − M) under k")]
    [TestCase(4, 4, 3, true, Description = "the unknown cell at k")]
    public void Decide_NoEarlierBreakdown_EveryCellZeroOrAtLeastK(int kvinnor, int man, int okant, bool shown)
    {
        var (kon, why) = KonRule.Decide(kvinnor, man, okant, K, previous: null);
        Assert.That(kon is not null, Is.EqualTo(shown));
        Assert.That(why, Is.EqualTo(shown ? null : KonRule.LitenGrupp));
    }

    [Test]
    public void Decide_Issue12Pair_3K3MThen3K4M_IsLeftOutAsTooSmallAChange()
    {
        var q1 = KonRule.Decide(3, 3, 0, K, previous: null);
        Assert.That(q1.Kon, Is.EqualTo(new KonFordelning(3, 3)));
        var q2 = KonRule.Decide(3, 4, 0, K, new PublishedKon("2024Q1", 3, 3, 0));
        Assert.That(q2, Is.EqualTo(((KonFordelning?)null, (string?)KonRule.LitenForandring)));
    }

    [TestCase(3, 3, 0, true, Description = "nothing changed")]
    [TestCase(6, 6, 0, true, Description = "both changed by k")]
    [TestCase(6, 0 + 9, 0, true, Description = "both changed by at least k")]
    [TestCase(3, 6, 0, false, Description = "0 kvinnor, +3 män: every newcomer is a man")]
    [TestCase(5, 5, 0, false, Description = "+2 each: under k")]
    [TestCase(6, 4, 0, false, Description = "+1 man")]
    [TestCase(9, 9, 3, true, Description = "the unknown cell moved by k")]
    public void Decide_AgainstLastPublished3K3M_ChangeOfEachCellZeroForAllOrAtLeastK(int kvinnor, int man, int okant, bool shown)
    {
        var (kon, why) = KonRule.Decide(kvinnor, man, okant, K, new PublishedKon("2024Q1", 3, 3, 0));
        Assert.That(kon is not null, Is.EqualTo(shown));
        Assert.That(why, Is.EqualTo(shown ? null : KonRule.LitenForandring));
    }

    /// <summary>A reader may hold every version that was sent out: the change must hold against each of them.</summary>
    [Test]
    public void Decide_AgainstEveryPublishedVersion_LeftOutWhenTheChangeFromAnyOneIsTooSmall()
    {
        var sent = new PublishedKon("2024Q1", 3, 6, 0);
        var later = new PublishedKon("2024Q1", 6, 3, 0);
        Assert.That(KonRule.Decide(9, 6, 0, K, [later]).Kon, Is.EqualTo(new KonFordelning(9, 6)), "against the later version alone: +3 and +3");
        Assert.That(KonRule.Decide(9, 6, 0, K, [sent, later]).Utelamnad, Is.EqualTo(KonRule.LitenForandring), "against the version sent: +6 kvinnor, 0 män");
        Assert.That(KonRule.Decide(9, 6, 0, K, []).Kon, Is.EqualTo(new KonFordelning(9, 6)), "nothing published: the cells alone");
    }

    [Test]
    public void Decide_UnknownCellMovedByOne_IsLeftOut()
    {
        Assert.That(KonRule.Decide(6, 6, 4, K, new PublishedKon("2024Q1", 3, 3, 3)).Utelamnad, Is.EqualTo(KonRule.LitenForandring));
    }

    [Test]
    public void Decide_SmallGroupAndSmallChange_SaysSmallGroup()
    {
        Assert.That(KonRule.Decide(2, 4, 0, K, new PublishedKon("2024Q1", 3, 3, 0)).Utelamnad, Is.EqualTo(KonRule.LitenGrupp));
    }
}
