using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace EjVerkstallda.Infrastructure.Documents;

/// <summary>One sheet of a plain workbook: a name, its columns (header and width) and its rows (text, int or DateOnly cells).</summary>
public sealed record XlsxSheet(string Name, IReadOnlyList<(string Header, double Width)> Columns, IEnumerable<object?[]> Rows);

/// <summary>A workbook of plain tables with the product's sheet style (bold frozen header, AutoFilter): the reconciliation, the import templates.</summary>
public static class XlsxWorkbook
{
    public static byte[] Render(IReadOnlyList<XlsxSheet> sheets)
    {
        using var stream = new MemoryStream();
        using (var doc = SpreadsheetDocument.Create(stream, DocumentFormat.OpenXml.SpreadsheetDocumentType.Workbook))
        {
            var workbook = doc.AddWorkbookPart();
            workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = XlsxSheetWriter.Styles();
            var list = new Sheets();
            var filters = sheets.Select(s => XlsxSheetWriter.AddSheet(workbook, list, s.Name, s.Columns, s.Rows)).ToList();
            var names = new DefinedNames(filters.Select((f, i) => new DefinedName(f) { Name = "_xlnm._FilterDatabase", LocalSheetId = (uint)i, Hidden = true }));
            workbook.Workbook = new Workbook(list, names);
        }
        return stream.ToArray();
    }
}
