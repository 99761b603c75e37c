using Dapper;
using EjVerkstallda.Core.Beslut;
using EjVerkstallda.Core.Kvartal;
using EjVerkstallda.Infrastructure.Data;

namespace EjVerkstallda.Infrastructure.CaseSource;

/// <summary>
/// The candidate filter: the rows of <c>ejv_beslut</c> that can be reportable at E, that the rules cannot read, or whose dates
/// contradict each other. It exists in SQL only for speed; Core (the validator and the classifier) is the judge, so the filter
/// only needs to keep every row Core could report and may keep more (CaseSourceDateTypesTests holds the two together).
/// <para>
/// A date column may be a date, a timestamp, an instant (timestamptz/datetimeoffset) or text. Each bound is widened by one day
/// so that one comparison is right for all of them: "day &lt;= cutoff" becomes "value &lt; cutoff + 2 days" (one day for the
/// time of day, one for an instant whose kommun date is a day later than its date in the database session's zone), and
/// "day &gt;= S" becomes "value &gt;= S - 1 day". Text columns are compared with text parameters (ISO text sorts as it dates;
/// a typed parameter would make PostgreSQL and SQL Server fail or convert every text value), typed columns with typed ones.
/// </para>
/// </summary>
internal sealed class CandidateQuery(SqlDialect dialect, IReadOnlySet<string> textDateColumns)
{
    /// <summary>Rows whose dates contradict each other are listed when their beslut is at most this many years older than the quarter.</summary>
    public const int InconsistentRowsYears = 2;

    public DynamicParameters Args(Kvartal quarter)
    {
        var args = new DynamicParameters();
        Add(args, "hi", Frist.LatestStartReportableAt(quarter.ReportingDay).AddDays(2));
        Add(args, "lo", quarter.FirstDay.AddDays(-1));
        Add(args, "dqFrom", quarter.FirstDay.AddYears(-InconsistentRowsYears).AddDays(-1));
        Add(args, "latest", BeslutValidator.LatestPlausible);
        return args;
    }

    private void Add(DynamicParameters args, string name, DateOnly day)
    {
        args.Add(name, dialect.Date(day));
        if (textDateColumns.Count > 0) args.Add(name + "Text", CaseDateText.Of(day));
    }

    public string Predicate() => $"""
        (beslutsdatum < {P("beslutsdatum", "hi")} AND {OpenAt("verkstallighetsdatum")} AND {OpenAt("avslutsdatum")})
        OR (avbrottsdatum < {P("avbrottsdatum", "hi")} AND {OpenAt("aterupptagandedatum")} AND {OpenAt("avslutsdatum")})
        OR beslut_id IS NULL OR beslutsdatum IS NULL OR {Malformed()}
        OR beslutsdatum > {P("beslutsdatum", "latest")} OR avbrottsdatum > {P("avbrottsdatum", "latest")}
        OR (beslutsdatum >= {P("beslutsdatum", "dqFrom")} AND ({Before("verkstallighetsdatum", "beslutsdatum")} OR {Before("avslutsdatum", "beslutsdatum")}
            OR {Before("avbrottsdatum", "verkstallighetsdatum")} OR {Before("aterupptagandedatum", "avbrottsdatum")}))
        """;

    private bool IsText(string column) => dialect.Provider == DbProvider.Sqlite || textDateColumns.Contains(column);

    /// <summary>The parameter for a bound compared with <paramref name="column"/>: text for a text column (SQLite's are all text).</summary>
    private string P(string column, string bound) => IsText(column) && dialect.Provider != DbProvider.Sqlite ? $"@{bound}Text" : $"@{bound}";

    private string OpenAt(string column) => $"({column} IS NULL OR {column} >= {P(column, "lo")})";

    /// <summary>"a before b"; columns of different kinds (text and typed) cannot be compared in SQL, so both set is enough.</summary>
    private string Before(string a, string b) => IsText(a) == IsText(b) ? $"{a} < {b}" : $"({a} IS NOT NULL AND {b} IS NOT NULL)";

    private string Malformed()
    {
        var text = ViewContract.DateColumns.Where(IsText).Select(dialect.MalformedDate).ToList();
        return text.Count == 0 ? "1 = 0" : string.Join(" OR ", text);
    }
}
