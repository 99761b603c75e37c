using System.Text;

namespace EjVerkstallda.Core.Import;

/// <summary>
/// CSV as Excel writes it: <c>;</c> (Swedish Excel) or <c>,</c> separated, told apart by the header line; fields may be
/// quoted with <c>"</c> (a doubled <c>""</c> inside is one quote, and a quoted field may span lines). A byte order mark
/// is dropped. Blank lines are skipped; line numbers are the file's (a record's first line).
/// </summary>
public static class DelimitedText
{
    public static ImportTable Parse(string text)
    {
        if (text.Length > 0 && text[0] == '\uFEFF') text = text[1..];
        var records = Records(text).Where(r => r.Cells.Any(c => c.Length > 0)).ToList();
        if (records.Count == 0) return new ImportTable([], []);
        var separator = records[0].Raw.Contains(';') ? ';' : ',';
        var split = Records(text, separator).Where(r => r.Cells.Any(c => c.Length > 0)).ToList();
        return new ImportTable(split[0].Cells, split.Skip(1).Select(r => new ImportLine(r.Line, r.Cells)).ToList());
    }

    private sealed record Record(int Line, string Raw, IReadOnlyList<string> Cells);

    private static IEnumerable<Record> Records(string text, char separator = '\0')
    {
        var cells = new List<string>();
        var cell = new StringBuilder();
        var raw = new StringBuilder();
        var quoted = false;
        var line = 1;
        var start = 1;
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (quoted)
            {
                if (ch == '"' && i + 1 < text.Length && text[i + 1] == '"') { cell.Append('"'); i++; }
                else if (ch == '"') quoted = false;
                else { if (ch == '\n') line++; cell.Append(ch); }
                continue;
            }
            if (ch == '"' && cell.ToString().Trim().Length == 0) { quoted = true; cell.Clear(); continue; }
            if (ch == separator) { cells.Add(cell.ToString().Trim()); cell.Clear(); raw.Append(ch); continue; }
            if (ch is '\r' or '\n')
            {
                if (ch == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
                cells.Add(cell.ToString().Trim());
                yield return new Record(start, raw.ToString(), cells);
                cells = []; cell.Clear(); raw.Clear();
                start = ++line;
                continue;
            }
            cell.Append(ch);
            raw.Append(ch);
        }
        if (cell.Length > 0 || cells.Count > 0)
        {
            cells.Add(cell.ToString().Trim());
            yield return new Record(start, raw.ToString(), cells);
        }
    }
}
