namespace EjVerkstallda.Core.Tests.Statistik;

using System.Text.Json;
using EjVerkstallda.Core.Beslut;
using EjVerkstallda.Core.Classification;
using EjVerkstallda.Core.Kvartal;
using EjVerkstallda.Core.Statistik;
using static EjVerkstallda.Core.Tests.TestData;
using Kvartal = EjVerkstallda.Core.Kvartal.Kvartal;

/// <summary>
/// Issue 12, the exact pair of quarters: 2024Q1 shows 3 K / 3 M; 2024Q2 adds one new Kontaktfamilj case (a boy) whose catalogue
/// text names a family. Built as the runner builds them: Q2 is compared with Q1's published breakdown.
/// </summary>
[TestFixture]
public sealed class StatistikDifferencingTests
{
    private const string Leaky = "Kontaktfamilj hos familjen Andersson på Storgatan 5";
    private static readonly InsatsDefinition Kfam = new("KFAM", Leaky, Lag.SoL, LagrumCodes.Bistand);
    private static readonly StatistikOptions Options = new()
    {
        InsatsNamn = new Dictionary<string, string>(StringComparer.Ordinal) { ["SABO"] = "Särskilt boende" },
    };

    private static IvoReport Open(string id, InsatsDefinition insats, Kon kon, string start, ReportStatus status)
    {
        var b = NewBeslut(id, start, insats, kon: kon, person: "person-" + id);
        return new IvoReport
        {
            Beslut = b, Kind = CaseKind.EjVerkstallt, Status = status, Late = false, Lagrum = LagrumText.For(b.Insats, b.Beslutsdatum),
            Start = D(start), Deadline = Frist.Deadline(D(start)), DaysSinceStart = 100,
        };
    }

    private static List<IvoReport> Six(ReportStatus status) =>
        new[] { Kon.K, Kon.K, Kon.K, Kon.M, Kon.M, Kon.M }.Select((k, i) => Open($"S{i}", Sabo, k, "2023-10-01", status)).ToList();

    private static StatistikRapport Q1() => StatistikBuilder.Build(Kvartal.Parse("2024Q1"), "sn", "Socialnämnden", Six(ReportStatus.Ny), [], Options);

    private static StatistikRapport Q2(PublishedKon? previous) => StatistikBuilder.Build(Kvartal.Parse("2024Q2"), "sn", "Socialnämnden",
        [.. Six(ReportStatus.Kvarstar), Open("F1", Kfam, Kon.M, "2024-01-15", ReportStatus.Ny)], [new TrendPoint("2024Q1", 6)], Options, previous is null ? null : [previous]);

    [Test]
    public void Build_Q1_ShowsTheBreakdown()
    {
        Assert.That(Q1().Kon, Is.EqualTo(new KonFordelning(3, 3)));
    }

    [Test]
    public void Build_Q2AfterPublishedQ1_LeavesTheBreakdownOutBecauseTheChangeIsOnePerson()
    {
        var q2 = Q2(PublishedKon.Of(Q1()));
        Assert.Multiple(() =>
        {
            Assert.That(q2.Kon, Is.Null, "3 K / 4 M after 3 K / 3 M names the new case's kön");
            Assert.That(q2.KonUtelamnad, Is.EqualTo(KonRule.LitenForandring));
            Assert.That(q2.KonJamfordMed, Is.EqualTo("2024Q1"));
        });
    }

    [Test]
    public void Build_Q2WithoutAPublishedBreakdownBefore_ShowsIt()
    {
        Assert.That(Q2(previous: null).Kon, Is.EqualTo(new KonFordelning(3, 4)), "the rule looks only at published breakdowns");
    }

    [Test]
    public void Build_Q2_PrintsTheUnapprovedInsatsUnderTheNeutralHeadingLast()
    {
        var q2 = Q2(PublishedKon.Of(Q1()));
        Assert.That(q2.Sektioner[0].Rader.Select(r => (r.Insats, r.Antal)), Is.EqualTo(new[] { ("Särskilt boende", 6), ("Övriga insatser enligt SoL", 1) }));
        Assert.That(JsonSerializer.Serialize(q2), Does.Not.Contain("Andersson"));
    }
}
