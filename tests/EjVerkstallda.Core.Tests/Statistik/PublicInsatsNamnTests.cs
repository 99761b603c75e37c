namespace EjVerkstallda.Core.Tests.Statistik;

using EjVerkstallda.Core.Beslut;
using EjVerkstallda.Core.Statistik;

/// <summary>Issue 12: the public statistikrapport prints approved names or the law's, never the catalogue's free text.</summary>
[TestFixture]
public sealed class PublicInsatsNamnTests
{
    private const string Leaky = "Kontaktfamilj hos familjen Andersson på Storgatan 5";
    private static readonly InsatsDefinition Kfam = new("KFAM", Leaky, Lag.SoL, LagrumCodes.Bistand);
    private static readonly Dictionary<string, string> None = new(StringComparer.Ordinal);

    private static Dictionary<string, string> Approved(string kod, string namn) => new(StringComparer.Ordinal) { [kod] = namn };

    [Test]
    public void Resolve_SolWithoutApprovedName_IsTheNeutralHeadingNotTheCatalogueText()
    {
        Assert.That(PublicInsatsNamn.Resolve(Kfam, None), Is.EqualTo(new PublicName("Övriga insatser enligt SoL", false)));
    }

    [Test]
    public void Resolve_SolWithApprovedName_IsTheApprovedName()
    {
        Assert.That(PublicInsatsNamn.Resolve(Kfam, Approved("KFAM", " Kontaktfamilj ")), Is.EqualTo(new PublicName("Kontaktfamilj", true)));
    }

    [Test]
    public void Resolve_ApprovedNameOfAnotherCode_DoesNotApply()
    {
        Assert.That(PublicInsatsNamn.Resolve(Kfam, Approved("kfam", "Kontaktfamilj")).Approved, Is.False, "codes are compared exactly");
    }

    [TestCase("9.1", "Rådgivning och annat personligt stöd")]
    [TestCase("9.2", "Personlig assistans")]
    [TestCase("9.3", "Ledsagarservice")]
    [TestCase("9.4", "Biträde av kontaktperson")]
    [TestCase("9.5", "Avlösarservice i hemmet")]
    [TestCase("9.6", "Korttidsvistelse utanför det egna hemmet")]
    [TestCase("9.7", "Korttidstillsyn för skolungdom över 12 år")]
    [TestCase("9.8", "Boende i familjehem eller bostad med särskild service för barn eller ungdomar")]
    [TestCase("9.9", "Bostad med särskild service för vuxna eller annan särskilt anpassad bostad")]
    [TestCase("9.10", "Daglig verksamhet")]
    public void Resolve_LssWithoutApprovedName_IsTheLawsNameOfThePoint(string lagrum, string expected)
    {
        var insats = new InsatsDefinition("L", "Stödfamilj Pettersson, Lillgatan 2", Lag.LSS, lagrum);
        Assert.That(PublicInsatsNamn.Resolve(insats, None), Is.EqualTo(new PublicName(expected, true)));
    }

    [Test]
    public void Resolve_LssWithApprovedName_IsTheApprovedName()
    {
        var insats = new InsatsDefinition("L4", "Kontaktperson", Lag.LSS, "9.4");
        Assert.That(PublicInsatsNamn.Resolve(insats, Approved("L4", "Kontaktperson")).Namn, Is.EqualTo("Kontaktperson"));
    }

    [Test]
    public void Pending_ListsEachUnapprovedSolCodeOnceAndNoLss()
    {
        var sabo = new InsatsDefinition("SABO", "Särskilt boende", Lag.SoL, LagrumCodes.Bistand);
        var lss = new InsatsDefinition("L9", "Gruppbostad Björken", Lag.LSS, "9.9");
        var pending = PublicInsatsNamn.Pending([Kfam, sabo, Kfam, lss], Approved("SABO", "Särskilt boende"));
        Assert.That(pending.Select(p => p.Kod), Is.EqualTo(new[] { "KFAM" }));
    }

    [Test]
    public void ProblemFor_NamesTheCodeAndTheKeyButNotTheCatalogueText()
    {
        var p = PublicInsatsNamn.ProblemFor(Kfam);
        Assert.That(p.Problem, Does.Contain("KFAM").And.Contain("Ejv:Statistik:InsatsNamn:KFAM").And.Not.Contain("Andersson"));
        Assert.That(p.Excluded, Is.False);
        Assert.That(DataQualityReasons.Svenska(p.Problem), Does.StartWith("insatskod KFAM har inget godkänt publikt namn"));
    }

    [TestCase("", "is empty")]
    [TestCase("   ", "is empty")]
    [TestCase("Kontakt\nfamilj", "control character")]
    [TestCase("Kontaktfamilj 19800101-1234", "personnummer")]
    [TestCase("Familjehem sedan 2023-04-05", "date")]
    [TestCase("Kontaktfamilj på Storgatan 5", "street address")]
    [TestCase("Boende Björkvägen 12 B", "street address")]
    [TestCase("Boende 123 45 Norrby", "postcode")]
    public void ProblemOf_NameThatCouldPointAtSomeone_IsRefused(string name, string expected)
    {
        Assert.That(PublicInsatsNamn.ProblemOf(name), Does.Contain(expected));
    }

    [Test]
    public void ProblemOf_TheLawsNamesAndPlainNames_AreAccepted()
    {
        foreach (var name in PublicInsatsNamn.LssLaw.Values.Append("Kontaktfamilj").Append("Särskilt boende").Append(PublicInsatsNamn.OvrigaSoL))
            Assert.That(PublicInsatsNamn.ProblemOf(name), Is.Null, name);
    }
}
