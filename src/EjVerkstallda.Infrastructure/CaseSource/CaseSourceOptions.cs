namespace EjVerkstallda.Infrastructure.CaseSource;

/// <summary><c>Ejv:Source</c>: the municipality's case system, read-only.</summary>
public sealed class CaseSourceOptions
{
    public const string Section = "Ejv:Source";

    public string Provider { get; set; } = "sqlite";
    public string ConnectionString { get; set; } = "";

    /// <summary>The relation (view or table) with one row per gynnande beslut.</summary>
    public string BeslutRelation { get; set; } = "ejv_beslut";

    /// <summary>The relation mapping insats codes to name, lag and lagrum.</summary>
    public string InsatsRelation { get; set; } = "ejv_insats";

    public TimeSpan CommandTimeout { get; set; } = TimeSpan.FromMinutes(10);
}
