using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using EjVerkstallda.Infrastructure.Documents;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace EjVerkstallda.Infrastructure.Tests.Documents;

/// <summary>
/// The text the anonymity guard reads out of a .docx: every place a reader can see text, including those the renderer does
/// not use today (a header, alt text, the title property), so a later renderer change cannot hide text from the guard.
/// </summary>
[TestFixture]
public sealed class DocxTextTests
{
    private static byte[] Document()
    {
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            var header = main.AddNewPart<HeaderPart>();
            header.Header = new W.Header(new W.Paragraph(new W.Run(new W.Text("Sidhuvud med Kalle"))));
            var footer = main.AddNewPart<FooterPart>();
            footer.Footer = new W.Footer(new W.Paragraph(new W.Run(new W.Text("Sidfot med sidnummer 7"))));
            main.Document = new W.Document(new W.Body(
                new W.Paragraph(new W.Run(new W.Text("Anna ") { Space = SpaceProcessingModeValues.Preserve }), new W.Run(new W.Text("Fiktiv"))),
                new W.Table(new W.TableRow(new W.TableCell(new W.Paragraph(new W.Run(new W.Text("B-4711")))))),
                new W.Paragraph(new W.Run(new W.Drawing(new DW.Inline(new DW.DocProperties { Id = 1U, Name = "Bild", Description = "Foto av Lisa" })))),
                new W.Paragraph(),
                new W.Paragraph(new W.Run(new W.Text("Sista stycket")))));
            doc.PackageProperties.Title = "Titel med Olle";
        }
        return stream.ToArray();
    }

    [Test]
    public void ExtractAll_EveryVisiblePlace_OneLinePerParagraph()
    {
        var lines = DocxText.ExtractAll(Document()).Split('\n');
        Assert.That(lines, Does.Contain("Anna Fiktiv"), "runs of one paragraph joined on one line");
        Assert.That(lines, Does.Contain("B-4711"), "table cells");
        Assert.That(lines, Does.Contain("Sidhuvud med Kalle").And.Contain("Sidfot med sidnummer 7"), "header and footer");
        Assert.That(lines, Has.Some.Contains("Foto av Lisa"), "alt text");
        Assert.That(lines, Does.Contain("Titel med Olle"), "document properties");
        Assert.That(lines, Does.Contain("Sista stycket"), "the paragraph after an empty one is still read");
    }

    [Test]
    public void ExtractAll_NotADocument_Throws()
    {
        Assert.That(() => DocxText.ExtractAll([1, 2, 3]), Throws.InstanceOf<InvalidDataException>());
    }
}
