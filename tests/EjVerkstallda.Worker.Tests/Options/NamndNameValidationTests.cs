using EjVerkstallda.Worker.Options;
using Microsoft.Extensions.Configuration;

namespace EjVerkstallda.Worker.Tests.Options;

/// <summary>
/// A nämnd's <c>Namn</c> goes into every subject line and attachment name of that nämnd: a control character in it must
/// stop the start, naming the key, instead of failing each message at send time (defect 13 of issue 10).
/// </summary>
[TestFixture]
public sealed class NamndNameValidationTests
{
    private static EjvOptions ShippedDefaultWithNamn(string namn)
    {
        var repo = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", ".."));
        var config = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(repo, "src", "EjVerkstallda.Worker", "appsettings.json"))
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Ejv:Namnder:0:Namn"] = namn })
            .Build();
        return config.GetSection("Ejv").Get<EjvOptions>()!;
    }

    [TestCase("Social\r\nnämnden")]
    [TestCase("Socialnämnden\n")]
    [TestCase("Social\tnämnden")]
    [TestCase("Social\u0007nämnden")]
    public void Validate_NamnWithControlCharacter_FailsNamingTheKey(string namn)
    {
        var result = new EjvOptionsValidator().Validate(null, ShippedDefaultWithNamn(namn));

        Assert.That(result.Failures ?? [], Has.One.Contains("Ejv:Namnder:0:Namn").And.Contains("control character"));
    }

    [TestCase("Socialnämnden")]
    [TestCase("Vård- och omsorgsnämnden (VON)")]
    public void Validate_OrdinaryNamn_Passes(string namn)
    {
        var result = new EjvOptionsValidator().Validate(null, ShippedDefaultWithNamn(namn));

        Assert.That(result.Failures ?? [], Is.Empty);
    }
}
