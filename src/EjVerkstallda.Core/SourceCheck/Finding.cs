namespace EjVerkstallda.Core.SourceCheck;

public enum Severity
{
    /// <summary>The view cannot be used as it is: the run stops, or rows are left unjudged because of the mapping.</summary>
    Fault,

    /// <summary>The view can be used; something deserves a look (manual handling, speed, an unused code).</summary>
    Warning,
}

/// <summary>
/// One thing the view doctor found. <see cref="Code"/> is stable (the JSON and the tests use it); <see cref="Args"/> fill the
/// text (<see cref="FindingTexts"/>): column names, counts, insats codes, never a person's data. <see cref="SampleIds"/> are
/// beslut ids, for the IT person to look up.
/// </summary>
public sealed record Finding(Severity Severity, string Code, string Column, IReadOnlyList<string> Args, IReadOnlyList<string> SampleIds)
{
    public static Finding Fault(string code, string column, params string[] args) => new(Severity.Fault, code, column, args, []);

    public static Finding Warning(string code, string column, params string[] args) => new(Severity.Warning, code, column, args, []);

    public Finding WithIds(IReadOnlyList<string> ids) => this with { SampleIds = ids };
}
