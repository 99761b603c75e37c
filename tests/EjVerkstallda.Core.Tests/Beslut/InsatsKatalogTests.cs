namespace EjVerkstallda.Core.Tests.Beslut;

using EjVerkstallda.Core.Beslut;

/// <summary>Issue 10 defect 17: <c>lag</c> is exactly SoL or LSS; a number is not a law.</summary>
[TestFixture]
public sealed class InsatsKatalogTests
{
    [TestCase("SoL", Lag.SoL)]
    [TestCase("sol", Lag.SoL)]
    [TestCase(" LSS ", Lag.LSS)]
    [TestCase("lss", Lag.LSS)]
    [TestCase("0", null)]
    [TestCase("1", null)]
    [TestCase("SoL, LSS", null)]
    [TestCase("SoL|LSS", null)]
    [TestCase("S o L", null)]
    [TestCase("", null)]
    [TestCase(null, null)]
    public void ParseLag_OnlyTheTwoLaws(string? text, Lag? expected) => Assert.That(InsatsKatalog.ParseLag(text), Is.EqualTo(expected));

    [TestCase("ODD", "Udda", "1", "9.1", "lag is a number, not SoL or LSS")]
    [TestCase("ODD", "Udda", "Hälso- och sjukvård", "9.1", "lag is another text, not SoL or LSS")]
    [TestCase("ODD", "Udda", null, "9.1", "lag is missing, not SoL or LSS")]
    [TestCase("ODD", "Udda", "LSS", "bistand", "lagrum is not a LSS lagrum code")]
    [TestCase("ODD", "Udda", "SoL", null, "lagrum is missing")]
    [TestCase("ODD", " ", "SoL", "bistand", "benamning is missing")]
    [TestCase(" ", "Udda", "SoL", "bistand", "insats_kod is missing")]
    public void Build_UnusableRow_IsListedByFieldAndKindAndItsCodeUnknown(string? kod, string? namn, string? lag, string? lagrum, string problem)
    {
        var problems = new List<DataQualityProblem>();
        var katalog = InsatsKatalog.Build([new RawInsats("HT", "Hemtjänst", "SoL", "bistand"), new RawInsats(kod, namn, lag, lagrum)], "ejv_insats", problems);

        Assert.Multiple(() =>
        {
            Assert.That(katalog.Keys, Is.EqualTo(new[] { "HT" }));
            Assert.That(problems.Single().Problem, Is.EqualTo($"ejv_insats: a row's {problem}; its insats_kod is treated as unknown"));
            Assert.That(problems.Single().Excluded, Is.False);
            Assert.That(problems.Single().Problem, Does.Not.Contain("Hälso"), "the value itself is never in the problem");
        });
    }

    [Test]
    public void Build_CodeThreeTimes_StaysUnknown()
    {
        var problems = new List<DataQualityProblem>();
        var row = new RawInsats("HT", "Hemtjänst", "SoL", "bistand");

        var katalog = InsatsKatalog.Build([row, row, row], "ejv_insats", problems);

        Assert.Multiple(() =>
        {
            Assert.That(katalog, Is.Empty);
            Assert.That(problems, Has.Count.EqualTo(2));
        });
    }

    [Test]
    public void Build_PaddedValues_AreTrimmed()
    {
        var katalog = InsatsKatalog.Build([new RawInsats(" L9 ", " Bostad ", " lss ", " 9.9 ")], "ejv_insats", []);

        Assert.That(katalog["L9"], Is.EqualTo(new InsatsDefinition("L9", "Bostad", Lag.LSS, "9.9")));
    }
}
