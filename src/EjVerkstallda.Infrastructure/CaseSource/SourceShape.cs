using EjVerkstallda.Infrastructure.Data;

namespace EjVerkstallda.Infrastructure.CaseSource;

/// <summary>
/// What the reader learns of <c>ejv_beslut</c> before it queries: whether the optional <c>namnd_id</c> exists, and which date
/// columns are text (compared with text parameters) rather than date, timestamp or instant types.
/// </summary>
internal sealed record SourceShape(bool HasNamnd, IReadOnlySet<string> TextDateColumns)
{
    /// <param name="columns">Each column's .NET type as the provider reports it (null: unknown, as SQLite, where every date is text).</param>
    public static SourceShape Of(string relation, IReadOnlyDictionary<string, Type?> columns, SqlDialect dialect)
    {
        var text = new HashSet<string>(StringComparer.Ordinal);
        foreach (var column in ViewContract.DateColumns)
        {
            var type = columns[column];
            if (dialect.Provider == DbProvider.Sqlite || type == typeof(string)) text.Add(column);
            else if (type != typeof(DateTime) && type != typeof(DateTimeOffset) && type != typeof(DateOnly))
                throw new CaseSourceException($"{relation}.{column} is of type {type?.Name ?? "unknown"}: a date column must be a date, a timestamp (datetime), a timestamptz (datetimeoffset) or text YYYY-MM-DD; see README 'The view contract'");
        }
        return new SourceShape(columns.ContainsKey(ViewContract.OptionalNamndColumn), text);
    }
}
