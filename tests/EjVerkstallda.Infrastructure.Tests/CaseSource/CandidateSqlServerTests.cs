using EjVerkstallda.Infrastructure.CaseSource;
using EjVerkstallda.Infrastructure.Data;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace EjVerkstallda.Infrastructure.Tests.CaseSource;

/// <summary>
/// SQL Server cannot run here: its candidate SQL is checked by Microsoft's own T-SQL parser and by reading. What a real server
/// does with a datetime/datetime2/datetimeoffset column against a datetime parameter, or a varchar column against an nvarchar
/// parameter, is untested (README "The view contract").
/// </summary>
[TestFixture]
public sealed class CandidateSqlServerTests
{
    private static readonly SqlDialect SqlServer = SqlDialect.For(DbProvider.SqlServer);

    private static IEnumerable<TestCaseData> Shapes()
    {
        yield return new TestCaseData(new HashSet<string>(), null).SetName("CandidateSql_SqlServerTypedDates_Parses");
        yield return new TestCaseData(ViewContract.DateColumns.ToHashSet(), "socialnamnden").SetName("CandidateSql_SqlServerTextDates_Parses");
        yield return new TestCaseData(new HashSet<string> { "verkstallighetsdatum", "fodelsedatum" }, null).SetName("CandidateSql_SqlServerMixedDates_Parses");
    }

    [TestCaseSource(nameof(Shapes))]
    public void CandidateSql_SqlServer_ParsesAsTSql(HashSet<string> textColumns, string? namnd)
    {
        var sql = CaseSourceReader.RenderCandidateSql(SqlServer, textColumns, namnd);

        new TSql160Parser(initialQuotedIdentifiers: true).Parse(new StringReader(sql), out var errors);

        Assert.That(errors.Select(e => $"{e.Line}:{e.Column} {e.Message}"), Is.Empty, sql);
    }

    [Test]
    public void CandidateSql_TextColumns_AreComparedWithTextParameters()
    {
        var sql = CaseSourceReader.RenderCandidateSql(SqlServer, new HashSet<string> { "beslutsdatum" }, null);

        Assert.Multiple(() =>
        {
            Assert.That(sql, Does.Contain("beslutsdatum < @hiText"), "a varchar date against a datetime parameter would convert (and fail on) every row");
            Assert.That(sql, Does.Contain("avbrottsdatum < @hi "), "typed columns keep typed parameters (and their indexes)");
            Assert.That(sql, Does.Contain("(verkstallighetsdatum IS NOT NULL AND beslutsdatum IS NOT NULL)"), "text and typed columns are not compared in SQL");
            Assert.That(sql, Does.Contain("beslutsdatum NOT LIKE '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'"));
        });
    }
}
