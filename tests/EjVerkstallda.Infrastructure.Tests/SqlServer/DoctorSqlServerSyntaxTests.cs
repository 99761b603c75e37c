using System.Text.RegularExpressions;
using EjVerkstallda.Infrastructure.Data;

namespace EjVerkstallda.Infrastructure.Tests.SqlServer;

/// <summary>
/// SQL Server cannot run here: the view doctor's catalog query (sys.dm_exec_describe_first_result_set, sys.indexes,
/// sys.index_columns) and the reference views guide's SQL Server example are parsed by Microsoft's T-SQL parser. Syntax
/// only: that the catalog views answer as described is untested (README "Known limits").
/// </summary>
[TestFixture]
public sealed partial class DoctorSqlServerSyntaxTests
{
    private static string GuideFolder => Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "sql", "guide", "sqlserver"));

    [GeneratedRegex(@"^\s*GO\s*$", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex Go();

    private static List<string> Errors(string sql) => SqlServerSchema.Parse(sql).Errors.Select(e => $"line {e.Line}: {e.Message}").ToList();

    [Test]
    public void IndexCatalogQuery_SqlServer_Parses() => Assert.That(Errors(SourceCatalogSql.SqlServerIndexes), Is.Empty);

    [Test]
    public void DoctorFragments_SqlServer_Parse()
    {
        var d = SqlDialect.For(DbProvider.SqlServer);
        var statements = new[]
        {
            $"SELECT {SourceCatalogSql.YearOf(d, "beslutsdatum", text: false)}, COUNT(*) FROM ejv_beslut GROUP BY {SourceCatalogSql.YearOf(d, "beslutsdatum", text: false)}",
            $"SELECT {SourceCatalogSql.YearOf(d, "beslutsdatum", text: true)}, COUNT(*) FROM ejv_beslut GROUP BY {SourceCatalogSql.YearOf(d, "beslutsdatum", text: true)}",
            d.Top(5, $"id FROM (SELECT {d.Trim("beslut_id")} AS id FROM ejv_beslut WHERE beslut_id IS NOT NULL GROUP BY {d.Trim("beslut_id")} HAVING COUNT(*) > 1) d ORDER BY id"),
            $"SELECT COUNT(*), MIN(CASE WHEN {d.MalformedDate("beslutsdatum")} THEN NULL ELSE beslutsdatum END) FROM ejv_beslut",
        };
        Assert.That(statements.SelectMany(Errors), Is.Empty);
    }

    public static IEnumerable<string> GuideFiles() => Directory.GetFiles(GuideFolder, "*.sql").Select(Path.GetFileName).Order(StringComparer.Ordinal)!;

    [TestCaseSource(nameof(GuideFiles))]
    public void GuideExample_SqlServer_Parses(string file)
    {
        var batches = Go().Split(File.ReadAllText(Path.Combine(GuideFolder, file))).Where(b => b.Trim().Length > 0).ToList();
        Assert.That(batches, Is.Not.Empty);
        Assert.That(batches.SelectMany(Errors), Is.Empty);
    }

    [Test]
    public void GuideExample_PostgresLateral_IsRejectedBySqlServerParser() =>
        Assert.That(Errors("SELECT 1 FROM ex_beslut_del d LEFT JOIN LATERAL (SELECT 1 AS x LIMIT 1) a ON TRUE"), Is.Not.Empty);
}
