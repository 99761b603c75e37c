using System.Globalization;
using Dapper;
using EjVerkstallda.Core.Beslut;
using EjVerkstallda.Core.Classification;
using EjVerkstallda.Core.Kvartal;
using EjVerkstallda.Infrastructure.CaseSource;
using EjVerkstallda.Infrastructure.Demo;
using EjVerkstallda.Infrastructure.Tests.Support;

namespace EjVerkstallda.Infrastructure.Tests.CaseSource;

/// <summary>
/// CONTRACT section 4: a date column may be a date, a timestamp (its calendar date is the day), a timestamptz (the kommun's
/// calendar date, Europe/Stockholm) or text YYYY-MM-DD, and nothing is dropped because of the type. Each type gets its own
/// table with the same rows, written as Stockholm wall-clock times; the reader, the validator and the classifier together
/// must report the same cases with the same days for every type. Quarter 2024Q1: S 2024-01-01, E 2024-03-31, so the last
/// reportable beslutsdatum is 2023-12-30.
/// </summary>
public abstract class CaseSourceDateTypesTests<TDb> where TDb : ITestDatabase, new()
{
    private static readonly Kvartal Q = Kvartal.Parse("2024Q1");
    private static readonly TimeZoneInfo Stockholm = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");
    private TDb _db = default!;
    private int _tables;

    /// <summary>A column type of the provider and how a Stockholm wall-clock time ("yyyy-MM-dd HH:mm") is written as its literal.</summary>
    public sealed record DateType(string SqlType, Func<DateTime, string> Literal);

    protected abstract IReadOnlyList<DateType> DateTypes { get; }

    /// <summary>A blank-padded id column type (CHAR(12) where the provider pads).</summary>
    protected abstract string PaddedIdType { get; }

    protected abstract string TextType { get; }

    protected static string Wall(DateTime wall) => wall.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
    protected static string Day(DateTime wall) => wall.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    protected static string Utc(DateTime wall) =>
        TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(wall, DateTimeKind.Unspecified), Stockholm).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    [SetUp]
    public async Task SetUp()
    {
        _db = new TDb();
        await _db.CreateAsync();
        await using var c = await _db.OpenAsync();
        await DemoCaseSystem.CreateSchemaAsync(c, _db.Dialect, CancellationToken.None);
        await DemoCaseSystem.InsertAsync(c, _db.Dialect, [], [], CancellationToken.None);
    }

    [TearDown]
    public async Task TearDown() => await _db.DisposeAsync();

    private sealed record Row(string Id, string Beslut, string? Verk = null, string? Avbrott = null, string? Avslut = null, string PersonId = "P-1");

    private static readonly Row[] Rows =
    [
        new("B-0900", "2023-12-30 09:00"),                                  // the beslut: reported, a beslut of 2023-12-30
        new("B-0030", "2023-12-30 00:30"),                                  // 2023-12-29 23:30 UTC: still the 30th in Stockholm
        new("B-NIGHT", "2023-12-31 00:30"),                                 // 2023-12-30 23:30 UTC: the 31st, D = E, not reported
        new("B-VERK-NEWYEAR", "2023-09-01 10:00", Verk: "2024-01-01 00:30"), // verkställd on 1 January in Stockholm: closing report
        new("B-VERK-OLDYEAR", "2023-09-01 10:00", Verk: "2023-12-31 23:30"), // verkställd before S: not reported
        new("B-AVBROTT", "2020-01-01 10:00", Verk: "2020-02-01 10:00", Avbrott: "2023-12-30 09:00"), // avbrott of the 30th: reported
        new("B-AVSLUT", "2023-09-01 10:00", Avslut: "2024-01-01 00:30"),   // avslutad on 1 January: closing report
    ];

    private static readonly string[] Expected =
    [
        "B-0030 ej_verkstallt ny start 2023-12-30 closed -",
        "B-0900 ej_verkstallt ny start 2023-12-30 closed -",
        "B-AVBROTT avbrott ny start 2023-12-30 closed -",
        "B-AVSLUT ej_verkstallt avslutad start 2023-09-01 closed 2024-01-01",
        "B-VERK-NEWYEAR ej_verkstallt verkstalld start 2023-09-01 closed 2024-01-01",
    ];

    [Test]
    public async Task ReadAndJudge_EveryDateType_ReportsByTheKommunsCalendarDay()
    {
        var outcome = new Dictionary<string, string[]>();
        foreach (var type in DateTypes)
            outcome[type.SqlType] = await JudgeAsync(await CreateTableAsync(type, TextType, Rows), fromCandidates: true);

        Assert.Multiple(() =>
        {
            foreach (var (type, lines) in outcome)
                Assert.That(lines, Is.EqualTo(Expected), $"date columns of type {type}");
        });
    }

    /// <summary>HOUSE_STYLE: the candidate filter in SQL must never drop a row Core reports when it sees every row.</summary>
    [Test]
    public async Task CandidateFilter_EveryDateType_KeepsEveryRowCoreReports()
    {
        var outcome = new Dictionary<string, (string[] Candidates, string[] All)>();
        foreach (var type in DateTypes)
        {
            var table = await CreateTableAsync(type, TextType, Rows);
            outcome[type.SqlType] = (await JudgeAsync(table, fromCandidates: true), await JudgeAsync(table, fromCandidates: false));
        }

        Assert.Multiple(() =>
        {
            foreach (var (type, (candidates, all)) in outcome)
            {
                Assert.That(all, Is.EqualTo(Expected), $"{type}: every row judged by Core");
                Assert.That(candidates, Is.EqualTo(all), $"{type}: the SQL filter dropped a row Core reports");
            }
        });
    }

    /// <summary>CONTRACT section 4: a CHAR(n) id padded with blanks is the same id, for the candidates and the open-at-IVO fetch.</summary>
    [Test]
    public async Task ReadCandidates_PaddedIdsOpenAtIvo_ReadOnceTrimmedAndStillKvarstar()
    {
        Row[] rows =
        [
            new("B-OPEN", "2023-11-01 10:00", PersonId: "P-7"),                       // a candidate, also open at IVO
            new("B-OLD", "2020-01-01 10:00", Verk: "2021-06-01 10:00", PersonId: "P-7"), // closed long ago, closing report owed
        ];
        var table = await CreateTableAsync(DateTypes[0], PaddedIdType, rows);
        var raw = new List<RawBeslut>();
        await foreach (var r in Reader(table).ReadCandidatesAsync(Q, null, ["B-OPEN", "B-OLD"], CancellationToken.None)) raw.Add(r);
        var validation = new BeslutValidator(await KatalogAsync()).Validate(raw);
        var reports = Classifier.Classify(Q, validation.Beslut, _ => new PriorReport(Reported: true, Closed: false)).Reports;

        Assert.Multiple(() =>
        {
            Assert.That(raw.Select(r => r.BeslutId), Is.EquivalentTo(new[] { "B-OPEN", "B-OLD" }), "each row once, its id trimmed");
            Assert.That(raw.Select(r => r.PersonId), Is.EqualTo(new[] { "P-7", "P-7" }));
            Assert.That(validation.Problems, Is.Empty, "no duplicate beslut_id");
            Assert.That(reports.Select(r => $"{r.Beslut.Id} {r.Status.ToCode()}"), Is.EquivalentTo(new[] { "B-OPEN kvarstar", "B-OLD verkstalld" }));
        });
    }

    [Test]
    public async Task ReadByIds_PaddedIds_FindsTheTrimmedIds()
    {
        var table = await CreateTableAsync(DateTypes[0], PaddedIdType, [new("B-OLD", "2020-01-01 10:00", Verk: "2021-06-01 10:00")]);
        var ids = new List<string?>();
        await foreach (var r in Reader(table).ReadByIdsAsync(null, ["B-OLD"], CancellationToken.None)) ids.Add(r.BeslutId);

        Assert.That(ids, Is.EqualTo(new[] { "B-OLD" }));
    }

    private CaseSourceReader Reader(string table) => new(new CaseSourceOptions
    {
        Provider = _db.Dialect.Folder, ConnectionString = _db.ConnectionString, BeslutRelation = table,
    }, KommunTid.Stockholm);

    private async Task<IReadOnlyDictionary<string, InsatsDefinition>> KatalogAsync() =>
        await Reader("ejv_beslut").ReadKatalogAsync([], CancellationToken.None);

    private async Task<string[]> JudgeAsync(string table, bool fromCandidates)
    {
        var raw = new List<RawBeslut>();
        var rows = fromCandidates
            ? Reader(table).ReadCandidatesAsync(Q, null, [], CancellationToken.None)
            : Reader(table).ReadByIdsAsync(null, Rows.Select(r => r.Id), CancellationToken.None);
        try
        {
            await foreach (var r in rows) raw.Add(r);
        }
        catch (CaseSourceException ex)
        {
            return [$"error: {ex.Message.Split('\n')[0]}"]; // every type's outcome is asserted, not only the first failing one
        }
        var validation = new BeslutValidator(await KatalogAsync()).Validate(raw);
        if (validation.Problems.Count > 0)
            return validation.Problems.Select(p => $"problem {p.BeslutId}: {p.Problem}").ToArray();
        return Classifier.Classify(Q, validation.Beslut, _ => PriorReport.None).Reports
            .Select(r => $"{r.Beslut.Id} {r.Kind.ToCode()} {r.Status.ToCode()} start {r.Start:yyyy-MM-dd} closed {(r.ClosingDay is { } d ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "-")}")
            .OrderBy(s => s, StringComparer.Ordinal)
            .ToArray();
    }

    private async Task<string> CreateTableAsync(DateType type, string idType, IEnumerable<Row> rows)
    {
        var table = $"dt_beslut_{++_tables}";
        string Dt(string column) => $"{column} {type.SqlType} NULL";
        await using var c = await _db.OpenAsync();
        await c.ExecuteAsync($"""
            CREATE TABLE {table} (beslut_id {idType} NOT NULL, person_id {idType} NOT NULL, insats_kod {TextType} NOT NULL,
                {Dt("beslutsdatum")}, {Dt("verkstallighetsdatum")}, {Dt("avbrottsdatum")}, {Dt("aterupptagandedatum")}, {Dt("avslutsdatum")},
                avslutsorsak {TextType} NULL, {Dt("erbjudandedatum")}, tackat_nej {TextType} NULL, {Dt("fodelsedatum")}, kon {TextType} NULL,
                skyddad_identitet {TextType} NULL, enhet {TextType} NULL, skal {TextType} NULL)
            """);
        string L(string? wall) => wall is null ? "NULL" : type.Literal(DateTime.ParseExact(wall, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture));
        foreach (var r in rows)
        {
            var pad = idType == PaddedIdType ? "      " : "";
            await c.ExecuteAsync($"""
                INSERT INTO {table} (beslut_id, person_id, insats_kod, beslutsdatum, verkstallighetsdatum, avbrottsdatum, avslutsdatum, avslutsorsak, fodelsedatum, kon, skyddad_identitet)
                VALUES ('{r.Id}{pad}', '{r.PersonId}{pad}', 'HTJ', {L(r.Beslut)}, {L(r.Verk)}, {L(r.Avbrott)}, {L(r.Avslut)}, {(r.Avslut is null ? "NULL" : "'annat'")},
                        {L("1950-05-17 12:00")}, 'K', '0')
                """);
        }
        return table;
    }
}

[TestFixture]
public sealed class CaseSourceDateTypesSqliteTests : CaseSourceDateTypesTests<SqliteTestDatabase>
{
    protected override IReadOnlyList<DateType> DateTypes { get; } =
    [
        new("TEXT", w => $"'{Day(w)}'"),                                   // the contract's text YYYY-MM-DD
        new("DATETIME", w => $"'{Wall(w)}'"),                              // SQLite's datetime text, as datetime() writes it
        new("TIMESTAMPTZ", w => $"'{Utc(w).Replace(' ', 'T')}+00:00'"),    // an instant as ISO text with its offset
    ];

    protected override string PaddedIdType => "CHAR(12)"; // SQLite does not pad: the literals are padded by the test
    protected override string TextType => "TEXT";
}

[TestFixture]
public sealed class CaseSourceDateTypesPostgresTests : CaseSourceDateTypesTests<PostgresTestDatabase>
{
    protected override IReadOnlyList<DateType> DateTypes { get; } =
    [
        new("date", w => $"DATE '{Day(w)}'"),
        new("timestamp", w => $"TIMESTAMP '{Wall(w)}'"),
        new("timestamptz", w => $"TIMESTAMPTZ '{Utc(w)}+00'"),
        new("text", w => $"'{Day(w)}'"),
        new("varchar(19)", w => $"'{Wall(w)}'"),                           // a datetime kept as text
    ];

    protected override string PaddedIdType => "CHAR(12)";
    protected override string TextType => "TEXT";
}
