using EjVerkstallda.Infrastructure.Tests.SqlServer;
using EjVerkstallda.Worker.Tests.Support;
using Microsoft.Data.Sqlite;

namespace EjVerkstallda.Worker.Tests.EndToEnd;

/// <summary>
/// Defect 17 (SQL Server part): the SQL Server state columns were narrower than what the code writes, so one long value
/// would roll back the whole ledger transaction there. SQL Server cannot run here: a real run over hostile values goes into
/// a SQLite store (which has no widths), and every text value written is checked against the width its column has on SQL
/// Server after all embedded migrations (read from sql/sqlserver/state with Microsoft's T-SQL parser).
/// </summary>
[TestFixture]
public sealed class StateColumnWidthTests
{
    private string _dir = "";

    [SetUp]
    public void SetUp() => _dir = EjvProcess.TempFolder();

    [TearDown]
    public void TearDown() => Directory.Delete(_dir, recursive: true);

    [Test]
    public async Task Run_HostileLengths_EveryValueFitsTheSqlServerColumns()
    {
        var state = Path.Combine(_dir, "state.db");
        TestStateStore.InitSqlite(state);
        var longId = new string('X', 150);
        var cases = new ContractCaseSystem(Path.Combine(_dir, "case.db"))
            .Add("B-1", "P-1", "SABO", "2023-11-30", fodd: "1940-01-01", kon: "M")
            .Add(longId, "P-2", "SABO", "2023-11-30")
            .Add(longId, "P-3", "SABO", "2023-11-30")
            .Add(new string('\a', 100), "P-4", "SABO", "2023-11-30")
            .Add("B-5", new string('P', 150), "SABO", "2023-11-30", fodd: "1950-02-02", kon: "K");
        var longestName = new string('A', 200); // the longest --by accepts (approve, decision, ivo submitted)
        string[] config =
        [
            "--Ejv:Source:Provider=sqlite", $"--Ejv:Source:ConnectionString={cases.ConnectionString}",
            "--Ejv:State:Provider=sqlite", $"--Ejv:State:ConnectionString=Data Source={state}",
            $"--Ejv:Output:Folder={Path.Combine(_dir, "out")}", $"--Ejv:Mail:PickupFolder={Path.Combine(_dir, "mail")}",
        ];

        foreach (var command in new[]
        {
            new[] { "run", "--quarter", "2024Q1" },
            ["ivo", "submitted", "--quarter", "2024Q1", "--all", "--by", longestName],
            ["approve", "--quarter", "2024Q1", "--by", longestName, "--Ejv:Testing:ClockStart=2024-04-10T08:00:00Z"], // before the meeting of 2024-04-24
            ["decision", "--quarter", "2024Q1", "--date", "2024-04-24", "--paragraph", new string('§', 40), "--by", longestName],
        })
        {
            var r = await EjvProcess.RunAsync(_dir, [.. command, .. config]);
            Assert.That(r.ExitCode, Is.Zero, r.ToString());
        }

        Assert.That(TooWide(state, SqlServerSchema.StateTextWidths()), Is.Empty, "SQL Server would refuse these values (and roll back the transaction)");
    }

    /// <summary>"table.column: longest value N &gt; width W" for every stored value wider than its SQL Server column.</summary>
    private static List<string> TooWide(string stateFile, IReadOnlyDictionary<string, int> widths)
    {
        using var c = new SqliteConnection($"Data Source={stateFile};Mode=ReadOnly;Pooling=False");
        c.Open();
        var problems = new List<string>();
        foreach (var (column, width) in widths.Where(w => w.Value != SqlServerSchema.Max))
        {
            var (table, name) = (column.Split('.')[0], column.Split('.')[1]);
            using var cmd = c.CreateCommand();
            cmd.CommandText = $"SELECT COALESCE(MAX(length({name})), 0) FROM {table}";
            var longest = Convert.ToInt64(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
            if (longest > width) problems.Add($"{column}: longest value {longest} > width {width}");
        }
        return problems;
    }
}
