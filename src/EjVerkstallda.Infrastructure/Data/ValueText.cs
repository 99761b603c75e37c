using System.Globalization;

namespace EjVerkstallda.Infrastructure.Data;

/// <summary>Turns a value read from any provider into the text form that Core judges (dates <c>YYYY-MM-DD</c>, booleans 0/1).</summary>
public static class ValueText
{
    public static string? Of(object? value) => value switch
    {
        null or DBNull => null,
        string s => s,
        DateTime d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), // a timestamp column still means that day
        DateTimeOffset o => Of(o.DateTime),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        bool b => b ? "1" : "0",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
