using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using EjVerkstallda.Infrastructure.CaseSource;
using EjVerkstallda.Infrastructure.Data;
using EjVerkstallda.Infrastructure.Outbox;
using EjVerkstallda.Infrastructure.State;

namespace EjVerkstallda.Infrastructure.Tests.SqlServer;

/// <summary>
/// SQL Server cannot run here. Microsoft's own T-SQL parser (ScriptDom, SQL Server 2022 grammar) reads every file under
/// sql/sqlserver/ (split on GO, as the migration runner hands them to DbUp) and every statement the dialect seam and the stores
/// send to SQL Server (captured from a stand-in connection). This proves the syntax only: not that the tables, columns and
/// types exist, that the login may use them, or that a statement does what it should. The same capture shows that no value
/// given to a store (each carries a marker) is spliced into a statement's text: values travel as parameters.
/// </summary>
[TestFixture]
public sealed partial class SqlServerSyntaxTests
{
    private static string SqlFolder => Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "sql", "sqlserver"));

    [GeneratedRegex(@"^\s*GO\s*$", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex Go();

    private static IEnumerable<string> Batches(string script) => Go().Split(script).Where(b => b.Trim().Length > 0);

    private static List<string> Errors(string what, string sql) =>
        SqlServerSchema.Parse(sql).Errors.Select(e => $"{what}: line {e.Line}: {e.Message}").ToList();

    public static IEnumerable<string> Files() => Directory.Exists(SqlFolder)
        ? Directory.GetFiles(SqlFolder, "*.sql", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(SqlFolder, f)).Order(StringComparer.Ordinal)
        : ["(sql/sqlserver not found)"];

    [TestCaseSource(nameof(Files))]
    public void File_UnderSqlSqlserver_ParsesWithoutError(string file)
    {
        var script = File.ReadAllText(Path.Combine(SqlFolder, file));
        Assert.That(Batches(script).SelectMany(b => Errors(file, b)), Is.Empty);
    }

    [Test]
    public void Migrations_AsHandedToDbUp_ParseWithoutError()
    {
        var dialect = SqlDialect.For(DbProvider.SqlServer);
        var scripts = new[] { "state", "quartz" }.SelectMany(set => new MigrationRunner(dialect, "Server=x", set).Scripts()).ToList();
        Assert.That(scripts.Select(s => s.Name), Does.Contain("0001_initial.sql").And.Contain("quartz/0001_quartz_tables.sql"));
        Assert.That(scripts.SelectMany(s => Batches(s.Contents).SelectMany(b => Errors(s.Name, b))), Is.Empty);
    }

    [Test]
    public void DialectSeam_SqlServerFragments_ParseWithoutError()
    {
        var d = SqlDialect.For(DbProvider.SqlServer);
        var statements = new Dictionary<string, string>
        {
            ["InsertIfAbsent"] = d.InsertIfAbsent("ejv_outbox", "message_id, body", "@id, @body", "message_id", "id"),
            ["InsertReturningId"] = d.InsertReturningId("ejv_run", "namnd_id, quarter", "@namnd, @quarter", "run_id"),
            ["Top"] = d.Top(5, "run_id FROM ejv_run ORDER BY run_id DESC"),
            ["InList"] = $"SELECT 1 FROM ejv_report WHERE {d.InList("beslut_id", "ids")}".Replace("@ids", "(@ids1, @ids2)", StringComparison.Ordinal),
            ["MalformedDate"] = $"SELECT 1 FROM ejv_beslut WHERE {d.MalformedDate("beslutsdatum")}",
            ["journal exists"] = SchemaJournal.ExistsSql(DbProvider.SqlServer),
            ["journal create"] = SchemaJournal.CreateSql(DbProvider.SqlServer),
            ["journal insert"] = SchemaJournal.InsertSql,
        };
        Assert.That(statements.SelectMany(s => Errors(s.Key, s.Value)), Is.Empty);
    }

    [Test]
    public async Task Stores_EveryStatementSentToSqlServer_ParsesWithoutError()
    {
        var sent = new ConcurrentQueue<string>();
        SqlDialect.TestConnections.Value = (provider, _) => provider == DbProvider.SqlServer ? new RecordingConnection(sent) : null;
        try
        {
            var db = new StateDb(SqlDialect.For(DbProvider.SqlServer), "Server=recording;Database=ejv");
            var clock = TimeProvider.System;
            object[] stores =
            [
                new LedgerStore(db, clock), new IvoIdStore(db, clock), new RunLog(db, clock), new LifecycleStore(db, clock), new AuditStore(db),
                new OutboxStore(db, clock), new RunLock(db), new Infrastructure.Evidence.EvidenceReader(db, new LedgerStore(db, clock)),
                new CaseSourceReader(new CaseSourceOptions { Provider = "sqlserver", ConnectionString = "Server=recording;Database=vo" }, Core.Kvartal.KommunTid.Stockholm),
            ];
            var missing = new List<string>();
            foreach (var store in stores) missing.AddRange(await SqlServerSamples.CallEveryMethodAsync(store));
            await (await MigrationLock.AcquireAsync(db.Dialect, db.ConnectionString, null, CancellationToken.None)).DisposeAsync();

            Assert.That(missing, Is.Empty, "methods not called: add a sample for their parameter types");
        }
        finally
        {
            SqlDialect.TestConnections.Value = null;
        }
        var statements = sent.Distinct().ToList();
        TestContext.Out.WriteLine($"{statements.Count} distinct SQL Server statements rendered and parsed");
        Assert.That(statements, Has.Count.GreaterThan(30), "the stores were exercised");
        foreach (var expected in new[] { "INSERT INTO ejv_report", "ejv_person", "INSERT INTO ejv_run", "ejv_version", "ejv_outbox", "sp_getapplock", "FROM ejv_beslut", "FROM ejv_insats" })
            Assert.That(statements, Has.Some.Contains(expected), $"a statement with '{expected}' was rendered");
        Assert.That(statements.SelectMany(s => Errors(s.Length > 60 ? s[..60] : s, s)), Is.Empty);
        Assert.That(statements.Where(s => s.Contains(SqlServerSamples.Marker, StringComparison.Ordinal) || s.Contains(SqlServerSamples.Quarter, StringComparison.Ordinal)),
            Is.Empty, "every value reaches SQL Server as a parameter, never spliced into the text (CA2100 cannot see Dapper's string arguments)");
    }

    /// <summary>The parser does fail on a broken statement, so the tests above can fail.</summary>
    [TestCase("SELECT TOP 5 run_id FROM ejv_run LIMIT 5")]
    [TestCase("INSERT INTO ejv_run (namnd_id) VALUES (@namnd) RETURNING run_id")]
    [TestCase("INSERT INTO ejv_outbox (message_id) VALUES (@id) ON CONFLICT (message_id) DO NOTHING")]
    [TestCase("SELECT 1 FROM ejv_report WHERE beslut_id = ANY(@ids)")]
    [TestCase("CREATE TABLE t (a NVARCHAR(10) NOT NULL")]
    public void Parser_BrokenOrPostgresStatement_ReportsAnError(string sql) =>
        Assert.That(Errors("planted", sql), Is.Not.Empty);
}
