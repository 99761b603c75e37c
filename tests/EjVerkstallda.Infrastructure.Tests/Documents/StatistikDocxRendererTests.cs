using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using EjVerkstallda.Core.Anonymity;
using EjVerkstallda.Core.Statistik;
using EjVerkstallda.Infrastructure.Documents;
using C = DocumentFormat.OpenXml.Drawing.Charts;

namespace EjVerkstallda.Infrastructure.Tests.Documents;

public class StatistikDocxRendererTests
{
    private static readonly string[] MainHeadings =
    [
        "Förslag till beslut", "Sammanfattning", "Ärendebeskrivning", "Ej verkställda beslut och avbrott", "Bedömning",
        "Ekonomiska konsekvenser", "Jämställdhetsanalys", "Beslutsunderlag", "Sändlista",
    ];

    internal static byte[] Render(StatistikRapport model, TjansteskrivelseOptions? options = null) =>
        StatistikDocxRenderer.Render(model, options ?? new TjansteskrivelseOptions(), SampleData.Upprattad);

    private static StatistikRapport EmptyModel() =>
        StatistikBuilder.Build(SampleData.Quarter, "socialnamnden", "Socialnämnden", [], []);

    [Test]
    public void Render_SampleModel_ValidatorFindsNoErrors() => AssertValid(Render(SampleData.SampleModel()));

    [Test]
    public void Render_EmptyModel_ValidatorFindsNoErrors() => AssertValid(Render(EmptyModel()));

    [Test]
    public void Render_SampleModel_HasTitleAndHeadingsInOrder()
    {
        using var doc = Open(Render(SampleData.SampleModel()));
        var body = doc.MainDocumentPart!.Document!.Body!;
        Assert.That(Styled(body, "Title"), Is.EqualTo(new[] { "Rapportering av ej verkställda gynnande beslut, kvartal 3 2026" }));
        Assert.That(Styled(body, "Heading1"), Is.EqualTo(MainHeadings));
        Assert.That(Styled(body, "Heading2"), Is.EqualTo(new[]
        {
            "Ej verkställda beslut enligt SoL", "Avbrott i verkställigheten enligt SoL",
            "Ej verkställda beslut enligt LSS", "Avbrott i verkställigheten enligt LSS",
        }));
    }

    [Test]
    public void Render_SampleModel_TablesMatchModel()
    {
        var model = SampleData.SampleModel();
        using var doc = Open(Render(model));
        var body = doc.MainDocumentPart!.Document!.Body!;
        Assert.That(model.Sektioner.Count(s => s.Rader.Count > 0), Is.GreaterThanOrEqualTo(3), "the sample should fill most tables");
        foreach (var section in model.Sektioner.Where(s => s.Rader.Count > 0))
        {
            var rows = TableAfter(body, StatistikTextsTitle(section));
            Assert.That(rows[0], Is.EqualTo(new[] { "Typ av insats" }.Concat(model.Bands).Append("Totalt")));
            for (var i = 0; i < section.Rader.Count; i++)
            {
                var r = section.Rader[i];
                Assert.That(rows[i + 1], Is.EqualTo(new[] { r.Insats }.Concat(r.PerBand.Select(n => n.ToString())).Append(r.Antal.ToString())));
            }
            Assert.That(rows[^1][0], Is.EqualTo("Summa"));
            Assert.That(rows[^1][^1], Is.EqualTo(section.Antal.ToString()));
        }
    }

    [Test]
    public void Render_EmptySection_SaysNothingToReport()
    {
        using var doc = Open(Render(EmptyModel()));
        var paragraphs = doc.MainDocumentPart!.Document!.Body!.Elements<Paragraph>().Select(p => p.InnerText).ToList();
        foreach (var title in Styled(doc.MainDocumentPart.Document.Body!, "Heading2"))
            Assert.That(paragraphs[paragraphs.IndexOf(title) + 1], Is.EqualTo("Inga beslut att rapportera."));
        Assert.That(doc.MainDocumentPart.Document.Body!.Elements<Table>(), Is.Empty);
    }

    [Test]
    public void Render_SampleModel_FooterHasPageAndNumPagesFields()
    {
        using var doc = Open(Render(SampleData.SampleModel()));
        var footer = doc.MainDocumentPart!.FooterParts.Single().Footer;
        var codes = footer.Descendants<FieldCode>().Select(f => f.Text.Trim()).ToList();
        Assert.That(codes, Is.EqualTo(new[] { "PAGE", "NUMPAGES" }));
        Assert.That(string.Concat(footer.Descendants<Text>().Select(t => t.Text)), Does.StartWith("Sida ").And.Contain(" av "));
    }

    [Test]
    public void Render_SampleModel_A4SwedishStyles()
    {
        using var doc = Open(Render(SampleData.SampleModel()));
        var main = doc.MainDocumentPart!;
        var size = main.Document!.Body!.GetFirstChild<SectionProperties>()!.GetFirstChild<PageSize>()!;
        Assert.That((size.Width!.Value, size.Height!.Value), Is.EqualTo((11906u, 16838u)));
        var styles = main.StyleDefinitionsPart!.Styles!;
        Assert.That(styles.Elements<Style>().Select(s => s.StyleId!.Value), Is.SupersetOf(new[] { "Normal", "Heading1", "Heading2" }));
        Assert.That(styles.DocDefaults!.Descendants<Languages>().Single().Val!.Value, Is.EqualTo("sv-SE"));
    }

    [Test]
    public void Render_SampleModel_ChartHoldsTrendOfLastEightQuarters()
    {
        var model = SampleData.SampleModel();
        using var doc = Open(Render(model));
        var chart = doc.MainDocumentPart!.ChartParts.Single().ChartSpace;
        Assert.That(chart.Descendants<C.BarChart>().Count(), Is.EqualTo(1));
        var values = chart.Descendants<C.Values>().Single().Descendants<C.NumericValue>().Select(v => int.Parse(v.Text)).ToList();
        Assert.That(values, Is.EqualTo(model.Trend.TakeLast(8).Select(t => t.Open)));
        Assert.That(values[^1], Is.EqualTo(model.Totals.Open));
    }

    [Test]
    public void Render_KonUnderK_SaysBreakdownLeftOut()
    {
        var text = DocxText.ExtractAll(Render(SampleData.SampleModel() with { Kon = null }));
        Assert.That(text, Does.Contain("En fördelning efter kön redovisas inte").And.Contain("färre än 3 beslut"));
    }

    [Test]
    public void Render_OptionsOverride_AppearInDocument()
    {
        var options = new TjansteskrivelseOptions
        {
            Diarienummer = "SN.2026.41",
            Signaturer = [new Signatur { Namn = "[Socialchef]", Titel = "Socialchef" }],
            Sandlista = ["Kommunfullmäktige"],
            EkonomiskaKonsekvenserText = "Egen text om avgift för kvartal {kvartal} {år}.",
        };
        var text = DocxText.ExtractAll(Render(SampleData.SampleModel(), options));
        Assert.That(text, Does.Contain("Diarienummer: SN.2026.41").And.Contain("[Socialchef]").And.Contain("Egen text om avgift för kvartal 3 2026."));
        Assert.That(text, Does.Not.Contain("Revisorerna").And.Not.Contain("[Förvaltningschef]"));
    }

    [Test]
    public void Render_SampleModel_FullTextPassesGuard()
    {
        var reports = SampleData.SampleReports();
        var model = SampleData.SampleModel();
        var text = DocxText.ExtractAll(Render(model));
        var context = AnonymityContext.ForReports(SampleData.Quarter, SampleData.Upprattad, reports, r => "19400101-T123",
            model.Sektioner.SelectMany(s => s.Rader).Select(r => r.Insats));
        var result = AnonymityGuard.Check(text, context, "statistikrapport.docx");
        Assert.That(result.IsClean, Is.True, result.ToString());
        Assert.That(text, Does.Contain("Särskilt boende").And.Contain("Sida "));
    }

    internal static void AssertValid(byte[] bytes)
    {
        using var doc = Open(bytes);
        var errors = new OpenXmlValidator(DocumentFormat.OpenXml.FileFormatVersions.Office2016).Validate(doc).ToList();
        Assert.That(errors, Is.Empty, string.Join("\n", errors.Take(10).Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}")));
    }

    private static WordprocessingDocument Open(byte[] bytes) => WordprocessingDocument.Open(new MemoryStream(bytes), false);

    private static List<string> Styled(Body body, string style) =>
        body.Elements<Paragraph>().Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == style).Select(p => p.InnerText).ToList();

    private static string StatistikTextsTitle(StatistikSektion s) =>
        (s.Kind == "avbrott" ? "Avbrott i verkställigheten enligt " : "Ej verkställda beslut enligt ") + s.Lag;

    private static List<string[]> TableAfter(Body body, string heading)
    {
        var title = body.Elements<Paragraph>().Single(p => p.InnerText == heading);
        var table = title.ElementsAfter().First() as Table ?? throw new AssertionException($"no table after '{heading}'");
        return table.Elements<TableRow>()
            .Select(r => r.Elements<TableCell>().Select(c => string.Concat(c.Descendants<Text>().Select(t => t.Text))).ToArray())
            .ToList();
    }
}
