namespace EjVerkstallda.Core.Tests.Beslut;

using EjVerkstallda.Core.Beslut;
using EjVerkstallda.Core.Ivo;

/// <summary>
/// CONTRACT section 4: a row whose only defect is the person's data is still judged (and reported); its IVO identifier is
/// left to manual handling with the reason. Only defects that make the case impossible to judge exclude a row.
/// </summary>
public sealed partial class BeslutValidatorTests
{
    [TestCase("2024-01-06", "fodelsedatum_ogiltigt")] // after the beslutsdatum 2024-01-05
    [TestCase("1850-01-01", "fodelsedatum_ogiltigt")] // implausible
    [TestCase("2100-01-01", "fodelsedatum_ogiltigt")] // implausible
    [TestCase("1940/01/01", "fodelsedatum_ogiltigt")] // malformed
    [TestCase("1940-02-30", "fodelsedatum_ogiltigt")] // no such day
    [TestCase(null, "fodelsedatum_saknas")]
    [TestCase("  ", "fodelsedatum_saknas")]
    public void Validate_DefectiveFodelsedatum_IsJudgedWithoutItForManualHandling(string? text, string reason)
    {
        var result = Validate(Valid with { Fodelsedatum = text });

        Assert.That(result.Beslut, Has.Count.EqualTo(1), "a person-data defect must not exclude the beslut");
        var b = result.Beslut[0];
        Assert.Multiple(() =>
        {
            Assert.That(b.Fodelsedatum, Is.Null, "a defective birth date must never reach an IVO identifier");
            Assert.That(b.Beslutsdatum, Is.EqualTo(TestData.D("2024-01-05")));
            Assert.That(IvoId.ManualHandlingReason(b), Is.EqualTo(reason));
            Assert.That(result.Problems.Where(p => p.Excluded), Is.Empty);
        });
    }

    [TestCase("X", "kon_okant")]
    [TestCase("kvinna", "kon_okant")]
    [TestCase("0", "kon_okant")]
    [TestCase(null, "kon_saknas")]
    public void Validate_DefectiveKon_IsJudgedWithoutItForManualHandling(string? text, string reason)
    {
        var result = Validate(Valid with { Kon = text });

        var b = result.Beslut.Single();
        Assert.Multiple(() =>
        {
            Assert.That(b.Kon, Is.Null);
            Assert.That(IvoId.ManualHandlingReason(b), Is.EqualTo(reason));
            Assert.That(result.Problems.Where(p => p.Excluded), Is.Empty);
        });
    }

    [Test]
    public void Validate_SkyddadIdentitetWithDefectiveFodelsedatum_SkyddadWins()
    {
        var b = Validate(Valid with { Fodelsedatum = "2024-01-06", SkyddadIdentitet = "1" }).Beslut.Single();

        Assert.That(IvoId.ManualHandlingReason(b), Is.EqualTo("skyddad_identitet"));
    }

    [Test]
    public void Validate_CaseDefectAndPersonDefect_IsStillExcludedForTheCaseDefect()
    {
        var p = SingleProblem(Valid with { Fodelsedatum = "2024-01-06", Verkstallighetsdatum = "2024-01-01" });

        Assert.That(p.Problem, Is.EqualTo("verkstallighetsdatum before beslutsdatum"));
    }
}
