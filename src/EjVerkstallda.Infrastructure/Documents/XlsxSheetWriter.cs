using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace EjVerkstallda.Infrastructure.Documents;

/// <summary>A table as a worksheet: bold frozen header row, AutoFilter, column widths, dates as Excel dates.</summary>
internal static class XlsxSheetWriter
{
    internal const uint HeaderStyle = 1;
    internal const uint DateStyle = 2;
    internal const uint WrapStyle = 3;

    internal static Stylesheet Styles() => new(
        new NumberingFormats(new NumberingFormat { NumberFormatId = 164U, FormatCode = "yyyy-mm-dd" }) { Count = 1U },
        new Fonts(Font(bold: false), Font(bold: true)) { Count = 2U },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2U },
        new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1U },
        new CellStyleFormats(new CellFormat { NumberFormatId = 0U, FontId = 0U, FillId = 0U, BorderId = 0U }) { Count = 1U },
        new CellFormats(
            new CellFormat { NumberFormatId = 0U, FontId = 0U, FillId = 0U, BorderId = 0U, FormatId = 0U },
            new CellFormat { NumberFormatId = 0U, FontId = 1U, FillId = 0U, BorderId = 0U, FormatId = 0U, ApplyFont = true },
            new CellFormat { NumberFormatId = 164U, FontId = 0U, FillId = 0U, BorderId = 0U, FormatId = 0U, ApplyNumberFormat = true },
            new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top }) { NumberFormatId = 0U, FontId = 0U, FillId = 0U, BorderId = 0U, FormatId = 0U, ApplyAlignment = true })
        { Count = 4U },
        new CellStyles(new CellStyle { Name = "Normal", FormatId = 0U, BuiltinId = 0U }) { Count = 1U });

    private static Font Font(bool bold)
    {
        var f = new Font();
        if (bold) f.Append(new Bold());
        f.Append(new FontSize { Val = 11 }, new FontName { Val = "Calibri" }, new FontFamilyNumbering { Val = 2 });
        return f;
    }

    /// <summary>
    /// Adds a sheet; returns the AutoFilter range for the workbook's <c>_xlnm._FilterDatabase</c> name. Rows are streamed into
    /// the part with <see cref="OpenXmlWriter"/> (no element tree of the whole sheet): 11,000 reports in a fraction of the time.
    /// </summary>
    internal static string AddSheet(WorkbookPart workbook, Sheets sheets, string name, IReadOnlyList<(string Header, double Width)> columns, IEnumerable<object?[]> rows)
    {
        var part = workbook.AddNewPart<WorksheetPart>();
        var all = rows.ToList();
        var last = Column(columns.Count - 1);
        var lastRow = all.Count + 1;
        var range = $"A1:{last}{lastRow}";
        using (var w = OpenXmlWriter.Create(part))
        {
            w.WriteStartElement(new Worksheet());
            w.WriteElement(new SheetViews(new SheetView(
                new Pane { VerticalSplit = 1D, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
                new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new ListValue<StringValue> { InnerText = "A2" } })
            { WorkbookViewId = 0U, TabSelected = sheets.ChildElements.Count == 0 }));
            w.WriteElement(new SheetFormatProperties { DefaultRowHeight = 15D });
            w.WriteElement(new Columns(columns.Select((c, i) => new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = c.Width, CustomWidth = true })));
            w.WriteStartElement(new SheetData());
            WriteRow(w, 1, columns.Select(c => (object?)c.Header).ToArray(), HeaderStyle);
            for (var i = 0; i < all.Count; i++) WriteRow(w, (uint)i + 2, all[i], null);
            w.WriteEndElement();
            w.WriteElement(new AutoFilter { Reference = range });
            w.WriteElement(new PageMargins { Left = 0.7, Right = 0.7, Top = 0.75, Bottom = 0.75, Header = 0.3, Footer = 0.3 });
            w.WriteEndElement();
        }
        sheets.Append(new Sheet { Name = name, SheetId = (uint)sheets.ChildElements.Count + 1, Id = workbook.GetIdOfPart(part) });
        return $"'{name}'!$A$1:${last}${lastRow}";
    }

    // Start tags only: the writer takes the name from these and the attributes from the list, so one instance serves every cell.
    private static readonly Row RowTag = new();
    private static readonly Cell CellTag = new();
    private static readonly CellValue ValueTag = new();
    private static readonly InlineString InlineTag = new();
    private static readonly Text TextTag = new();
    private static readonly OpenXmlAttribute Preserve = new("xml", "space", "http://www.w3.org/XML/1998/namespace", "preserve");
    private static readonly OpenXmlAttribute InlineType = new("t", "", "inlineStr");

    /// <summary>A row written tag by tag: no element objects per cell (a 180,000-cell workbook was most of a large run's output time).</summary>
    private static void WriteRow(OpenXmlWriter w, uint index, object?[] values, uint? style)
    {
        var row = index.ToString(CultureInfo.InvariantCulture);
        w.WriteStartElement(RowTag, [new OpenXmlAttribute("r", "", row)]);
        for (var i = 0; i < values.Length; i++)
        {
            var reference = new OpenXmlAttribute("r", "", Column(i) + row);
            switch (values[i])
            {
                case null:
                    continue;
                case DateOnly d:
                    WriteNumber(w, reference, DateStyle, d.ToDateTime(TimeOnly.MinValue).ToOADate().ToString(CultureInfo.InvariantCulture));
                    break;
                case int n:
                    WriteNumber(w, reference, style, n.ToString(CultureInfo.InvariantCulture));
                    break;
                case string text:
                    var cellStyle = style ?? (text.Length > 50 ? WrapStyle : null);
                    w.WriteStartElement(CellTag, cellStyle is { } s ? [reference, Style(s), InlineType] : [reference, InlineType]);
                    w.WriteStartElement(InlineTag);
                    w.WriteStartElement(TextTag, [Preserve]);
                    w.WriteString(CellText(text));
                    w.WriteEndElement();
                    w.WriteEndElement();
                    w.WriteEndElement();
                    break;
                default:
                    throw new ArgumentException($"unsupported cell type {values[i]!.GetType().Name}", nameof(values));
            }
        }
        w.WriteEndElement();
    }

    private static void WriteNumber(OpenXmlWriter w, OpenXmlAttribute reference, uint? style, string number)
    {
        w.WriteStartElement(CellTag, style is { } s ? [reference, Style(s)] : [reference]);
        w.WriteStartElement(ValueTag);
        w.WriteString(number);
        w.WriteEndElement();
        w.WriteEndElement();
    }

    private static OpenXmlAttribute Style(uint style) => new("s", "", style.ToString(CultureInfo.InvariantCulture));

    /// <summary>Excel's limit for the text of one cell; a longer text makes Excel report the workbook as damaged.</summary>
    internal const int MaxCellText = 32_767;

    /// <summary>
    /// Text from the case system as a cell can hold it: characters XML 1.0 forbids and other unprintable ones are written
    /// out by the one rule (<see cref="Core.Beslut.PrintableText.ForDocument"/>), and text past Excel's cell limit is cut
    /// with a marker. Without this one BEL in a skal stopped the run.
    /// </summary>
    internal static string CellText(string s)
    {
        var clean = Core.Beslut.PrintableText.ForDocument(s);
        const string cut = " [...]";
        if (clean.Length <= MaxCellText) return clean;
        var keep = MaxCellText - cut.Length;
        if (char.IsHighSurrogate(clean[keep - 1])) keep--; // never split a pair into a lone surrogate
        return clean[..keep] + cut;
    }

    /// <summary>0 → A, 25 → Z, 26 → AA.</summary>
    internal static string Column(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26) name = (char)('A' + (n - 1) % 26) + name;
        return name;
    }
}
