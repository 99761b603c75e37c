namespace EjVerkstallda.Infrastructure.Data;

public enum DbProvider
{
    Sqlite,
    PostgreSql,
    SqlServer,
}

public static class DbProviders
{
    /// <summary>Parses the configuration value (<c>sqlite</c>, <c>postgresql</c>, <c>sqlserver</c>; case-insensitive).</summary>
    public static bool TryParse(string? value, out DbProvider provider)
    {
        switch (value?.Trim().ToLowerInvariant())
        {
            case "sqlite": provider = DbProvider.Sqlite; return true;
            case "postgresql" or "postgres" or "npgsql": provider = DbProvider.PostgreSql; return true;
            case "sqlserver" or "mssql": provider = DbProvider.SqlServer; return true;
            default: provider = default; return false;
        }
    }

    public static DbProvider Parse(string? value, string key) =>
        TryParse(value, out var p) ? p : throw new ArgumentException($"{key}: '{value}' is not a provider; use sqlite, postgresql or sqlserver");
}

/// <summary>
/// Checks a connection string's syntax without ever repeating it. The providers' own messages ("Keyword not supported:
/// 'cd'") quote the part they cannot read, which for a password with an unquoted ';' is the password's tail; this
/// message names the setting and the rule instead.
/// </summary>
public static class ConnectionStrings
{
    /// <summary>Null when the provider can read the string; else a message that names <paramref name="key"/> and shows no part of the string.</summary>
    public static string? SyntaxError(DbProvider provider, string connectionString, string key)
    {
        try
        {
            _ = provider switch
            {
                DbProvider.Sqlite => (System.Data.Common.DbConnectionStringBuilder)new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString),
                DbProvider.PostgreSql => new Npgsql.NpgsqlConnectionStringBuilder(connectionString),
                _ => new Microsoft.Data.SqlClient.SqlConnectionStringBuilder(connectionString),
            };
            return null;
        }
        catch (Exception e) when (e is ArgumentException or FormatException or KeyNotFoundException or InvalidOperationException or NotSupportedException)
        {
            return Unreadable(key);
        }
    }

    /// <summary>The redacted message for an unreadable connection string.</summary>
    public static string Unreadable(string key) =>
        $"{key} cannot be read: its syntax is wrong or it names a keyword the provider does not know. A value that contains ';' "
        + "(often a password) must be in double quotes, e.g. Password=\"ab;cd\" (a '\"' inside it written twice). "
        + "The string is not shown because it may hold a password";
}
