using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using EjVerkstallda.Core.Anonymity;
using EjVerkstallda.Core.Statistik;
using EjVerkstallda.Infrastructure.Documents;

namespace EjVerkstallda.Infrastructure.Tests.Documents;

public class StatistikDocxRendererTests
{
    private static byte[] Render(StatistikRapport model) => StatistikDocxRenderer.Render(model, new TjansteskrivelseOptions(), SampleData.Upprattad);

    [Test]
    public void Render_SampleModel_ValidatorFindsNoErrors()
    {
        using var doc = Open(Render(SampleData.SampleModel()));
        var errors = new OpenXmlValidator(DocumentFormat.OpenXml.FileFormatVersions.Office2016).Validate(doc).ToList();
        Assert.That(errors, Is.Empty, string.Join("\n", errors.Take(10).Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}")));
    }

    [Test]
    public void Render_EmptyModel_ValidatorFindsNoErrors()
    {
        var model = StatistikBuilder.Build(SampleData.Quarter, "socialnamnden", "Socialnämnden", [], []);
        using var doc = Open(Render(model));
        var errors = new OpenXmlValidator(DocumentFormat.OpenXml.FileFormatVersions.Office2016).Validate(doc).ToList();
        Assert.That(errors, Is.Empty, string.Join("\n", errors.Take(10).Select(e => $"{e.Path?.XPath}: {e.Description}")));
    }

    private static WordprocessingDocument Open(byte[] bytes) => WordprocessingDocument.Open(new MemoryStream(bytes), false);

    internal static void SaveForInspection(string name, byte[] bytes)
    {
        var dir = Path.Combine(TestContext.CurrentContext.WorkDirectory, "documents");
        Directory.CreateDirectory(dir);
        File.WriteAllBytes(Path.Combine(dir, name), bytes);
    }

    [Test, Explicit("writes the sample document for a look")]
    public void Render_Sample_WritesFile()
    {
        var bytes = Render(SampleData.SampleModel());
        File.WriteAllBytes("/tmp/sample-statistikrapport.docx", bytes);
        Assert.That(AnonymityGuard.Check(DocxText.ExtractAll(bytes), AnonymityContext.ForDates(SampleData.Quarter.FirstDay, SampleData.Quarter.ReportingDay, SampleData.Upprattad)).IsClean, Is.True);
    }
}
