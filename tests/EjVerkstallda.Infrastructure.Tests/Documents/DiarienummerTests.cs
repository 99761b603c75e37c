using EjVerkstallda.Infrastructure.Documents;

namespace EjVerkstallda.Infrastructure.Tests.Documents;

/// <summary>Each quarter's tjänsteskrivelse is an ärende of its own: its diarienummer is per quarter (defect 20).</summary>
[TestFixture]
public sealed class DiarienummerTests
{
    [Test]
    public void Render_QuarterInMap_PrintsThatQuartersDiarienummerInBodyAndHeader()
    {
        var options = new TjansteskrivelseOptions
        {
            Diarienummer = "SN {år}/[nr]",
            DiarienummerPerKvartal = new() { ["2026Q3"] = "SN 2026/187", ["2026Q4"] = "SN 2027/12" },
        };
        var docx = StatistikDocxRenderer.Render(SampleData.SampleModel(), options, SampleData.Upprattad);
        var text = DocxText.ExtractAll(docx);
        Assert.That(text, Does.Contain("Diarienummer: SN 2026/187").And.Contain("dnr SN 2026/187").And.Not.Contain("SN 2027/12"));
    }

    [Test]
    public void Render_QuarterNotInMap_FillsThePlaceholdersOfTheDefault()
    {
        var options = new TjansteskrivelseOptions { Diarienummer = "SN {år}/[nr]" };
        var text = DocxText.ExtractAll(StatistikDocxRenderer.Render(SampleData.SampleModel(), options, SampleData.Upprattad));
        Assert.That(text, Does.Contain("Diarienummer: SN 2026/[nr]").And.Not.Contain("{år}"));
    }

    [TestCase("2026Q4", ExpectedResult = "SN 2027/12")]
    [TestCase("2027Q1", ExpectedResult = "[diarienummer]")]
    public string DiarienummerFor_MapOrDefault(string quarter) =>
        new TjansteskrivelseOptions { DiarienummerPerKvartal = new() { ["2026Q4"] = "SN 2027/12" } }.DiarienummerFor(quarter);
}
