namespace EjVerkstallda.Core.Import;

/// <summary>One data line of an import file: its line number in the file (the header is line 1) and its cells, trimmed.</summary>
public sealed record ImportLine(int Number, IReadOnlyList<string> Cells);

/// <summary>An import file read as a table (CSV or the first sheet of an .xlsx): the header's column names and the data lines.</summary>
public sealed record ImportTable(IReadOnlyList<string> Header, IReadOnlyList<ImportLine> Lines)
{
    /// <summary>The column index of each expected column (header compared case-insensitively), or the missing ones.</summary>
    public (IReadOnlyDictionary<string, int> Columns, IReadOnlyList<string> Missing) Map(IReadOnlyList<string> expected)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < Header.Count; i++)
        {
            var name = Header[i].Trim().ToLowerInvariant();
            if (name.Length > 0 && !index.ContainsKey(name)) index[name] = i;
        }
        return (index, expected.Where(e => !index.ContainsKey(e)).ToList());
    }
}

/// <summary>What is wrong with one line of an import file, and what to do about it. Line 0: the file as a whole.</summary>
public sealed record ImportError(int Line, string Message)
{
    public override string ToString() => Line > 0 ? $"line {Line}: {Message}" : Message;
}
