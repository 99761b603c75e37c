using System.Data;
using System.Globalization;
using DbUp.Engine;
using DbUp.Engine.Transactions;

namespace EjVerkstallda.Infrastructure.Data;

/// <summary>
/// DbUp's journal over the table every earlier release wrote, <c>ejv_schema_journal (script_name, applied_at)</c>, with the
/// same names (<c>0001_initial.sql</c> for the state set, <c>quartz/0001_quartz_tables.sql</c> for the others): an existing
/// installation upgrades in place, no conversion, and no script runs twice.
/// </summary>
public sealed class SchemaJournal(Func<IConnectionManager> connectionManager, SqlDialect dialect, Action? journalRead = null) : IJournal
{
    public const string Table = "ejv_schema_journal";

    /// <summary>1 when the journal table exists, else 0; creates nothing.</summary>
    public static string ExistsSql(DbProvider provider) => provider switch
    {
        DbProvider.Sqlite => $"SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = '{Table}'",
        DbProvider.PostgreSql => $"SELECT CASE WHEN to_regclass('{Table}') IS NULL THEN 0 ELSE 1 END",
        _ => $"SELECT CASE WHEN OBJECT_ID(N'{Table}', N'U') IS NULL THEN 0 ELSE 1 END",
    };

    public static string CreateSql(DbProvider provider) => provider switch
    {
        DbProvider.SqlServer => $"IF OBJECT_ID(N'{Table}', N'U') IS NULL CREATE TABLE {Table} (script_name NVARCHAR(200) NOT NULL PRIMARY KEY, applied_at NVARCHAR(40) NOT NULL)",
        _ => $"CREATE TABLE IF NOT EXISTS {Table} (script_name VARCHAR(200) NOT NULL PRIMARY KEY, applied_at VARCHAR(40) NOT NULL)",
    };

    public string[] GetExecutedScripts()
    {
        var executed = connectionManager().ExecuteCommandsWithManagedConnection(commands =>
        {
            if (!Exists(commands)) return [];
            using var cmd = commands();
            cmd.CommandText = $"SELECT script_name FROM {Table} ORDER BY script_name";
            using var reader = cmd.ExecuteReader();
            var names = new List<string>();
            while (reader.Read()) names.Add(reader.GetString(0));
            return names.ToArray();
        });
        journalRead?.Invoke();
        return executed;
    }

    public const string InsertSql = $"INSERT INTO {Table} (script_name, applied_at) VALUES (@name, @at)";

    public void StoreExecutedScript(SqlScript script, Func<IDbCommand> dbCommandFactory)
    {
        EnsureTableExistsAndIsLatestVersion(dbCommandFactory);
        using var cmd = dbCommandFactory();
        cmd.CommandText = InsertSql;
        Add(cmd, "name", script.Name);
        Add(cmd, "at", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));
        cmd.ExecuteNonQuery();
    }

    public void EnsureTableExistsAndIsLatestVersion(Func<IDbCommand> dbCommandFactory)
    {
        if (Exists(dbCommandFactory)) return;
        using var cmd = dbCommandFactory();
        cmd.CommandText = CreateSql(dialect.Provider);
        cmd.ExecuteNonQuery();
    }

    private bool Exists(Func<IDbCommand> commands)
    {
        using var cmd = commands();
        cmd.CommandText = ExistsSql(dialect.Provider);
        return Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture) > 0;
    }

    private static void Add(IDbCommand cmd, string name, string value)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = "@" + name;
        p.Value = value;
        cmd.Parameters.Add(p);
    }
}
