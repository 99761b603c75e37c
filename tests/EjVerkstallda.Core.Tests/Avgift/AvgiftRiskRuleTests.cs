using EjVerkstallda.Core.Avgift;
using EjVerkstallda.Core.Beslut;
using EjVerkstallda.Core.Classification;
using static EjVerkstallda.Core.Tests.TestData;

namespace EjVerkstallda.Core.Tests.Avgift;

/// <summary>
/// The särskild avgift risk, worked by hand: whole months from T to E give the band, T plus 24 months the two-year day.
/// Month ends, leap days and the 2025-12-31 / 2026-01-01 change of fee range each have their row.
/// </summary>
[TestFixture]
public sealed class AvgiftRiskRuleTests
{
    internal static IvoReport Open(string id, string beslutsdatum, string? avbrott = null, InsatsDefinition? insats = null, ReportStatus status = ReportStatus.Kvarstar)
    {
        var b = NewBeslut(id, beslutsdatum, insats, avbrott: avbrott);
        var start = D(avbrott ?? beslutsdatum);
        return new IvoReport
        {
            Beslut = b,
            Kind = avbrott is null ? CaseKind.EjVerkstallt : CaseKind.Avbrott,
            Status = status,
            Late = false,
            Lagrum = LagrumText.For(b.Insats, b.Beslutsdatum),
            Start = start,
            Deadline = start.AddMonths(3),
            ClosingDay = status.IsClosing() ? start.AddMonths(4) : null,
            DaysSinceStart = 0,
        };
    }

    // T, E → whole months, band.
    [TestCase("2025-12-31", "2026-03-31", 3, AlderBand.Under6)]
    [TestCase("2025-10-01", "2026-03-31", 5, AlderBand.Under6, Description = "one day short of six months")]
    [TestCase("2025-09-30", "2026-03-31", 6, AlderBand.Fran6)]
    [TestCase("2024-08-31", "2025-02-27", 5, AlderBand.Under6)]
    [TestCase("2024-08-31", "2025-02-28", 6, AlderBand.Fran6, Description = "Aug 31 + 6 months clamps to Feb 28")]
    [TestCase("2023-08-31", "2024-02-29", 6, AlderBand.Fran6, Description = "leap year: Feb 29")]
    [TestCase("2023-08-31", "2024-02-28", 5, AlderBand.Under6)]
    [TestCase("2024-02-29", "2025-02-28", 12, AlderBand.Fran12, Description = "leap day + 12 months clamps to Feb 28")]
    [TestCase("2023-03-01", "2024-02-29", 11, AlderBand.Fran6)]
    [TestCase("2023-02-28", "2024-02-28", 12, AlderBand.Fran12)]
    [TestCase("2023-02-28", "2024-02-27", 11, AlderBand.Fran6)]
    [TestCase("2024-12-31", "2025-12-31", 12, AlderBand.Fran12)]
    [TestCase("2025-01-01", "2025-12-31", 11, AlderBand.Fran6)]
    [TestCase("2024-02-29", "2025-08-28", 17, AlderBand.Fran12)]
    [TestCase("2024-02-29", "2025-08-29", 18, AlderBand.Fran18)]
    [TestCase("2023-12-31", "2025-06-30", 18, AlderBand.Fran18, Description = "Dec 31 + 18 months clamps to Jun 30")]
    [TestCase("2023-12-31", "2025-06-29", 17, AlderBand.Fran12)]
    [TestCase("2019-01-15", "2026-03-31", 86, AlderBand.Fran18)]
    public void Fall_WholeMonthsFromTToE_GiveTheBand(string t, string e, int months, AlderBand band)
    {
        var f = AvgiftRiskRule.Fall(Open("B-1", t), D(e));
        Assert.That((f.Manader, f.Band), Is.EqualTo((months, band)));
    }

    // T, E → two-year day, days left, position.
    [TestCase("2024-03-31", "2026-03-31", "2026-03-31", 0, TvaArsLage.NarmarSig, Description = "on the two-year day: still near, not past")]
    [TestCase("2024-03-31", "2026-04-01", "2026-03-31", -1, TvaArsLage.Passerad)]
    [TestCase("2024-02-29", "2026-02-28", "2026-02-28", 0, TvaArsLage.NarmarSig, Description = "leap day + 2 years is Feb 28")]
    [TestCase("2024-02-29", "2026-03-01", "2026-02-28", -1, TvaArsLage.Passerad)]
    [TestCase("2024-03-31", "2025-09-30", "2026-03-31", 182, TvaArsLage.NarmarSig, Description = "18 months: six months before")]
    [TestCase("2024-04-01", "2025-09-30", "2026-04-01", 183, TvaArsLage.Inom, Description = "17 months: not yet")]
    [TestCase("2024-06-30", "2025-12-31", "2026-06-30", 181, TvaArsLage.NarmarSig)]
    [TestCase("2023-12-31", "2025-12-31", "2025-12-31", 0, TvaArsLage.NarmarSig)]
    [TestCase("2023-12-30", "2025-12-31", "2025-12-30", -1, TvaArsLage.Passerad)]
    [TestCase("2022-01-01", "2026-03-31", "2024-01-01", -820, TvaArsLage.Passerad)]
    public void Fall_TwoYearDay_IsTPlus24MonthsAndPastOnlyAfterIt(string t, string e, string tvaAr, int dagar, TvaArsLage lage)
    {
        var f = AvgiftRiskRule.Fall(Open("B-1", t), D(e));
        Assert.That((f.TvaArsdag, f.DagarTillTvaAr, f.Lage), Is.EqualTo((D(tvaAr), dagar, lage)));
    }

    [Test]
    public void Fall_Avbrott_CountsFromTheAvbrottsdatumButTakesTheFeeRangeOfTheBeslutsdatum()
    {
        var f = AvgiftRiskRule.Fall(Open("B-1", "2025-12-31", avbrott: "2026-01-15"), D("2026-09-30"));
        Assert.That((f.Start, f.Manader, f.TvaArsdag, f.Kind), Is.EqualTo((D("2026-01-15"), 8, D("2028-01-15"), CaseKind.Avbrott)));
        Assert.That(f.Avgift.LagstKr, Is.EqualTo(10_000), "the beslut is from 2025: the lower range");
    }

    [Test]
    public void Assess_CountsOpenReportsOnly_ByBand_AndListsNearAndPastTwoYears()
    {
        var reports = new[]
        {
            Open("B-NY", "2025-12-01", status: ReportStatus.Ny),        // 3 months
            Open("B-6", "2025-09-30"),                                  // 6
            Open("B-12", "2025-03-31"),                                 // 12
            Open("B-18", "2024-09-30"),                                 // 18, near
            Open("B-24", "2024-03-30"),                                 // 24, past (2026-03-30 < E)
            Open("B-V", "2023-01-01", status: ReportStatus.Verkstalld), // closing: not open
            Open("B-A", "2023-01-01", status: ReportStatus.Avslutad),   // closing: not open
        };
        var risk = AvgiftRiskRule.Assess(reports, D("2026-03-31"));
        Assert.That(risk.Band.Select(b => (b.Band, b.Antal)), Is.EqualTo(new[]
        {
            (AlderBand.Under6, 1), (AlderBand.Fran6, 1), (AlderBand.Fran12, 1), (AlderBand.Fran18, 2),
        }));
        Assert.That(risk.Oppna, Is.EqualTo(5));
        Assert.That(risk.NaraTvaAr.Select(f => (f.BeslutId, f.Lage)), Is.EqualTo(new[] { ("B-24", TvaArsLage.Passerad), ("B-18", TvaArsLage.NarmarSig) }),
            "oldest first");
        Assert.That((risk.Antal(TvaArsLage.NarmarSig), risk.Antal(TvaArsLage.Passerad)), Is.EqualTo((1, 1)));
    }

    [Test]
    public void Assess_NoReports_GivesEveryBandWithZero()
    {
        var risk = AvgiftRiskRule.Assess([], D("2026-03-31"));
        Assert.That(risk.Band.Select(b => b.Antal), Is.EqualTo(new[] { 0, 0, 0, 0 }));
        Assert.That(risk.NaraTvaAr, Is.Empty);
    }

    /// <summary>Independent check: the band from counting months one by one, and "past" from AddYears(2), for every T in four years.</summary>
    [TestCase("2026-03-31")]
    [TestCase("2025-12-31")]
    [TestCase("2024-02-29")]
    [TestCase("2026-02-28")]
    public void Fall_EveryStartDayOverFourYears_AgreesWithCountingMonthByMonth(string e)
    {
        var asOf = D(e);
        for (var t = asOf.AddYears(-4); t <= asOf.AddMonths(-3); t = t.AddDays(1))
        {
            var months = 0;
            while (t.AddMonths(months + 1) <= asOf) months++;
            var f = AvgiftRiskRule.Fall(Open("B", t.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)), asOf);
            var past = t.AddYears(2) < asOf;
            var expected = past ? TvaArsLage.Passerad : months >= 18 ? TvaArsLage.NarmarSig : TvaArsLage.Inom;
            Assert.That((f.Manader, f.Lage, f.TvaArsdag), Is.EqualTo((months, expected, t.AddYears(2))), $"T {t:yyyy-MM-dd}");
            Assert.That(f.Band, Is.EqualTo(months >= 18 ? AlderBand.Fran18 : months >= 12 ? AlderBand.Fran12 : months >= 6 ? AlderBand.Fran6 : AlderBand.Under6));
        }
    }
}
