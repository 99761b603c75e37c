using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using EjVerkstallda.Core.Import;

namespace EjVerkstallda.Infrastructure.Import;

/// <summary>
/// The first sheet of a workbook as an <see cref="ImportTable"/>: row 1 the header, each row's number its line. Cells are read
/// as Excel shows them where it matters: shared and inline strings as text, a number with a date format as <c>YYYY-MM-DD</c>
/// (Excel turns a typed 2025-03-14 into a date), other numbers in invariant digits.
/// </summary>
public static class XlsxTableReader
{
    /// <param name="sheetName">The sheet to read; null: the first.</param>
    public static ImportTable Read(byte[] bytes, string name, string? sheetName = null)
    {
        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            using var doc = SpreadsheetDocument.Open(stream, isEditable: false);
            var wb = doc.WorkbookPart ?? throw new ImportFileException($"{name} has no workbook");
            var first = wb.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault(s => sheetName is null || s.Name?.Value == sheetName) ?? throw new ImportFileException($"{name} has no sheet");
            var sheet = (WorksheetPart)wb.GetPartById(first.Id!.Value!);
            var strings = wb.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(i => i.InnerText).ToList() ?? [];
            var dateStyles = DateStyles(wb);
            var lines = new List<ImportLine>();
            foreach (var row in sheet.Worksheet.Descendants<Row>())
            {
                var cells = new List<string>();
                foreach (var cell in row.Elements<Cell>())
                {
                    var col = ColumnIndex(cell.CellReference?.Value) ?? cells.Count;
                    while (cells.Count < col) cells.Add("");
                    cells.Add(Text(cell, strings, dateStyles).Trim());
                }
                if (cells.All(c => c.Length == 0)) continue;
                lines.Add(new ImportLine((int)(row.RowIndex?.Value ?? (uint)(lines.Count + 1)), cells));
            }
            if (lines.Count == 0) return new ImportTable([], []);
            return new ImportTable(lines[0].Cells, lines.Skip(1).ToList());
        }
        catch (Exception ex) when (ex is OpenXmlPackageException or InvalidDataException or FileFormatException)
        {
            throw new ImportFileException($"{name} is not an Excel workbook (.xlsx) that can be read: {ex.Message}", ex);
        }
    }

    private static string Text(Cell cell, List<string> strings, HashSet<uint> dateStyles)
    {
        var raw = cell.CellValue?.Text ?? "";
        if (cell.DataType?.Value == CellValues.SharedString)
            return int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < strings.Count ? strings[i] : "";
        if (cell.DataType?.Value == CellValues.InlineString) return cell.InlineString?.InnerText ?? "";
        if (cell.DataType is null || cell.DataType.Value == CellValues.Number)
        {
            if (!double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)) return raw;
            if (cell.StyleIndex?.Value is { } s && dateStyles.Contains(s) && number is > 0 and < 2958466)
                return DateOnly.FromDateTime(DateTime.FromOADate(number)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            return number.ToString(CultureInfo.InvariantCulture);
        }
        return raw;
    }

    /// <summary>The cell formats whose number format is a date: Excel's built-in 14–22 and 45–47, or a custom code with y or d.</summary>
    private static HashSet<uint> DateStyles(WorkbookPart wb)
    {
        var styles = wb.WorkbookStylesPart?.Stylesheet;
        var custom = styles?.NumberingFormats?.Elements<NumberingFormat>()
            .Where(f => f.FormatCode?.Value is { } code && (code.Contains('y', StringComparison.OrdinalIgnoreCase) || code.Contains('d', StringComparison.OrdinalIgnoreCase)))
            .Select(f => f.NumberFormatId!.Value).ToHashSet() ?? [];
        var result = new HashSet<uint>();
        var index = 0u;
        foreach (var f in styles?.CellFormats?.Elements<CellFormat>() ?? [])
        {
            var id = f.NumberFormatId?.Value ?? 0;
            if (id is >= 14 and <= 22 or >= 45 and <= 47 || custom.Contains(id)) result.Add(index);
            index++;
        }
        return result;
    }

    private static int? ColumnIndex(string? reference)
    {
        if (string.IsNullOrEmpty(reference)) return null;
        var n = 0;
        foreach (var ch in reference.TakeWhile(char.IsAsciiLetter)) n = n * 26 + (char.ToUpperInvariant(ch) - 'A' + 1);
        return n == 0 ? null : n - 1;
    }
}
