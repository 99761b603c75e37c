namespace EjVerkstallda.Core.Tests.Statistik;

using System.Text.Json;
using EjVerkstallda.Core.Beslut;
using EjVerkstallda.Core.Classification;
using EjVerkstallda.Core.Kvartal;
using EjVerkstallda.Core.Statistik;
using static EjVerkstallda.Core.Tests.TestData;
using Kvartal = EjVerkstallda.Core.Kvartal.Kvartal;

/// <summary>2024Q1 throughout: E = 2024-03-31. Elapsed whole months are counted by hand from the start to E.</summary>
[TestFixture]
public sealed class StatistikBuilderTests
{
    private static readonly Kvartal Q1 = Kvartal.Parse("2024Q1");

    private static IvoReport Report(
        string id,
        string start,
        InsatsDefinition? insats = null,
        CaseKind kind = CaseKind.EjVerkstallt,
        ReportStatus status = ReportStatus.Ny,
        Kon? kon = Kon.K,
        bool late = false,
        bool skyddad = false,
        string? beslutsdatum = null)
    {
        var b = NewBeslut(id, beslutsdatum ?? start, insats, kon: kon, skyddad: skyddad, person: "person-" + id) with { Skal = "hemlig-" + id };
        return new IvoReport
        {
            Beslut = b,
            Kind = kind,
            Status = status,
            Late = late,
            Lagrum = LagrumText.For(b.Insats, b.Beslutsdatum),
            Start = D(start),
            Deadline = Frist.Deadline(D(start)),
            ClosingDay = status.IsClosing() ? D("2024-03-15") : null,
            DaysSinceStart = 100,
        };
    }

    /// <summary>The kommun's approved public names for the SoL codes of <see cref="TestData"/> (LSS carries the law's names).</summary>
    private static readonly StatistikOptions Approved = new()
    {
        InsatsNamn = new Dictionary<string, string>(StringComparer.Ordinal) { ["SABO"] = "Särskilt boende", ["HT"] = "Hemtjänst" },
    };

    private static StatistikRapport Build(IReadOnlyList<IvoReport> reports, IEnumerable<TrendPoint>? earlier = null, StatistikOptions? options = null) =>
        StatistikBuilder.Build(Q1, "socialnamnden", "Socialnämnden", reports, earlier ?? [], options ?? Approved);

    [Test]
    public void Build_NoReports_HasFourEmptySectionsAndZeroTotals()
    {
        var s = Build([]);

        Assert.Multiple(() =>
        {
            Assert.That(s.Sektioner.Select(x => (x.Lag, x.Kind)), Is.EqualTo(new[]
            {
                ("SoL", "ej_verkstallt"), ("SoL", "avbrott"), ("LSS", "ej_verkstallt"), ("LSS", "avbrott"),
            }));
            Assert.That(s.Sektioner.Select(x => x.Antal), Is.All.Zero);
            Assert.That(s.Sektioner.SelectMany(x => x.Rader), Is.Empty);
            Assert.That(s.Totals, Is.EqualTo(new StatistikTotals(0, 0, 0, 0, 0, 0, 0, 0)));
            Assert.That(s.Trend, Is.EqualTo(new[] { new TrendPoint("2024Q1", 0) }));
            Assert.That(s.Kon, Is.Null);
            Assert.That(s.Rapporteringsparagrafer, Is.Empty);
        });
    }

    [Test]
    public void Build_Header_CarriesQuarterDayNamndBandsAndK()
    {
        var s = Build([], options: new StatistikOptions { MinCellSize = 5 });

        Assert.Multiple(() =>
        {
            Assert.That(s.Quarter, Is.EqualTo("2024Q1"));
            Assert.That(s.ReportingDay, Is.EqualTo(D("2024-03-31")));
            Assert.That(s.Namnd, Is.EqualTo("socialnamnden"));
            Assert.That(s.NamndNamn, Is.EqualTo("Socialnämnden"));
            Assert.That(s.Bands, Is.EqualTo(new[] { "3–5 mån", "6–11 mån", "12–23 mån", "24 mån eller mer" }));
            Assert.That(s.MinCellSize, Is.EqualTo(5));
        });
    }

    [Test]
    public void Build_OpenReports_CountedPerInsatsAndElapsedBand()
    {
        var reports = new[]
        {
            Report("S1", "2023-10-01"),                     // 5 months  -> 3–5
            Report("S2", "2023-09-30"),                     // 6 months  -> 6–11
            Report("S3", "2023-03-31"),                     // 12 months -> 12–23
            Report("S4", "2022-03-31"),                     // 24 months -> 24+
            Report("S5", "2022-04-01"),                     // 23 months -> 12–23
            Report("H1", "2023-12-01", Hemtjanst),          // 3 months  -> 3–5
            Report("L1", "2023-04-01", Daglig, CaseKind.Avbrott), // 11 months -> 6–11
            Report("X1", "2023-10-01", status: ReportStatus.Verkstalld), // closing: not counted
        };

        var s = Build(reports);

        var sol = s.Sektioner[0];
        Assert.Multiple(() =>
        {
            Assert.That(sol.Antal, Is.EqualTo(6));
            Assert.That(sol.Rader.Select(r => r.Insats), Is.EqualTo(new[] { "Hemtjänst", "Särskilt boende" }));
            Assert.That(sol.Rader[0].Antal, Is.EqualTo(1));
            Assert.That(sol.Rader[0].PerBand, Is.EqualTo(new[] { 1, 0, 0, 0 }));
            Assert.That(sol.Rader[1].Antal, Is.EqualTo(5));
            Assert.That(sol.Rader[1].PerBand, Is.EqualTo(new[] { 1, 1, 2, 1 }));
            Assert.That(s.Sektioner[1].Antal, Is.Zero);
            Assert.That(s.Sektioner[2].Antal, Is.Zero);
            Assert.That(s.Sektioner[3].Antal, Is.EqualTo(1));
            Assert.That(s.Sektioner[3].Rader.Single().Insats, Is.EqualTo("Daglig verksamhet"));
            Assert.That(s.Sektioner[3].Rader.Single().PerBand, Is.EqualTo(new[] { 0, 1, 0, 0 }));
        });
    }

    [Test]
    public void Build_MixedStatuses_TotalsCountEachKind()
    {
        var reports = new[]
        {
            Report("A", "2023-10-01", status: ReportStatus.Ny, late: true),
            Report("B", "2023-10-01", status: ReportStatus.Ny),
            Report("C", "2023-10-01", Kontaktperson, status: ReportStatus.Kvarstar),
            Report("D", "2023-10-01", status: ReportStatus.Verkstalld, late: true),
            Report("E", "2023-10-01", Bostad, status: ReportStatus.Avslutad),
            Report("F", "2023-10-01", Bostad, status: ReportStatus.Avslutad),
        };

        var t = Build(reports).Totals;

        Assert.That(t, Is.EqualTo(new StatistikTotals(Open: 3, Ny: 2, Kvarstar: 1, Verkstallda: 1, Avslutade: 2, Late: 2, OpenSoL: 2, OpenLss: 1)));
    }

    [Test]
    public void Build_EveryKonCellAtLeastK_ShowsBreakdown()
    {
        var reports = new[]
        {
            Report("K1", "2023-10-01", kon: Kon.K), Report("K2", "2023-10-01", kon: Kon.K), Report("K3", "2023-10-01", kon: Kon.K),
            Report("M1", "2023-10-01", kon: Kon.M), Report("M2", "2023-10-01", kon: Kon.M), Report("M3", "2023-10-01", kon: Kon.M),
            Report("M4", "2023-10-01", kon: Kon.M),
        };

        Assert.That(Build(reports).Kon, Is.EqualTo(new KonFordelning(3, 4)));
    }

    [TestCase(3, 2, 0, false)]
    [TestCase(2, 3, 0, false)]
    [TestCase(3, 3, 0, true)]
    [TestCase(3, 3, 1, false)]
    [TestCase(3, 3, 2, false)]
    [TestCase(3, 3, 3, true)]
    [TestCase(0, 0, 0, false)]
    public void Build_KonCells_BreakdownOnlyWhenEveryCellReachesK(int kvinnor, int man, int unknown, bool shown)
    {
        var reports = Enumerable.Range(0, kvinnor).Select(i => Report($"K{i}", "2023-10-01", kon: Kon.K))
            .Concat(Enumerable.Range(0, man).Select(i => Report($"M{i}", "2023-10-01", kon: Kon.M)))
            .Concat(Enumerable.Range(0, unknown).Select(i => Report($"U{i}", "2023-10-01", kon: null)))
            .ToList();

        var kon = Build(reports).Kon;

        Assert.That(kon, shown ? Is.EqualTo(new KonFordelning(kvinnor, man)) : Is.Null);
    }

    [Test]
    public void Build_SkyddadIdentitet_CountsAsUnknownKon()
    {
        var reports = new[]
        {
            Report("K1", "2023-10-01", kon: Kon.K), Report("K2", "2023-10-01", kon: Kon.K), Report("K3", "2023-10-01", kon: Kon.K),
            Report("M1", "2023-10-01", kon: Kon.M), Report("M2", "2023-10-01", kon: Kon.M), Report("M3", "2023-10-01", kon: Kon.M),
            Report("K4", "2023-10-01", kon: Kon.K, skyddad: true),
        };

        Assert.That(Build(reports).Kon, Is.Null);
    }

    [Test]
    public void Build_ClosingReports_DoNotCountInKonCells()
    {
        var reports = new List<IvoReport>
        {
            Report("K1", "2023-10-01", kon: Kon.K), Report("K2", "2023-10-01", kon: Kon.K), Report("K3", "2023-10-01", kon: Kon.K),
            Report("M1", "2023-10-01", kon: Kon.M), Report("M2", "2023-10-01", kon: Kon.M),
            Report("M3", "2023-10-01", kon: Kon.M, status: ReportStatus.Verkstalld),
        };

        Assert.That(Build(reports).Kon, Is.Null);
    }

    [Test]
    public void Build_CustomK_IsUsed()
    {
        var reports = new[] { Report("K1", "2023-10-01", kon: Kon.K), Report("M1", "2023-10-01", kon: Kon.M) };

        Assert.That(Build(reports, options: new StatistikOptions { MinCellSize = 1 }).Kon, Is.EqualTo(new KonFordelning(1, 1)));
    }

    [Test]
    public void Build_Trend_EarlierQuartersOldestFirstThisQuarterLastLaterIgnored()
    {
        var earlier = new[]
        {
            new TrendPoint("2023Q4", 5),
            new TrendPoint("2024Q2", 9),
            new TrendPoint("2023Q2", 7),
            new TrendPoint("2024Q1", 99),
            new TrendPoint("2022Q4", 4),
            new TrendPoint("inte ett kvartal", 1),
        };
        var reports = new[] { Report("A", "2023-10-01"), Report("B", "2023-10-01", status: ReportStatus.Verkstalld) };

        var trend = Build(reports, earlier).Trend;

        Assert.That(trend, Is.EqualTo(new[]
        {
            new TrendPoint("2022Q4", 4),
            new TrendPoint("2023Q2", 7),
            new TrendPoint("2023Q4", 5),
            new TrendPoint("2024Q1", 1),
        }));
    }

    [Test]
    public void Build_ReportingParagraphs_DistinctAndSortedOverAllReports()
    {
        var reports = new[]
        {
            Report("L1", "2023-10-01", Kontaktperson),
            Report("S1", "2023-10-01"),
            Report("S2", "2023-11-01"),
            Report("N1", "2023-10-01", status: ReportStatus.Verkstalld, beslutsdatum: "2025-08-01"),
        };

        Assert.That(Build(reports).Rapporteringsparagrafer, Is.EqualTo(new[]
        {
            "16 kap. 6 f–h §§ SoL (2001:453)",
            "28 f–h §§ LSS",
            "34 kap. 1–3 §§ SoL (2025:400)",
        }));
    }

    [Test]
    public void Build_Serialized_ContainsNoIdsDatesOrFreeTextOfIndividuals()
    {
        var reports = new[]
        {
            Report("BESLUT-4711", "2023-10-17"),
            Report("BESLUT-4712", "2022-02-03", Kontaktperson, status: ReportStatus.Kvarstar),
        };

        var json = JsonSerializer.Serialize(Build(reports));

        Assert.Multiple(() =>
        {
            Assert.That(json, Does.Not.Contain("BESLUT-47"));
            Assert.That(json, Does.Not.Contain("person-"));
            Assert.That(json, Does.Not.Contain("hemlig-"));
            Assert.That(json, Does.Not.Contain("2023-10-17"));
            Assert.That(json, Does.Not.Contain("2022-02-03"));
            Assert.That(json, Does.Not.Contain("1940"));
        });
    }
}
