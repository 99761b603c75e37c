using Dapper;
using EjVerkstallda.Core.Beslut;
using EjVerkstallda.Core.Classification;
using EjVerkstallda.Core.Import;
using EjVerkstallda.Core.Lifecycle;
using EjVerkstallda.Infrastructure.State;
using EjVerkstallda.Infrastructure.Tests.Support;

namespace EjVerkstallda.Infrastructure.Tests.State;

/// <summary>What an import writes, on each real state store: ledger rows the next run reads as prior reports, the person's identifier, the trend.</summary>
public abstract class ImportStoreTests<TDb> where TDb : ITestDatabase, new()
{
    private static readonly InsatsDefinition Sabo = new("SABO", "Särskilt boende", Lag.SoL, LagrumCodes.Bistand);
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

    private static HistoryRow Row(int line, string id, string person, string first, string last, ReportStatus status, string? avbrott = null) => new()
    {
        Line = line,
        Beslut = new Core.Beslut.Beslut { Id = id, PersonId = person, Insats = Sabo, Beslutsdatum = new DateOnly(2025, 10, 1), Avbrottsdatum = avbrott is null ? null : DateOnly.Parse(avbrott, System.Globalization.CultureInfo.InvariantCulture) },
        Kind = avbrott is null ? CaseKind.EjVerkstallt : CaseKind.Avbrott,
        Avbrottsdatum = avbrott is null ? null : DateOnly.Parse(avbrott, System.Globalization.CultureInfo.InvariantCulture),
        IvoId = "19400101-T111",
        First = Core.Kvartal.Kvartal.Parse(first),
        Last = Core.Kvartal.Kvartal.Parse(last),
        LastStatus = status,
    };

    [Test]
    public async Task SaveHistory_IsReadAsPriorReportsAndBindsThePerson()
    {
        var store = new ImportStore(_state, TimeProvider.System);
        var batch = new ImportBatch(ImportStore.History, "abc123", "historik.csv", new Actor("kalle", "kalle", Actor.FromOs), store.Now(), 2);
        await store.SaveHistoryAsync("sn", batch, [Row(2, "B-1", "P1", "2026Q1", "2026Q2", ReportStatus.Kvarstar), Row(3, "B-2", "P1", "2025Q4", "2026Q1", ReportStatus.Verkstalld, "2025-11-01")], CancellationToken.None);

        var prior = await new LedgerStore(_state, TimeProvider.System).PriorReportsAsync("sn", "2026Q3", CancellationToken.None);
        Assert.That(prior[new CaseKey("B-1", CaseKind.EjVerkstallt)], Is.EqualTo(new PriorReport(true, false)));
        Assert.That(prior[new CaseKey("B-2", CaseKind.Avbrott, new DateOnly(2025, 11, 1))], Is.EqualTo(new PriorReport(true, true)));
        Assert.That(await store.PersonIdsAsync("sn", CancellationToken.None), Is.EqualTo(new Dictionary<string, string> { ["P1"] = "19400101-T111" }));
        var cases = await store.CasesAsync("sn", CancellationToken.None);
        Assert.That(cases[new CaseKey("B-1", CaseKind.EjVerkstallt)], Is.EqualTo(new LedgerCase(new(2026, 1), new(2026, 2), ReportStatus.Kvarstar, "19400101-T111", Imported: true)));
        Assert.That(await store.ImportedAtAsync("sn", ImportStore.History, "abc123", CancellationToken.None), Is.EqualTo(batch.At));
        Assert.That(await store.HasHistoryAsync("sn", CancellationToken.None), Is.True);
        Assert.That(await store.HasHistoryAsync("other", CancellationToken.None), Is.False);
        await using var c = await _db.OpenAsync();
        var rows = await c.QueryAsync<(string Quarter, string Status, string? By)>("SELECT quarter, status, submitted_by FROM ejv_report WHERE beslut_id = 'B-1' ORDER BY quarter");
        Assert.That(rows, Is.EqualTo(new[] { ("2026Q1", "ny", (string?)"import (kalle)"), ("2026Q2", "kvarstar", "import (kalle)") }));
        Assert.That(await new LedgerStore(_state, TimeProvider.System).CompletedQuartersAsync("sn", CancellationToken.None), Is.Empty, "imported quarters are not quarters the product ran");
    }

    [Test]
    public async Task Trend_ImportedFiguresFillTheTrend_AQuarterRunByTheProductKeepsItsOwn()
    {
        var store = new ImportStore(_state, TimeProvider.System);
        var batch = new ImportBatch(ImportStore.Trend, "def", "trend.csv", new Actor("kalle", "kalle", Actor.FromOs), store.Now(), 3);
        await store.SaveTrendAsync("sn", batch,
        [
            new TrendRow(2, new(2026, 1), Lag.SoL, CaseKind.EjVerkstallt, 7), new TrendRow(3, new(2026, 1), Lag.LSS, CaseKind.Avbrott, 2),
            new TrendRow(4, new(2026, 2), Lag.SoL, CaseKind.EjVerkstallt, 99),
        ], CancellationToken.None);
        var ledger = new LedgerStore(_state, TimeProvider.System);
        await ledger.SaveQuarterAsync("sn", "2026Q2", 1, [], [], CancellationToken.None);
        var trend = await ledger.TrendAsync("sn", CancellationToken.None);
        Assert.That(trend.Select(t => (t.Quarter, t.Open)), Is.EqualTo(new[] { ("2026Q1", 9), ("2026Q2", 0) }));
    }
}

[TestFixture]
public sealed class ImportStoreSqliteTests : ImportStoreTests<SqliteTestDatabase>;

[TestFixture]
public sealed class ImportStorePostgresTests : ImportStoreTests<PostgresTestDatabase>;
