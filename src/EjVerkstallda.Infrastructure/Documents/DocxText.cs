using DocumentFormat.OpenXml.Packaging;
using A = DocumentFormat.OpenXml.Drawing;
using C = DocumentFormat.OpenXml.Drawing.Charts;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace EjVerkstallda.Infrastructure.Documents;

/// <summary>
/// Every text a reader of a .docx can see: paragraphs of the body, headers and footers, chart values and labels,
/// alt texts and document properties; one line per paragraph. For <see cref="Core.Anonymity.AnonymityGuard"/>.
/// </summary>
public static class DocxText
{
    public static string ExtractAll(byte[] docx)
    {
        using var stream = new MemoryStream(docx, writable: false);
        using var doc = WordprocessingDocument.Open(stream, false);
        var lines = new List<string>();
        var main = doc.MainDocumentPart ?? throw new InvalidDataException("the document has no main part");
        if (main.Document is { } d) lines.AddRange(Paragraphs(d));
        foreach (var h in main.HeaderParts) lines.AddRange(Paragraphs(h.Header));
        foreach (var f in main.FooterParts) lines.AddRange(Paragraphs(f.Footer));
        foreach (var c in main.ChartParts)
        {
            lines.AddRange(c.ChartSpace.Descendants<C.NumericValue>().Select(v => v.Text));
            lines.AddRange(c.ChartSpace.Descendants<A.Text>().Select(t => t.Text));
        }
        lines.AddRange(main.Document?.Descendants<DW.DocProperties>().Select(p => $"{p.Name?.Value} {p.Description?.Value} {p.Title?.Value}") ?? []);
        lines.Add(doc.PackageProperties.Title ?? "");
        lines.Add(doc.PackageProperties.Subject ?? "");
        lines.Add(doc.PackageProperties.Creator ?? "");
        return string.Join("\n", lines);
    }

    /// <summary>The text of each paragraph (body, tables), field codes left out.</summary>
    public static IEnumerable<string> Paragraphs(DocumentFormat.OpenXml.OpenXmlElement root) =>
        root.Descendants<W.Paragraph>().Select(p => string.Concat(p.Descendants<W.Text>().Select(t => t.Text)));
}
