using Dapper;
using EjVerkstallda.Core.Beslut;
using EjVerkstallda.Core.Kvartal;
using EjVerkstallda.Infrastructure.CaseSource;
using EjVerkstallda.Infrastructure.Demo;
using EjVerkstallda.Infrastructure.Tests.Support;

namespace EjVerkstallda.Infrastructure.Tests.CaseSource;

/// <summary>The same tests against each real provider: one sealed subclass per database.</summary>
public abstract class CaseSourceReaderTests<TDb> where TDb : ITestDatabase, new()
{
    private static readonly Kvartal Q = Kvartal.Parse("2024Q2"); // S 2024-04-01, E 2024-06-30
    private TDb _db = default!;

    [SetUp]
    public async Task SetUp()
    {
        _db = new TDb();
        await _db.CreateAsync();
        await using var c = await _db.OpenAsync();
        await DemoCaseSystem.CreateSchemaAsync(c, _db.Dialect, CancellationToken.None);
        await DemoCaseSystem.InsertAsync(c, _db.Dialect, [new DemoPerson("P-1", new DateOnly(1950, 5, 17), "K", false)], Rows(), CancellationToken.None);
    }

    [TearDown]
    public async Task TearDown() => await _db.DisposeAsync();

    private static DemoBeslut Row(string id, string beslut, string? verk = null, string kod = "HTJ", string? avslut = null,
        string? avbrott = null, string? ater = null, string namnd = "socialnamnden") => new()
    {
        BeslutId = id, PersonId = "P-1", InsatsKod = kod, BeslutDatum = DateOnly.Parse(beslut), VerkstDatum = D(verk),
        AvslutDatum = D(avslut), AvslutOrsak = avslut is null ? null : "annat", AvbrottDatum = D(avbrott), AterDatum = D(ater), Namnd = namnd,
    };

    private static DateOnly? D(string? s) => s is null ? null : DateOnly.Parse(s);

    private static IEnumerable<DemoBeslut> Rows() =>
    [
        Row("IN-TIME-OLD", "2020-01-10", verk: "2020-02-01"),            // verkställd in time long ago: never a candidate
        Row("LATE-CLOSED-OLD", "2021-01-10", verk: "2022-02-01"),        // closed before S: not a candidate unless open at IVO
        Row("TOO-NEW", "2024-04-01"),                                    // deadline after E
        Row("OPEN", "2024-03-01"),                                       // D 2024-06-01 < E, open: candidate
        Row("CUTOFF", "2024-03-29"),                                     // D 2024-06-29 < E: candidate
        Row("AFTER-CUTOFF", "2024-03-30"),                               // D 2024-06-30 = E: within the filter's one-day margin; Core does not report it
        Row("PAST-MARGIN", "2024-03-31"),                                // two days past the cutoff: not a candidate
        Row("CLOSED-IN-Q", "2023-10-01", verk: "2024-05-02"),            // closed during the quarter: candidate
        Row("AVBROTT", "2019-01-01", verk: "2019-02-01", avbrott: "2024-01-15"), // interrupted, open: candidate
        Row("AVBROTT-DONE", "2019-01-01", verk: "2019-02-01", avbrott: "2023-01-15", ater: "2023-02-01"), // resumed long ago
        Row("OTHER-NAMND", "2024-03-01", namnd: "aldrenamnden"),
        Row("BAD-ORDER", "2024-01-10", verk: "2023-12-01"),              // verkställd before the beslut: listed for data quality
    ];

    private CaseSourceReader Reader(string beslutRelation = "ejv_beslut") => new(new CaseSourceOptions
    {
        Provider = _db.Dialect.Folder, ConnectionString = _db.ConnectionString, BeslutRelation = beslutRelation,
    }, KommunTid.Stockholm);

    private async Task<List<string?>> CandidateIds(string? namnd = null, IReadOnlyCollection<string>? open = null)
    {
        var ids = new List<string?>();
        await foreach (var r in Reader().ReadCandidatesAsync(Q, namnd, open ?? [], CancellationToken.None)) ids.Add(r.BeslutId);
        return ids;
    }

    [Test]
    public async Task ReadCandidates_MixedHistory_ReturnsOnlyRowsThatCanBeReportable()
    {
        var ids = await CandidateIds();
        Assert.That(ids, Is.EquivalentTo(new[] { "OPEN", "CUTOFF", "AFTER-CUTOFF", "CLOSED-IN-Q", "AVBROTT", "OTHER-NAMND", "BAD-ORDER" }));
    }

    [Test]
    public async Task ReadCandidates_NamndFilter_ReturnsOnlyThatNamndsRows()
    {
        var ids = await CandidateIds(namnd: "aldrenamnden");
        Assert.That(ids, Is.EquivalentTo(new[] { "OTHER-NAMND" }));
    }

    [Test]
    public async Task ReadCandidates_CaseOpenAtIvo_IsReturnedEvenWhenClosedLongAgo()
    {
        var ids = await CandidateIds(open: ["LATE-CLOSED-OLD", "OPEN", "NOT-IN-SOURCE"]);
        Assert.That(ids, Does.Contain("LATE-CLOSED-OLD"));
        Assert.That(ids.Count(i => i == "OPEN"), Is.EqualTo(1), "a candidate that is also open at IVO comes back once");
    }

    [Test]
    public async Task ReadCandidates_ValuesAsText_DatesAndBooleansInContractForm()
    {
        RawBeslut? open = null;
        await foreach (var r in Reader().ReadCandidatesAsync(Q, null, [], CancellationToken.None))
            if (r.BeslutId == "OPEN") open = r;
        Assert.That(open, Is.Not.Null);
        Assert.That(open!.Beslutsdatum, Is.EqualTo("2024-03-01"));
        Assert.That(open.Fodelsedatum, Is.EqualTo("1950-05-17"));
        Assert.That(open.SkyddadIdentitet, Is.EqualTo("0"));
        Assert.That(open.Kon, Is.EqualTo("K"));
        Assert.That(open.NamndId, Is.EqualTo("socialnamnden"));
    }

    [Test]
    public async Task ReadKatalog_ExampleView_MapsEveryCode()
    {
        var problems = new List<DataQualityProblem>();
        var katalog = await Reader().ReadKatalogAsync(problems, CancellationToken.None);
        Assert.That(problems, Is.Empty);
        Assert.That(katalog, Has.Count.EqualTo(DemoCatalogue.Insatser.Count));
        Assert.That(katalog["L9"], Is.EqualTo(new InsatsDefinition("L9", "Bostad med särskild service för vuxna", Lag.LSS, "9.9")));
    }

    [TestCase("1", "a number")]
    [TestCase("0", "a number")]
    [TestCase("SoL, LSS", "not SoL or LSS")]
    [TestCase("HSL", "not SoL or LSS")]
    [TestCase(" ", "missing")]
    public async Task ReadKatalog_LagNotSoLOrLss_CodeUnknownAndProblemNamesTheKind(string lag, string kind)
    {
        await using (var c = await _db.OpenAsync())
            await c.ExecuteAsync("INSERT INTO cs_insatstyp (kod, namn, lag, lagrum) VALUES ('ODD', 'Udda', @lag, '9.1')", new { lag });
        var problems = new List<DataQualityProblem>();
        var katalog = await Reader().ReadKatalogAsync(problems, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(katalog.ContainsKey("ODD"), Is.False, $"lag '{lag}' must not be taken as a law");
            Assert.That(problems.Select(p => p.Problem), Has.One.Contains("lag").And.Contains(kind));
            Assert.That(katalog, Has.Count.EqualTo(DemoCatalogue.Insatser.Count), "the other codes are kept");
        });
    }

    [TestCase("lss", "9.1", Lag.LSS)]
    [TestCase(" SoL ", "bistand", Lag.SoL)]
    public async Task ReadKatalog_LagInAnyCaseOrPadded_IsAccepted(string lag, string lagrum, Lag expected)
    {
        await using (var c = await _db.OpenAsync())
            await c.ExecuteAsync("INSERT INTO cs_insatstyp (kod, namn, lag, lagrum) VALUES ('ODD', 'Udda', @lag, @lagrum)", new { lag, lagrum });
        var problems = new List<DataQualityProblem>();
        var katalog = await Reader().ReadKatalogAsync(problems, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(problems, Is.Empty);
            Assert.That(katalog["ODD"].Lag, Is.EqualTo(expected));
        });
    }

    [Test]
    public async Task ReadCandidates_MissingRelation_SaysWhichRelation()
    {
        var ex = await Assert.ThrowsAsync<CaseSourceException>(async () =>
        {
            await foreach (var _ in Reader("no_such_view").ReadCandidatesAsync(Q, null, [], CancellationToken.None)) { }
        });
        Assert.That(ex!.Message, Does.Contain("no_such_view"));
    }

    [Test]
    public async Task ReadCandidates_ViewMissingColumns_NamesTheColumns()
    {
        await using (var c = await _db.OpenAsync())
            await c.ExecuteAsync("CREATE VIEW broken_beslut AS SELECT beslut_id, person_id, insats_kod, beslut_datum AS beslutsdatum FROM cs_beslut");
        var ex = await Assert.ThrowsAsync<CaseSourceException>(async () =>
        {
            await foreach (var _ in Reader("broken_beslut").ReadCandidatesAsync(Q, null, [], CancellationToken.None)) { }
        });
        Assert.That(ex!.Message, Does.Contain("verkstallighetsdatum").And.Contain("skal").And.Contain("broken_beslut"));
        Assert.That(ex.Message, Does.Not.Contain("beslut_id,"), "present columns are not listed as missing");
    }

    [Test]
    public async Task ReadCandidates_UnsafeRelationName_IsRefusedBeforeQuerying()
    {
        var ex = await Assert.ThrowsAsync<CaseSourceException>(async () =>
        {
            await foreach (var _ in Reader("ejv_beslut; DROP TABLE cs_beslut").ReadCandidatesAsync(Q, null, [], CancellationToken.None)) { }
        });
        Assert.That(ex!.Message, Does.Contain("not a plain identifier"));
    }
}

[TestFixture]
public sealed class CaseSourceReaderSqliteTests : CaseSourceReaderTests<SqliteTestDatabase>
{
    [Test]
    public async Task ReadCandidates_MalformedDateText_IsReturnedForTheDataQualityList()
    {
        var db = new SqliteTestDatabase();
        await using var _ = db;
        await using var c = await db.OpenAsync();
        await DemoCaseSystem.CreateSchemaAsync(c, db.Dialect, CancellationToken.None);
        await c.ExecuteAsync("INSERT INTO cs_beslut (beslut_id, person_id, insats_kod, beslut_datum) VALUES ('BAD', 'P', 'HTJ', '2024/01/05'), ('NEW', 'P', 'HTJ', '2099-01-01')");
        var reader = new CaseSourceReader(new CaseSourceOptions { Provider = "sqlite", ConnectionString = db.ConnectionString }, KommunTid.Stockholm);
        var ids = new List<string?>();
        await foreach (var r in reader.ReadCandidatesAsync(Kvartal.Parse("2024Q2"), null, [], CancellationToken.None)) ids.Add(r.BeslutId);
        Assert.That(ids, Is.EqualTo(new[] { "BAD" }));
    }
}

[TestFixture]
public sealed class CaseSourceReaderPostgresTests : CaseSourceReaderTests<PostgresTestDatabase>;
