using EjVerkstallda.Worker.Tests.Support;
using Npgsql;

namespace EjVerkstallda.Worker.Tests.EndToEnd;

/// <summary>
/// The reference views guide's worked example (sql/guide/postgresql: a made-up case system with history tables) created in a
/// real PostgreSQL server and checked by the real <c>ejv check-source</c>: the view can be used (exit 0), and it keeps only the
/// rows the guide says it keeps.
/// </summary>
[TestFixture]
public sealed class GuideExampleTests
{
    private string _database = "";
    private string _folder = "";

    private static string Admin => TestPrerequisite.PostgresAdmin;
    private static string GuideFolder => Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "sql", "guide", "postgresql"));
    private string ConnectionString => new NpgsqlConnectionStringBuilder(Admin) { Database = _database }.ToString();

    [SetUp]
    public async Task SetUp()
    {
        TestPrerequisite.RequirePostgres();
        _folder = EjvProcess.TempFolder();
        _database = "ejv_" + Guid.NewGuid().ToString("N")[..12];
        await ExecuteAsync(Admin, $"CREATE DATABASE {_database}");
        foreach (var file in Directory.GetFiles(GuideFolder, "*.sql").Order(StringComparer.Ordinal))
            await ExecuteAsync(ConnectionString, await File.ReadAllTextAsync(file));
    }

    [TearDown]
    public async Task TearDown()
    {
        Directory.Delete(_folder, recursive: true);
        if (Admin.Length > 0) await ExecuteAsync(Admin, $"DROP DATABASE IF EXISTS {_database} WITH (FORCE)");
    }

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA2100:Review SQL queries for security vulnerabilities",
        Justification = "The guide's own files and a generated database name.")]
    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var c = new NpgsqlConnection(connectionString);
        await c.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, c);
        await cmd.ExecuteNonQueryAsync();
    }

    [Test]
    public async Task CheckSource_GuideExampleOnPostgres_ViewCanBeUsed()
    {
        var r = await EjvProcess.RunAsync(_folder, "check-source", "--Ejv:Testing:ClockStart=2025-01-15T10:00:00Z",
            "--Ejv:Source:Provider=postgresql", $"--Ejv:Source:ConnectionString={ConnectionString}");

        TestContext.Out.WriteLine(r.Stdout);
        Assert.That(r.ExitCode, Is.EqualTo(0), r.ToString());
        Assert.Multiple(() =>
        {
            Assert.That(r.Stdout, Does.Contain("Vyn kan användas"));
            Assert.That(r.Stdout, Does.Contain("ejv_beslut: 5 rader"), "D1, D2, D3, D5, D8: no avslag part, förhandsbesked or dom");
            Assert.That(r.Stdout, Does.Contain("beslutsdatum          ix_ex_beslut_tid"), "the index of the table under the view");
            Assert.That(r.Stdout, Does.Contain("avbrottsdatum         ix_ex_avbrott_datum"), "the latest avbrott as a join, not LATERAL ... LIMIT 1");
            Assert.That(r.Stdout, Does.Contain("beslut_id             ex_beslut_del_pkey"), "a CHAR(12) key: the probe compares it as CHAR");
            Assert.That(r.Stdout, Does.Contain("timestamp without time zone"));
            Assert.That(r.Stdout, Does.Not.Contain("FEL "));
        });
    }
}
