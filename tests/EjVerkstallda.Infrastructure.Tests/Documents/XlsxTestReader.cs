using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace EjVerkstallda.Infrastructure.Tests.Documents;

/// <summary>Reads a workbook back as a reader's script would: each sheet's rows as cell texts by column (dates as yyyy-MM-dd).</summary>
internal static class XlsxTestReader
{
    public static IReadOnlyList<string> SheetNames(byte[] xlsx)
    {
        using var doc = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        return doc.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value!).ToList();
    }

    /// <summary>The sheet's rows; a missing cell is "".</summary>
    public static IReadOnlyList<string[]> Rows(byte[] xlsx, string sheet)
    {
        using var doc = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        var wb = doc.WorkbookPart!;
        var id = wb.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == sheet).Id!.Value!;
        var rows = ((WorksheetPart)wb.GetPartById(id)).Worksheet.Descendants<Row>().ToList();
        var width = rows.Count == 0 ? 0 : rows[0].Elements<Cell>().Count();
        return rows.Select(r =>
        {
            var cells = new string[width];
            Array.Fill(cells, "");
            foreach (var c in r.Elements<Cell>())
                cells[Column(c.CellReference!.Value!)] = Text(c);
            return cells;
        }).ToList();
    }

    private static string Text(Cell c) => c.StyleIndex?.Value == 2u && double.TryParse(c.InnerText, System.Globalization.CultureInfo.InvariantCulture, out var oa)
        ? DateOnly.FromDateTime(DateTime.FromOADate(oa)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)
        : c.InnerText;

    private static int Column(string reference)
    {
        var n = 0;
        foreach (var ch in reference.TakeWhile(char.IsLetter)) n = n * 26 + (ch - 'A' + 1);
        return n - 1;
    }
}
