using EjVerkstallda.Core.Kvartal;
using EjVerkstallda.Core.SourceCheck;
using EjVerkstallda.Infrastructure.CaseSource;
using EjVerkstallda.Infrastructure.CaseSource.Doctor;
using EjVerkstallda.Infrastructure.Tests.Support;

namespace EjVerkstallda.Infrastructure.Tests.CaseSource.Doctor;

/// <summary>The view doctor on real databases: the example views pass; each planted fault of the broken view is named.</summary>
public abstract class SourceInspectorTests<TDb> where TDb : ITestDatabase, new()
{
    private static readonly DateOnly Today = new(2024, 7, 15); // last completed quarter 2024Q2
    private TDb _db = default!;

    [SetUp]
    public async Task SetUp()
    {
        _db = new TDb();
        await DoctorCaseSystem.CreateAsync(_db);
    }

    [TearDown]
    public async Task TearDown() => await _db.DisposeAsync();

    private async Task<(SourceFacts Facts, IReadOnlyList<Finding> Findings)> CheckAsync(string beslut = "ejv_beslut", string insats = "ejv_insats")
    {
        var options = new CaseSourceOptions { Provider = _db.Dialect.Folder, ConnectionString = _db.ConnectionString, BeslutRelation = beslut, InsatsRelation = insats };
        var facts = await new SourceInspector(options, KommunTid.Stockholm).InspectAsync([new NamndScope("socialnamnden", null)], Today, CancellationToken.None);
        return (facts, SourceDoctor.Examine(facts));
    }

    [Test]
    public async Task Inspect_ExampleViews_NoFindingsAndEveryIndexFound()
    {
        var (facts, findings) = await CheckAsync();

        Assert.Multiple(() =>
        {
            Assert.That(findings.Select(f => $"{f.Code} {f.Column}"), Is.Empty);
            Assert.That(facts.Rows, Is.EqualTo(Demo.DemoCatalogue.Insatser.Count));
            Assert.That(facts.Indexes.Select(i => $"{i.Column}={i.Found}"), Is.EqualTo(new[] { "beslutsdatum=True", "avbrottsdatum=True", "beslut_id=True" }));
            Assert.That(facts.Indexes[0].IndexName, Is.EqualTo("ix_cs_beslut_beslut"), "the index of the table under the view");
            Assert.That(facts.Candidates, Has.Count.EqualTo(8));
            Assert.That(facts.Candidates[^1].Quarter, Is.EqualTo("2024Q2"));
            Assert.That(facts.Candidates[^1].Candidates, Is.GreaterThan(0));
            Assert.That(facts.DataQuality, Is.Empty);
            Assert.That(facts.PerYear.Sum(y => y.Beslut), Is.EqualTo(facts.Rows));
            Assert.That(facts.CodesUsed.Select(u => u.Code), Is.EquivalentTo(facts.CatalogueCodes));
        });
    }

    [Test]
    public async Task Inspect_BrokenViews_NamesEveryPlantedFault()
    {
        await DoctorCaseSystem.BreakAsync(_db);

        var (_, findings) = await CheckAsync(DoctorCaseSystem.BrokenBeslut, DoctorCaseSystem.BrokenInsats);

        string? Severity(string code, string column) => findings.FirstOrDefault(f => f.Code == code && f.Column == column)?.Severity.ToString();
        Assert.Multiple(() =>
        {
            Assert.That(Severity("kolumn_saknas", "enhet"), Is.EqualTo("Fault"), "missing column");
            Assert.That(Severity("textdatum_ogiltigt", "beslutsdatum"), Is.EqualTo("Fault"), "text date DD/MM/YYYY on every row");
            Assert.That(Severity("insats_omappad", "insats_kod"), Is.EqualTo("Fault"), "unmapped insats code");
            Assert.That(findings.Single(f => f.Code == "insats_omappad").Args[2], Is.EqualTo("ZZZ (1)"));
            Assert.That(Severity("index_saknas", "avbrottsdatum"), Is.EqualTo("Warning"), "missing index");
            Assert.That(Severity("kon_utanfor_lista", "kon"), Is.EqualTo("Warning"), "kon outside K/M");
            Assert.That(findings.Single(f => f.Code == "kon_utanfor_lista").SampleIds, Is.EqualTo(new[] { "G-1" }));
            Assert.That(findings.Single(f => f.Code == "insats_oanvand").Args[1], Does.Contain("GAMMAL"), "unused catalogue row");
            Assert.That(SourceDoctor.Usable(findings), Is.False);
        });
    }

    [Test]
    public async Task Inspect_MissingRelation_IsAFaultNotAnException()
    {
        var (_, findings) = await CheckAsync(beslut: "no_such_view");

        Assert.That(findings.Select(f => $"{f.Code} {f.Column}"), Does.Contain("relation_saknas no_such_view"));
    }
}

[TestFixture]
public sealed class SqliteSourceInspectorTests : SourceInspectorTests<SqliteTestDatabase>;

[TestFixture]
public sealed class PostgresSourceInspectorTests : SourceInspectorTests<PostgresTestDatabase>;
