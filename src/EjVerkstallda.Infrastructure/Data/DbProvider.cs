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
