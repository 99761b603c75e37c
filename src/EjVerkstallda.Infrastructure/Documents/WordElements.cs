using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace EjVerkstallda.Infrastructure.Documents;

/// <summary>Small builders for WordprocessingML, each appending children in the order the schema requires.</summary>
internal static class WordElements
{
    /// <summary>A4 text width between 2.5 cm margins, in twentieths of a point.</summary>
    internal const int TextWidthTwips = 11906 - 2 * 1417;

    internal static Paragraph Para(string text, string? style = null, bool bold = false, bool keepNext = false, JustificationValues? align = null)
    {
        var p = new Paragraph();
        var props = new ParagraphProperties();
        if (style is not null) props.Append(new ParagraphStyleId { Val = style });
        if (keepNext) props.Append(new KeepNext());
        if (align is { } a) props.Append(new Justification { Val = a });
        if (props.HasChildren) p.Append(props);
        p.Append(TextRun(text, bold));
        return p;
    }

    internal static Paragraph Heading(string text, int level) => Para(text, level == 1 ? "Heading1" : "Heading2");

    internal static Run TextRun(string text, bool bold = false)
    {
        var run = new Run();
        if (bold) run.Append(new RunProperties(new Bold()));
        run.Append(new Text(Core.Beslut.PrintableText.ForDocument(text)) { Space = SpaceProcessingModeValues.Preserve }); // every paragraph and cell passes here
        return run;
    }

    /// <summary>The runs of a complex field such as <c>PAGE</c>, showing <paramref name="placeholder"/> until updated.</summary>
    internal static IEnumerable<Run> Field(string instruction, string placeholder) =>
    [
        new Run(new FieldChar { FieldCharType = FieldCharValues.Begin }),
        new Run(new FieldCode($" {instruction} ") { Space = SpaceProcessingModeValues.Preserve }),
        new Run(new FieldChar { FieldCharType = FieldCharValues.Separate }),
        new Run(new Text(placeholder)),
        new Run(new FieldChar { FieldCharType = FieldCharValues.End }),
    ];

    /// <summary>
    /// A bordered table with a repeated header row. Columns from <paramref name="firstNumericColumn"/> on are right-aligned;
    /// a <paramref name="sumRow"/> is set in bold.
    /// </summary>
    internal static Table Table(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows, IReadOnlyList<int> widths, int firstNumericColumn, IReadOnlyList<string>? sumRow = null)
    {
        var table = new Table(
            new TableProperties(
                new TableWidth { Width = widths.Sum().ToString(System.Globalization.CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
                Borders(),
                new TableLayout { Type = TableLayoutValues.Fixed },
                new TableCellMarginDefault(
                    new TopMargin { Width = "40", Type = TableWidthUnitValues.Dxa },
                    new TableCellLeftMargin { Width = 85, Type = TableWidthValues.Dxa },
                    new BottomMargin { Width = "40", Type = TableWidthUnitValues.Dxa },
                    new TableCellRightMargin { Width = 85, Type = TableWidthValues.Dxa }),
                new TableLook { Val = "04A0", FirstRow = true, LastRow = false, FirstColumn = true, LastColumn = false, NoHorizontalBand = false, NoVerticalBand = true }),
            new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString(System.Globalization.CultureInfo.InvariantCulture) })));
        table.Append(Row(headers, widths, firstNumericColumn, header: true, bold: true));
        foreach (var r in rows) table.Append(Row(r, widths, firstNumericColumn, header: false, bold: false));
        if (sumRow is not null) table.Append(Row(sumRow, widths, firstNumericColumn, header: false, bold: true));
        return table;
    }

    private static TableBorders Borders()
    {
        static T B<T>() where T : BorderType, new() => new() { Val = BorderValues.Single, Size = 4U, Space = 0U, Color = "808080" };
        return new TableBorders(B<TopBorder>(), B<LeftBorder>(), B<BottomBorder>(), B<RightBorder>(), B<InsideHorizontalBorder>(), B<InsideVerticalBorder>());
    }

    private static TableRow Row(IReadOnlyList<string> cells, IReadOnlyList<int> widths, int firstNumericColumn, bool header, bool bold)
    {
        var row = new TableRow();
        row.Append(header ? new TableRowProperties(new CantSplit(), new TableHeader()) : new TableRowProperties(new CantSplit()));
        for (var i = 0; i < cells.Count; i++)
        {
            var props = new TableCellProperties(new TableCellWidth { Width = widths[i].ToString(System.Globalization.CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa });
            if (header) props.Append(new Shading { Val = ShadingPatternValues.Clear, Color = "auto", Fill = "DCE6F0" });
            props.Append(new TableCellVerticalAlignment { Val = TableVerticalAlignmentValues.Bottom });
            var align = i >= firstNumericColumn ? JustificationValues.Right : JustificationValues.Left;
            row.Append(new TableCell(props, Para(cells[i], "Tabelltext", bold, align: align)));
        }
        return row;
    }
}
