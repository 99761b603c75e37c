using EjVerkstallda.Worker.Options;
using Microsoft.Extensions.Configuration;

namespace EjVerkstallda.Worker.Tests.Options;

/// <summary>
/// Issue 12: an approved public insats name goes into the public statistikrapport, so a name that could point at someone is
/// refused at start, naming the key; the nämnd's own list overrides the common one code by code.
/// </summary>
[TestFixture]
public sealed class InsatsNamnValidationTests
{
    private static EjvOptions ShippedDefaultWith(params (string Key, string Value)[] values)
    {
        var repo = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", ".."));
        return new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(repo, "src", "EjVerkstallda.Worker", "appsettings.json"))
            .AddInMemoryCollection(values.ToDictionary(v => v.Key, v => (string?)v.Value))
            .Build().GetSection("Ejv").Get<EjvOptions>()!;
    }

    [TestCase("Ejv:Statistik:InsatsNamn:KFAM", "Kontaktfamilj Storgatan 5", "street address")]
    [TestCase("Ejv:Statistik:InsatsNamn:KFAM", "Familjehem 19800101-1234", "personnummer")]
    [TestCase("Ejv:Statistik:InsatsNamn:KFAM", " ", "is empty")]
    [TestCase("Ejv:Namnder:0:InsatsNamn:HTJ", "Hem\ntjänst", "control character")]
    public void Validate_NameThatCouldPointAtSomeone_FailsNamingTheKey(string key, string name, string expected)
    {
        var result = new EjvOptionsValidator().Validate(null, ShippedDefaultWith((key, name)));
        Assert.That(result.Failures ?? [], Has.One.Contains(key).And.Contains(expected));
    }

    [Test]
    public void Validate_ShippedDefault_Passes()
    {
        Assert.That(new EjvOptionsValidator().Validate(null, ShippedDefaultWith()).Failures ?? [], Is.Empty);
    }

    [Test]
    public void ApprovedFor_NamndName_OverridesTheCommonNameOfTheSameCode()
    {
        var o = ShippedDefaultWith(("Ejv:Namnder:0:InsatsNamn:HTJ", "Hemtjänst i ordinärt boende"));
        var approved = o.Statistik.ApprovedFor(o.Namnder[0]);
        Assert.That(approved["HTJ"], Is.EqualTo("Hemtjänst i ordinärt boende"));
        Assert.That(approved["SABO"], Is.EqualTo("Särskilt boende"));
        Assert.That(approved.ContainsKey("MBV"), Is.False, "the demo leaves one insats unapproved to show the flow");
    }
}
