using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;
using SqlConnection = Microsoft.Data.SqlClient.SqlConnection;

namespace EjVerkstallda.Infrastructure.Data;

/// <summary>
/// The one place where the three databases differ: connections, date parameters, the lock for migrations
/// and which errors are transient. All SQL elsewhere is plain, parameterised and shared.
/// </summary>
public sealed class SqlDialect
{
    private SqlDialect(DbProvider provider) => Provider = provider;

    public static SqlDialect For(DbProvider provider) => new(provider);

    public DbProvider Provider { get; }

    /// <summary>
    /// Test seam (internal): connections for the current async flow come from this factory instead, so a test can render the
    /// SQL Server statements every store sends without a SQL Server (see the ScriptDom tests). Null in the product.
    /// </summary>
    internal static readonly AsyncLocal<Func<DbProvider, string, DbConnection?>?> TestConnections = new();

    /// <summary>Folder name under <c>sql/</c>.</summary>
    public string Folder => Provider switch
    {
        DbProvider.Sqlite => "sqlite",
        DbProvider.PostgreSql => "postgresql",
        _ => "sqlserver",
    };

    /// <summary>A connection; an unreadable string fails with a message that repeats no part of it (see <see cref="ConnectionStrings"/>).</summary>
    public DbConnection CreateConnection(string connectionString)
    {
        if (TestConnections.Value?.Invoke(Provider, connectionString) is { } test) return test;
        if (ConnectionStrings.SyntaxError(Provider, connectionString, "the connection string") is { } error) throw new ArgumentException(error);
        if (Provider == DbProvider.Sqlite) return new SqliteConnection(connectionString);
        if (Provider == DbProvider.PostgreSql) return new NpgsqlConnection(connectionString);
        return new SqlConnection(connectionString);
    }

    /// <summary>A date as a parameter value comparable with the provider's date columns (SQLite: ISO text).</summary>
    public object Date(DateOnly day) => Provider switch
    {
        DbProvider.Sqlite => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DbProvider.PostgreSql => day,
        _ => day.ToDateTime(TimeOnly.MinValue),
    };

    /// <summary>The same connection string with connection pooling off (for session-scoped locks).</summary>
    public string WithoutPooling(string connectionString) => Provider switch
    {
        DbProvider.PostgreSql => new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ToString(),
        DbProvider.SqlServer => new Microsoft.Data.SqlClient.SqlConnectionStringBuilder(connectionString) { Pooling = false }.ToString(),
        _ => connectionString,
    };

    /// <summary>A boolean parameter value (SQLite: 0/1).</summary>
    public object Bool(bool value) => Provider == DbProvider.Sqlite ? (value ? 1 : 0) : value;

    /// <summary>
    /// A predicate true for a text date column whose value is not plain <c>YYYY-MM-DD</c> (a malformed value, or a date with a
    /// time part): such rows are always candidates and Core judges them. Typed date columns always hold a date.
    /// </summary>
    public string MalformedDate(string column) => Provider switch
    {
        DbProvider.Sqlite => $"({column} IS NOT NULL AND date({column}) IS NOT {column})",
        DbProvider.PostgreSql => $"({column} IS NOT NULL AND {column} !~ '" + "^[0-9]{4}-[0-9]{2}-[0-9]{2}$')",
        _ => $"({column} IS NOT NULL AND {column} NOT LIKE '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]')",
    };

    /// <summary>A text column with surrounding blanks removed (SQL Server before 2017 has no TRIM).</summary>
    public string Trim(string column) => Provider == DbProvider.SqlServer ? $"LTRIM(RTRIM({column}))" : $"TRIM({column})";

    /// <summary>
    /// "column is one of the list parameter". Dapper passes a list to Npgsql as one array parameter and expands it elsewhere.
    /// </summary>
    public string InList(string column, string parameter) => Provider == DbProvider.PostgreSql
        ? $"{column} = ANY(@{parameter})"
        : $"{column} IN @{parameter}";

    /// <summary>Insert unless a row with the same key exists (the outbox's idempotent enqueue).</summary>
    public string InsertIfAbsent(string table, string columns, string values, string keyColumn, string keyParameter) => Provider switch
    {
        DbProvider.SqlServer => $"IF NOT EXISTS (SELECT 1 FROM {table} WITH (UPDLOCK, HOLDLOCK) WHERE {keyColumn} = @{keyParameter}) INSERT INTO {table} ({columns}) VALUES ({values})",
        _ => $"INSERT INTO {table} ({columns}) VALUES ({values}) ON CONFLICT ({keyColumn}) DO NOTHING",
    };

    /// <summary>Insert returning the new identity value.</summary>
    public string InsertReturningId(string table, string columns, string values, string idColumn) => Provider switch
    {
        DbProvider.SqlServer => $"INSERT INTO {table} ({columns}) OUTPUT INSERTED.{idColumn} VALUES ({values})",
        _ => $"INSERT INTO {table} ({columns}) VALUES ({values}) RETURNING {idColumn}",
    };

    public string Top(int n, string selectBody) => Provider == DbProvider.SqlServer
        ? $"SELECT TOP ({n}) {selectBody}"
        : $"SELECT {selectBody} LIMIT {n}";

    /// <summary>Transient: the operation may succeed if tried again (connection lost, timeout, busy database).</summary>
    public static bool IsTransient(Exception ex) => ex switch
    {
        SqliteException s => s.SqliteErrorCode is 5 or 6, // SQLITE_BUSY, SQLITE_LOCKED
        NpgsqlException n => n.IsTransient,
        Microsoft.Data.SqlClient.SqlException m => m.Number is -2 or 1205 or 4060 or 40197 or 40501 or 40613 or 49918 or 49919 or 49920 or 233 or 10053 or 10054 or 10060,
        TimeoutException => true,
        System.Net.Sockets.SocketException => true,
        _ => false,
    };
}
