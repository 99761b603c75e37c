using Dapper;
using EjVerkstallda.Core.Beslut;
using EjVerkstallda.Core.Classification;
using EjVerkstallda.Core.Ivo;
using EjVerkstallda.Infrastructure.Data;
using EjVerkstallda.Infrastructure.State;
using EjVerkstallda.Infrastructure.Tests.Support;

namespace EjVerkstallda.Infrastructure.Tests.State;

public abstract class StateStoreTests<TDb> where TDb : ITestDatabase, new()
{
    private TDb _db = default!;
    private StateDb _state = default!;

    [SetUp]
    public async Task SetUp()
    {
        _db = new TDb();
        await _db.CreateAsync();
        _state = new StateDb(_db.Dialect, _db.ConnectionString);
        await _state.InitAsync(CancellationToken.None);
    }

    [TearDown]
    public async Task TearDown() => await _db.DisposeAsync();

    [Test]
    public async Task Migrate_SecondTime_AppliesNothingAndKeepsJournal()
    {
        var again = await _state.MigrateAsync(CancellationToken.None);
        Assert.That(again.Applied, Is.Empty);
        await using var c = await _db.OpenAsync();
        var journaled = await c.QueryAsync<string>("SELECT script_name FROM ejv_schema_journal");
        Assert.That(journaled, Is.EquivalentTo(SqlScripts.List($"{_db.Dialect.Folder}/state").Select(Path.GetFileName)));
    }

    /// <summary>
    /// Two instances really at once: the first is held just after it has read the (empty) journal, the point where a second
    /// one without the lock would read the same empty journal and apply the scripts too (and then the first fails on
    /// "already exists"). With the lock the second waits until the first has finished and then applies nothing.
    /// </summary>
    [Test]
    public async Task Migrate_TwoInstancesAtOnce_BothSucceedAndApplyOnce()
    {
        var fresh = new TDb();
        await fresh.CreateAsync();
        try
        {
            using var firstRead = new SemaphoreSlim(0);
            using var goOn = new SemaphoreSlim(0);
            var held = 0;
            var secondWaits = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var first = new MigrationRunner(fresh.Dialect, fresh.ConnectionString)
            {
                Probe = new MigrationProbe { JournalRead = () => { if (Interlocked.Exchange(ref held, 1) == 0) { firstRead.Release(); goOn.Wait(TimeSpan.FromSeconds(60)); } } },
            };
            var second = new MigrationRunner(fresh.Dialect, fresh.ConnectionString) { Probe = new MigrationProbe { LockContended = () => secondWaits.TrySetResult() } };

            var a = Task.Run(() => first.RunAsync(CancellationToken.None));
            Assert.That(await firstRead.WaitAsync(TimeSpan.FromSeconds(60)), Is.True, "the first instance read the journal");
            var b = Task.Run(() => second.RunAsync(CancellationToken.None));
            await Task.WhenAny(secondWaits.Task, b);
            goOn.Release();
            var results = await Task.WhenAll(a, b);

            Assert.That(secondWaits.Task.IsCompleted, Is.True, "the second instance waited for the lock");
            Assert.That(results[0].Applied, Has.Count.EqualTo(results[0].Known));
            Assert.That(results[1].Applied, Is.Empty);
        }
        finally
        {
            await fresh.DisposeAsync();
        }
    }

    [Test]
    public async Task Init_ScriptFails_NamesTheScriptAndKeepsNothingOfIt()
    {
        var fresh = new TDb();
        await fresh.CreateAsync();
        try
        {
            await using (var c = await fresh.OpenAsync())
                await c.ExecuteAsync("CREATE TABLE ejv_quarter (x INTEGER)"); // 0001 creates ejv_run and ejv_report first, then this

            var ex = await Assert.ThrowsAsync<MigrationFailedException>(() => new StateDb(fresh.Dialect, fresh.ConnectionString).InitAsync(CancellationToken.None));

            Assert.That(ex!.Script, Is.EqualTo("0001_initial.sql"));
            Assert.That(ex.Message, Does.StartWith("migration 0001_initial.sql failed and was rolled back: ").And.Not.Contain("\n"));
            await using var check = await fresh.OpenAsync();
            var journaled = await check.ExecuteScalarAsync<long>(SchemaJournal.ExistsSql(fresh.Dialect.Provider)) == 0
                ? 0 : await check.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM ejv_schema_journal");
            Assert.That(journaled, Is.Zero, "nothing journaled");
            var tables = fresh.Dialect.Provider == DbProvider.Sqlite
                ? "SELECT COUNT(*) FROM sqlite_master WHERE name = 'ejv_run'"
                : "SELECT COUNT(*) FROM information_schema.tables WHERE table_name = 'ejv_run'";
            Assert.That(await check.ExecuteScalarAsync<long>(tables), Is.Zero, "the script's earlier statements were rolled back");
        }
        finally
        {
            await fresh.DisposeAsync();
        }
    }

    [Test]
    public async Task Migrate_StoreWithoutSchema_IsRefusedNamingItAndCreatesNothing()
    {
        var fresh = new TDb();
        await fresh.CreateAsync();
        try
        {
            var ex = await Assert.ThrowsAsync<StateStoreMissingException>(() => new StateDb(fresh.Dialect, fresh.ConnectionString).MigrateAsync(CancellationToken.None));
            Assert.That(ex!.Message, Does.Contain("create it with 'ejv init'"));
            if (fresh.Dialect.Provider == DbProvider.Sqlite)
            {
                Assert.That(File.Exists(StateStoreProbe.SqliteFile(fresh.ConnectionString)), Is.False, "no new, empty file");
                return;
            }
            Assert.That(ex.Message, Does.Contain("has no ejv schema"));
            await using var c = await fresh.OpenAsync();
            Assert.That(await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'public'"), Is.Zero, "no table created");
        }
        finally
        {
            await fresh.DisposeAsync();
        }
    }

    private static LedgerRow Ledger(string id, string status, string kind = "ej_verkstallt") => new()
    {
        BeslutId = id, Kind = kind, Status = status, Lag = "SoL", InsatsKod = "HTJ", StartDate = "2023-10-01", Deadline = "2024-01-01",
    };

    [Test]
    public async Task PriorReports_AfterTwoQuarters_KnowsReportedAndClosed()
    {
        var ledger = new LedgerStore(_state, TimeProvider.System);
        await ledger.SaveQuarterAsync("sn", "2024Q1", 1, [Ledger("A", "ny"), Ledger("B", "ny")], [], CancellationToken.None);
        await ledger.SaveQuarterAsync("sn", "2024Q2", 2, [Ledger("A", "kvarstar"), Ledger("B", "verkstalld")], [], CancellationToken.None);

        var beforeQ2 = await ledger.PriorReportsAsync("sn", "2024Q2", CancellationToken.None);
        var beforeQ3 = await ledger.PriorReportsAsync("sn", "2024Q3", CancellationToken.None);
        var otherNamnd = await ledger.PriorReportsAsync("other", "2024Q3", CancellationToken.None);

        Assert.That(beforeQ2[new CaseKey("B", CaseKind.EjVerkstallt)], Is.EqualTo(new PriorReport(true, false)));
        Assert.That(beforeQ3[new CaseKey("B", CaseKind.EjVerkstallt)], Is.EqualTo(new PriorReport(true, true)));
        Assert.That(beforeQ3[new CaseKey("A", CaseKind.EjVerkstallt)], Is.EqualTo(new PriorReport(true, false)));
        Assert.That(otherNamnd, Is.Empty);
    }

    [Test]
    public async Task SaveQuarter_SameQuarterAgain_ReplacesRowsAndKeepsIvoSubmission()
    {
        var ledger = new LedgerStore(_state, TimeProvider.System);
        await ledger.SaveQuarterAsync("sn", "2024Q1", 1, [Ledger("A", "ny"), Ledger("B", "ny")], [new DataQualityProblem("X", "p")], CancellationToken.None);
        await using (var c = await _db.OpenAsync())
            await c.ExecuteAsync("UPDATE ejv_report SET submitted_at = '2024-04-10T08:00:00Z', submitted_by = 'handläggare' WHERE beslut_id = 'A'");

        await ledger.SaveQuarterAsync("sn", "2024Q1", 2, [Ledger("A", "ny")], [], CancellationToken.None);

        await using var check = await _db.OpenAsync();
        var rows = (await check.QueryAsync<(string Id, string? By)>("SELECT beslut_id, submitted_by FROM ejv_report")).ToList();
        Assert.That(rows, Is.EqualTo(new[] { ("A", (string?)"handläggare") }));
        Assert.That(await ledger.DataQualityAsync("sn", "2024Q1", CancellationToken.None), Is.Empty);
        Assert.That(await ledger.CompletedQuartersAsync("sn", CancellationToken.None), Is.EqualTo(new[] { "2024Q1" }));
    }

    [Test]
    public async Task OpenCases_LatestReportDecides()
    {
        var ledger = new LedgerStore(_state, TimeProvider.System);
        await ledger.SaveQuarterAsync("sn", "2024Q1", 1, [Ledger("A", "ny"), Ledger("B", "ny"), Ledger("B", "ny", "avbrott")], [], CancellationToken.None);
        await ledger.SaveQuarterAsync("sn", "2024Q2", 2, [Ledger("A", "verkstalld"), Ledger("B", "kvarstar"), Ledger("B", "kvarstar", "avbrott")], [], CancellationToken.None);
        var open = await ledger.OpenCasesAsync("sn", CancellationToken.None);
        Assert.That(open.Select(o => (o.BeslutId, o.Kind, o.Quarter)), Is.EquivalentTo(new[] { ("B", "ej_verkstallt", "2024Q2"), ("B", "avbrott", "2024Q2") }));
        var trend = await ledger.TrendAsync("sn", CancellationToken.None);
        Assert.That(trend.Select(t => (t.Quarter, t.Open)), Is.EqualTo(new[] { ("2024Q1", 3), ("2024Q2", 2) }));
    }

    [Test]
    public async Task Unsubmitted_CountsReportsAndClosingReportsNotYetMarked()
    {
        var ledger = new LedgerStore(_state, TimeProvider.System);
        Assert.That(await ledger.UnsubmittedAsync("sn", "2024Q2", CancellationToken.None), Is.EqualTo((0, 0)), "an unknown quarter");
        await ledger.SaveQuarterAsync("sn", "2024Q2", 1,
            [Ledger("A", "ny"), Ledger("B", "verkstalld"), Ledger("C", "avslutad"), Ledger("D", "kvarstar")], [], CancellationToken.None);
        Assert.That(await ledger.UnsubmittedAsync("sn", "2024Q2", CancellationToken.None), Is.EqualTo((4, 2)));
        await ledger.MarkSubmittedAsync("sn", "2024Q2", ["B"], new Core.Lifecycle.Actor("anna", "Handläggare", Core.Lifecycle.Actor.FromOs), CancellationToken.None);
        Assert.That(await ledger.UnsubmittedAsync("sn", "2024Q2", CancellationToken.None), Is.EqualTo((3, 1)));
        Assert.That(await ledger.UnsubmittedAsync("other", "2024Q2", CancellationToken.None), Is.EqualTo((0, 0)), "another nämnd's rows do not count");
        var audit = await new AuditStore(_state).ListAsync("sn", "2024Q2", CancellationToken.None);
        Assert.That(audit.Select(a => (a.What, a.ActorId, a.ActorName)), Is.EqualTo(new[] { ("ivo.entered", "anna", "Handläggare") }), "who marked it, in the same transaction");
        Assert.That((await ledger.QuarterAsync("sn", "2024Q2", CancellationToken.None)).Single(r => r.BeslutId == "B").SubmittedBy, Is.EqualTo("Handläggare (anna)"));
    }

    private static Beslut Person(string personId, string beslutId, DateOnly? born, Kon? kon, bool skyddad = false) => new()
    {
        Id = beslutId, PersonId = personId, Insats = new InsatsDefinition("HTJ", "Hemtjänst", Lag.SoL, "bistand"),
        Beslutsdatum = new DateOnly(2024, 1, 1), Fodelsedatum = born, Kon = kon, SkyddadIdentitet = skyddad,
    };

    [Test]
    public async Task IvoIds_SamePersonTwice_GetsTheSameIdentifierWithRightKonDigit()
    {
        var store = new IvoIdStore(_state, TimeProvider.System);
        var born = new DateOnly(1948, 2, 29);
        var first = await store.AssignAsync("sn", [Person("P1", "B1", born, Kon.K), Person("P2", "B2", born, Kon.M)], persist: true, CancellationToken.None);
        var second = await store.AssignAsync("sn", [Person("P1", "B3", born, Kon.K)], persist: true, CancellationToken.None);

        Assert.That(second["P1"], Is.EqualTo(first["P1"]));
        Assert.That(IvoId.Matches(first["P1"], born, Kon.K), Is.True);
        Assert.That(IvoId.Matches(first["P2"], born, Kon.M), Is.True);
        Assert.That(first["P1"], Does.StartWith("19480229-T"));
    }

    [Test]
    public async Task IvoIds_ManyPeopleSameBirthDate_AllDistinct()
    {
        var store = new IvoIdStore(_state, TimeProvider.System);
        var born = new DateOnly(1990, 6, 1);
        var people = Enumerable.Range(0, 120).Select(i => Person($"P{i}", $"B{i}", born, Kon.K)).ToList();
        var ids = await store.AssignAsync("sn", people, persist: true, CancellationToken.None);
        Assert.That(ids.Values.Distinct().Count(), Is.EqualTo(120));
    }

    [Test]
    public async Task IvoIds_DryRun_IsNotKept()
    {
        var store = new IvoIdStore(_state, TimeProvider.System);
        await store.AssignAsync("sn", [Person("P1", "B1", new DateOnly(1950, 1, 1), Kon.K)], persist: false, CancellationToken.None);
        await using var c = await _db.OpenAsync();
        Assert.That(await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM ejv_person"), Is.Zero);
    }

    [Test]
    public async Task IvoIds_SkyddadOrMissingData_GetsNoIdentifier()
    {
        var store = new IvoIdStore(_state, TimeProvider.System);
        var ids = await store.AssignAsync("sn",
            [Person("S", "B1", new DateOnly(1950, 1, 1), Kon.K, skyddad: true), Person("N", "B2", null, Kon.M), Person("K", "B3", new DateOnly(1950, 1, 1), null)],
            persist: true, CancellationToken.None);
        Assert.That(ids, Is.Empty);
    }

    [Test]
    public async Task IvoIds_BirthDateCorrected_GetsNewMatchingIdentifier()
    {
        var store = new IvoIdStore(_state, TimeProvider.System);
        var before = await store.AssignAsync("sn", [Person("P1", "B1", new DateOnly(1950, 1, 1), Kon.K)], true, CancellationToken.None);
        var after = await store.AssignAsync("sn", [Person("P1", "B1", new DateOnly(1951, 1, 1), Kon.K)], true, CancellationToken.None);
        Assert.That(after["P1"], Is.Not.EqualTo(before["P1"]));
        Assert.That(after["P1"], Does.StartWith("19510101-T"));
    }

    [Test]
    public async Task RunLog_StartAndFinish_AppearsNewestFirst()
    {
        var log = new RunLog(_state, TimeProvider.System);
        var a = await log.StartAsync("sn", "2024Q1", false, CancellationToken.None);
        await log.FinishAsync(a, new RunOutcome(RunOutcome.Succeeded, Reports: 4, Ny: 4), CancellationToken.None);
        var b = await log.StartAsync("sn", "2024Q2", false, CancellationToken.None);
        await log.FinishAsync(b, new RunOutcome(RunOutcome.Failed, Message: "case source: down"), CancellationToken.None);
        var runs = await log.LastAsync("sn", 10, CancellationToken.None);
        Assert.That(runs.Select(r => (r.Quarter, r.Outcome)), Is.EqualTo(new[] { ("2024Q2", "failed"), ("2024Q1", "succeeded") }));
        Assert.That(runs[1].Reports, Is.EqualTo(4));
        Assert.That(await log.LastAsync(null, 1, CancellationToken.None), Has.Count.EqualTo(1));
    }
}

[TestFixture]
public sealed class StateStoreSqliteTests : StateStoreTests<SqliteTestDatabase>;

[TestFixture]
public sealed class StateStorePostgresTests : StateStoreTests<PostgresTestDatabase>;
