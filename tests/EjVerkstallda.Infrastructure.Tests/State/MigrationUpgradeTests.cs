using Dapper;
using EjVerkstallda.Core.Classification;
using EjVerkstallda.Infrastructure.Data;
using EjVerkstallda.Infrastructure.State;
using EjVerkstallda.Infrastructure.Tests.Support;

namespace EjVerkstallda.Infrastructure.Tests.State;

/// <summary>
/// A state store created by the previous release (its own migration runner: scripts 0001 and 0002 statement by statement in a
/// transaction each, journaled by file name in <c>ejv_schema_journal</c>) upgrades in place under DbUp: the data survives,
/// no script runs twice, and a second migration applies nothing.
/// </summary>
public abstract class MigrationUpgradeTests<TDb> where TDb : ITestDatabase, new()
{
    private static readonly string[] PreviousRelease = ["0001_initial.sql", "0002_outbox.sql"];
    private const string OldAppliedAt = "2026-06-01T08:00:00.0000000+00:00";
    private TDb _db = default!;

    [SetUp]
    public async Task SetUp()
    {
        _db = new TDb();
        await _db.CreateAsync();
        await CreateAsThePreviousReleaseDidAsync();
    }

    [TearDown]
    public async Task TearDown() => await _db.DisposeAsync();

    /// <summary>What the previous release's MigrationRunner did, step by step.</summary>
    private async Task CreateAsThePreviousReleaseDidAsync()
    {
        await using var c = await _db.OpenAsync();
        var varchar = _db.Dialect.Provider == DbProvider.SqlServer ? "NVARCHAR" : "VARCHAR";
        await c.ExecuteAsync($"CREATE TABLE ejv_schema_journal (script_name {varchar}(200) NOT NULL PRIMARY KEY, applied_at {varchar}(40) NOT NULL)");
        foreach (var name in PreviousRelease)
        {
            await using var tx = await c.BeginTransactionAsync();
            foreach (var statement in SqlScripts.Statements(SqlScripts.Read($"{_db.Dialect.Folder}/state/{name}")))
                await c.ExecuteAsync(statement, transaction: tx);
            await c.ExecuteAsync("INSERT INTO ejv_schema_journal (script_name, applied_at) VALUES (@name, @at)", new { name, at = OldAppliedAt }, tx);
            await tx.CommitAsync();
        }
    }

    [Test]
    public async Task Migrate_StoreOfThePreviousRelease_UpgradesInPlaceKeepingDataAndRunsNothingTwice()
    {
        var state = new StateDb(_db.Dialect, _db.ConnectionString);
        await using (var old = await _db.OpenAsync())
            await old.ExecuteAsync("""
                INSERT INTO ejv_report (namnd_id, quarter, beslut_id, kind, case_start, status, late, lag, insats_kod, start_date, deadline)
                VALUES ('sn', '2024Q1', 'A', 'ej_verkstallt', '', 'ny', 0, 'SoL', 'HTJ', '2023-10-01', '2024-01-01')
                """);
        var ledger = new LedgerStore(state, TimeProvider.System);

        var upgrade = await state.MigrateAsync(CancellationToken.None);
        var again = await state.MigrateAsync(CancellationToken.None);

        var all = SqlScripts.List($"{_db.Dialect.Folder}/state").Select(Path.GetFileName).OfType<string>().ToList();
        Assert.That(upgrade.Applied, Is.EqualTo(all.Except(PreviousRelease).ToList()), "only the scripts the previous release did not have");
        Assert.That(again.Applied, Is.Empty, "a second migration applies nothing");
        await using var c = await _db.OpenAsync();
        var journal = (await c.QueryAsync<(string Name, string At)>("SELECT script_name, applied_at FROM ejv_schema_journal ORDER BY script_name")).ToList();
        Assert.That(journal.Select(j => j.Name), Is.EqualTo(all), "every script journaled once, under its old name");
        Assert.That(journal.Where(j => PreviousRelease.Contains(j.Name)).Select(j => j.At), Is.All.EqualTo(OldAppliedAt), "the old rows are kept as they were");
        var prior = await ledger.PriorReportsAsync("sn", "2024Q2", CancellationToken.None);
        Assert.That(prior.Keys, Is.EqualTo(new[] { new CaseKey("A", CaseKind.EjVerkstallt) }), "the ledger survives");
    }
}

[TestFixture]
public sealed class MigrationUpgradeSqliteTests : MigrationUpgradeTests<SqliteTestDatabase>;

[TestFixture]
public sealed class MigrationUpgradePostgresTests : MigrationUpgradeTests<PostgresTestDatabase>;
