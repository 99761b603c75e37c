using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace EjVerkstallda.Infrastructure.Documents;

/// <summary>The style sheet of the tjänsteskrivelse: Arial 11 pt, Swedish, Word's built-in heading styles.</summary>
internal static class WordStyles
{
    internal const string Font = "Arial";

    internal static Styles Create() => new(
        new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle(
                new RunFonts { Ascii = Font, HighAnsi = Font, ComplexScript = Font, EastAsia = Font },
                new FontSize { Val = "22" },
                new FontSizeComplexScript { Val = "22" },
                new Languages { Val = "sv-SE", EastAsia = "sv-SE", Bidi = "ar-SA" })),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
                new SpacingBetweenLines { After = "120", Line = "264", LineRule = LineSpacingRuleValues.Auto }))),
        ParagraphStyle("Normal", "Normal", null, null, null, isDefault: true),
        ParagraphStyle("Title", "Title", 0, "360", "240", size: "30", bold: true),
        ParagraphStyle("Heading1", "heading 1", 0, "360", "120", size: "26", bold: true, outline: 0),
        ParagraphStyle("Heading2", "heading 2", 1, "240", "80", size: "22", bold: true, outline: 1),
        ParagraphStyle("Caption", "caption", null, "120", "120", size: "18", italic: true),
        ParagraphStyle("Tabelltext", "Tabelltext", null, "0", "0", size: "20"),
        ParagraphStyle("Metadata", "Metadata", null, "0", "0", size: "20", color: "404040"),
        ParagraphStyle("Header", "header", null, "0", "0", size: "18", color: "404040"),
        ParagraphStyle("Footer", "footer", null, "0", "0", size: "18", color: "404040"));

    private static Style ParagraphStyle(
        string id, string name, int? keepNextLevel, string? before, string? after,
        string? size = null, bool bold = false, bool italic = false, string? color = null, int? outline = null, bool isDefault = false)
    {
        var style = new Style { Type = StyleValues.Paragraph, StyleId = id };
        if (isDefault) style.Default = true;
        style.Append(new StyleName { Val = name });
        if (!isDefault) style.Append(new BasedOn { Val = "Normal" }, new NextParagraphStyle { Val = "Normal" });
        style.Append(new PrimaryStyle());

        var pPr = new StyleParagraphProperties();
        if (keepNextLevel is not null) pPr.Append(new KeepNext(), new KeepLines());
        if (before is not null || after is not null) pPr.Append(new SpacingBetweenLines { Before = before, After = after });
        if (outline is { } o) pPr.Append(new OutlineLevel { Val = o });
        if (pPr.HasChildren) style.Append(pPr);

        var rPr = new StyleRunProperties();
        if (bold) rPr.Append(new Bold(), new BoldComplexScript());
        if (italic) rPr.Append(new Italic());
        if (color is not null) rPr.Append(new Color { Val = color });
        if (size is not null) rPr.Append(new FontSize { Val = size }, new FontSizeComplexScript { Val = size });
        if (rPr.HasChildren) style.Append(rPr);
        return style;
    }
}
