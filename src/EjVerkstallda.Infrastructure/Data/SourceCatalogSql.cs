using Microsoft.Data.Sqlite;
using Npgsql;

namespace EjVerkstallda.Infrastructure.Data;

/// <summary>
/// The provider-specific SQL of the view doctor (<c>ejv check-source</c>), beside <see cref="SqlDialect"/>: the read-only
/// connection, the year of a date, SQLite's storage classes, and how each provider tells which index of the view's underlying
/// table serves a column. Everything else the doctor sends is plain SQL shared by all three.
/// </summary>
public static class SourceCatalogSql
{
    /// <summary>
    /// The connection string made read-only where the provider can enforce it: SQLite opens the file read-only (and never creates
    /// a missing one), PostgreSQL makes every transaction of the session read-only. SQL Server has no such switch for a session:
    /// <c>ApplicationIntent=ReadOnly</c> only routes to a readable secondary; the doctor sends SELECTs only (give it a login with
    /// db_datareader, as the runs).
    /// </summary>
    public static string ReadOnly(SqlDialect dialect, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(dialect);
        if (ConnectionStrings.SyntaxError(dialect.Provider, connectionString, "Ejv:Source:ConnectionString") is { } error) throw new ArgumentException(error);
        switch (dialect.Provider)
        {
            case DbProvider.Sqlite:
                return new SqliteConnectionStringBuilder(connectionString) { Mode = SqliteOpenMode.ReadOnly }.ToString();
            case DbProvider.PostgreSql:
                var pg = new NpgsqlConnectionStringBuilder(connectionString);
                pg.Options = ((pg.Options ?? "") + " -c default_transaction_read_only=on").Trim();
                return pg.ToString();
            default:
                return new Microsoft.Data.SqlClient.SqlConnectionStringBuilder(connectionString)
                    { ApplicationIntent = Microsoft.Data.SqlClient.ApplicationIntent.ReadOnly }.ToString();
        }
    }

    /// <summary>The year of a date column as an expression (text columns: its first four characters, parsed by the caller).</summary>
    public static string YearOf(SqlDialect dialect, string column, bool text)
    {
        ArgumentNullException.ThrowIfNull(dialect);
        if (dialect.Provider == DbProvider.Sqlite) return $"substr({column}, 1, 4)";
        if (text) return $"SUBSTRING({column}, 1, 4)";
        return dialect.Provider == DbProvider.PostgreSql ? $"CAST(EXTRACT(YEAR FROM {column}) AS INTEGER)" : $"YEAR({column})";
    }

    /// <summary>SQLite only: the rows of a column stored as integer, real and blob (a date must be text).</summary>
    public static string StorageClasses(string column) =>
        $"SUM(CASE WHEN typeof({column}) = 'integer' THEN 1 ELSE 0 END), SUM(CASE WHEN typeof({column}) = 'real' THEN 1 ELSE 0 END), SUM(CASE WHEN typeof({column}) = 'blob' THEN 1 ELSE 0 END)";

    /// <summary>PostgreSQL: the plan that shows where a view column comes from (the top node's output names alias.column).</summary>
    public static string PostgresSource(string relation, string column) => $"EXPLAIN (VERBOSE, FORMAT JSON) SELECT {column} FROM {relation}";

    /// <summary>PostgreSQL: a valid index of @schema.@table whose first key column is @column (pg_catalog).</summary>
    public const string PostgresLeadingIndex = """
        SELECT ic.relname
        FROM pg_catalog.pg_index i
        JOIN pg_catalog.pg_class t ON t.oid = i.indrelid
        JOIN pg_catalog.pg_namespace n ON n.oid = t.relnamespace
        JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
        JOIN pg_catalog.pg_attribute a ON a.attrelid = t.oid AND a.attnum = i.indkey[0]
        WHERE n.nspname = @schema AND t.relname = @table AND a.attname = @column AND i.indisvalid
        ORDER BY ic.relname
        LIMIT 1
        """;

    /// <summary>
    /// SQLite: the probe of one index need, "column &lt; literal" on the view, for EXPLAIN QUERY PLAN. The literal is untyped
    /// text ('' or '2000-01-01') or 0, so it takes the column's own type. The plan looks through the view: a plain column is
    /// served by its table's index ("SEARCH ... USING INDEX name (col&lt;?)"); an expression such as a CAST is not.
    /// </summary>
    public static string IndexProbe(SqlDialect dialect, string relation, string column, string literal)
    {
        ArgumentNullException.ThrowIfNull(dialect);
        var probe = $"SELECT 1 FROM {relation} WHERE {column} < {literal}";
        return "EXPLAIN QUERY PLAN " + probe;
    }

    /// <summary>
    /// SQL Server (not run here: parsed by ScriptDom in the tests). <c>sys.dm_exec_describe_first_result_set</c> in browse mode
    /// gives the base table and column behind each column of <c>@probe</c> (a SELECT of the needed columns from the view);
    /// <c>sys.indexes</c>/<c>sys.index_columns</c> then give an enabled index whose first key column it is. An expression in the
    /// view has no source column, so no index.
    /// </summary>
    public const string SqlServerIndexes = """
        SELECT r.name AS view_column, r.source_table, r.source_column,
               (SELECT TOP (1) i.name
                  FROM sys.indexes AS i
                  JOIN sys.index_columns AS ic ON ic.object_id = i.object_id AND ic.index_id = i.index_id AND ic.key_ordinal = 1
                  JOIN sys.columns AS c ON c.object_id = ic.object_id AND c.column_id = ic.column_id
                 WHERE i.object_id = OBJECT_ID(QUOTENAME(r.source_database) + N'.' + QUOTENAME(r.source_schema) + N'.' + QUOTENAME(r.source_table))
                   AND c.name = r.source_column AND i.is_disabled = 0 AND i.is_hypothetical = 0
                 ORDER BY i.index_id) AS index_name
        FROM sys.dm_exec_describe_first_result_set(@probe, NULL, 1) AS r
        """;
}
