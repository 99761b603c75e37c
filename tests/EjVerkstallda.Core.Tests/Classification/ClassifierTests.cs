namespace EjVerkstallda.Core.Tests.Classification;

using EjVerkstallda.Core.Beslut;
using EjVerkstallda.Core.Classification;
using static EjVerkstallda.Core.Tests.TestData;
using Beslut = EjVerkstallda.Core.Beslut.Beslut;
using Kvartal = EjVerkstallda.Core.Kvartal.Kvartal;

/// <summary>
/// CONTRACT.md section 3. In 2024Q1: S = 2024-01-01, E = 2024-03-31, E' = 2023-12-31.
/// In 2024Q2: S = 2024-04-01, E = 2024-06-30, E' = 2024-03-31. Expectations are worked out by hand from those days.
/// </summary>
[TestFixture]
public sealed partial class ClassifierTests
{
    private static readonly PriorReport ReportedOpen = new(Reported: true, Closed: false);
    private static readonly PriorReport ReportedClosed = new(Reported: true, Closed: true);

    private static ClassificationResult Classify(string quarter, params Beslut[] beslut) =>
        Classifier.Classify(Kvartal.Parse(quarter), beslut, _ => PriorReport.None);

    private static ClassificationResult Classify(string quarter, PriorReport prior, params Beslut[] beslut) =>
        Classifier.Classify(Kvartal.Parse(quarter), beslut, _ => prior);

    private static IvoReport Single(ClassificationResult result)
    {
        Assert.That(result.Reports, Has.Count.EqualTo(1));
        return result.Reports[0];
    }

    [Test]
    public void Classify_OpenPastDeadline_IsNy()
    {
        var r = Single(Classify("2024Q1", NewBeslut("B1", "2023-12-01")));

        Assert.Multiple(() =>
        {
            Assert.That(r.Status, Is.EqualTo(ReportStatus.Ny));
            Assert.That(r.Kind, Is.EqualTo(CaseKind.EjVerkstallt));
            Assert.That(r.Late, Is.False);
            Assert.That(r.Start, Is.EqualTo(D("2023-12-01")));
            Assert.That(r.Deadline, Is.EqualTo(D("2024-03-01")));
            Assert.That(r.ClosingDay, Is.Null);
            Assert.That(r.Verkstallighetsdatum, Is.Null);
            Assert.That(r.Avslutsdatum, Is.Null);
            Assert.That(r.Avslutsorsak, Is.Null);
            Assert.That(r.IsOpen, Is.True);
            Assert.That(r.DaysSinceStart, Is.EqualTo(121));
            Assert.That(r.Key, Is.EqualTo(new CaseKey("B1", CaseKind.EjVerkstallt)));
            Assert.That(r.Lag, Is.EqualTo(Lag.SoL));
            Assert.That(r.Lagrum, Is.EqualTo("4 kap. 1 § SoL (2001:453)"));
        });
    }

    [Test]
    public void Classify_ContractExample_MatchesTheDocumentedEntry()
    {
        var r = Single(Classify("2024Q1", NewBeslut("B-1001", "2023-11-30")));

        Assert.Multiple(() =>
        {
            Assert.That(r.Status, Is.EqualTo(ReportStatus.Ny));
            Assert.That(r.Deadline, Is.EqualTo(D("2024-02-29")));
            Assert.That(r.DaysSinceStart, Is.EqualTo(122));
            Assert.That(r.Late, Is.False);
        });
    }

    [TestCase("2023-12-31", false)] // D = 2024-03-31 = E: not yet late
    [TestCase("2023-12-30", true)]  // D = 2024-03-30 = E - 1
    [TestCase("2024-01-15", false)]
    [TestCase("2024-03-31", false)]
    [TestCase("2023-11-30", true)]
    public void Classify_DeadlineAroundE_ReportableOnlyWhenDeadlineBeforeE(string beslutsdatum, bool reported)
    {
        var result = Classify("2024Q1", NewBeslut("B1", beslutsdatum));

        Assert.That(result.Reports, Has.Count.EqualTo(reported ? 1 : 0));
    }

    [TestCase("2024-03-01", false)] // on D: in time
    [TestCase("2024-02-15", false)]
    [TestCase("2023-12-01", false)]
    [TestCase("2024-03-02", true)]  // D + 1: late, closed in the quarter it became reportable
    [TestCase("2024-03-31", true)]  // on E
    public void Classify_VerkstalldAroundDeadline_ReportedOnlyWhenAfterD(string verkst, bool reported)
    {
        var result = Classify("2024Q1", NewBeslut("B1", "2023-12-01", verkst: verkst));

        Assert.That(result.Reports, Has.Count.EqualTo(reported ? 1 : 0));
        if (reported)
        {
            var r = result.Reports[0];
            Assert.Multiple(() =>
            {
                Assert.That(r.Status, Is.EqualTo(ReportStatus.Verkstalld));
                Assert.That(r.Verkstallighetsdatum, Is.EqualTo(D(verkst)));
                Assert.That(r.ClosingDay, Is.EqualTo(D(verkst)));
                Assert.That(r.IsOpen, Is.False);
            });
        }
    }

    [Test]
    public void Classify_VerkstalldDayAfterDeadline_CountsDaysToClosing()
    {
        var r = Single(Classify("2024Q1", NewBeslut("B1", "2023-12-01", verkst: "2024-03-02")));

        Assert.That(r.DaysSinceStart, Is.EqualTo(92));
    }

    [TestCase("2024-03-15", Avslutsorsak.Avliden)]
    [TestCase("2024-03-02", Avslutsorsak.Aterkallad)]
    [TestCase("2024-03-31", Avslutsorsak.Flyttat)]
    public void Classify_AvslutatAfterDeadline_IsAvslutadWithDateAndReason(string avslut, Avslutsorsak orsak)
    {
        var r = Single(Classify("2024Q1", NewBeslut("B1", "2023-12-01", avslut: avslut, orsak: orsak)));

        Assert.Multiple(() =>
        {
            Assert.That(r.Status, Is.EqualTo(ReportStatus.Avslutad));
            Assert.That(r.Avslutsdatum, Is.EqualTo(D(avslut)));
            Assert.That(r.Avslutsorsak, Is.EqualTo(orsak));
            Assert.That(r.Verkstallighetsdatum, Is.Null);
            Assert.That(r.DaysSinceStart, Is.EqualTo(D(avslut).DayNumber - D("2023-12-01").DayNumber));
        });
    }

    [Test]
    public void Classify_AvslutatOnDeadline_IsInTime()
    {
        Assert.That(Classify("2024Q1", NewBeslut("B1", "2023-12-01", avslut: "2024-03-01")).Reports, Is.Empty);
    }

    [Test]
    public void Classify_VerkstalldAndAvslutatSameDay_IsVerkstalld()
    {
        var r = Single(Classify("2024Q1", NewBeslut("B1", "2023-12-01", verkst: "2024-03-10", avslut: "2024-03-10")));

        Assert.Multiple(() =>
        {
            Assert.That(r.Status, Is.EqualTo(ReportStatus.Verkstalld));
            Assert.That(r.Verkstallighetsdatum, Is.EqualTo(D("2024-03-10")));
            Assert.That(r.Avslutsdatum, Is.Null);
        });
    }

    [TestCase("2024-03-20", "2024-03-10", ReportStatus.Avslutad, "2024-03-10")]
    [TestCase("2024-03-10", "2024-03-20", ReportStatus.Verkstalld, "2024-03-10")]
    [TestCase("2024-04-10", "2024-03-20", ReportStatus.Avslutad, "2024-03-20")]
    [TestCase("2024-03-20", "2024-04-10", ReportStatus.Verkstalld, "2024-03-20")]
    public void Classify_BothClosingDates_EarliestOnOrBeforeEWins(string verkst, string avslut, ReportStatus status, string closing)
    {
        var r = Single(Classify("2024Q1", NewBeslut("B1", "2023-12-01", verkst: verkst, avslut: avslut)));

        Assert.Multiple(() =>
        {
            Assert.That(r.Status, Is.EqualTo(status));
            Assert.That(r.ClosingDay, Is.EqualTo(D(closing)));
        });
    }

    [Test]
    public void Classify_ReportedEarlierStillOpen_IsKvarstarAndNotLate()
    {
        var r = Single(Classify("2024Q2", ReportedOpen, NewBeslut("B1", "2023-12-01")));

        Assert.Multiple(() =>
        {
            Assert.That(r.Status, Is.EqualTo(ReportStatus.Kvarstar));
            Assert.That(r.Late, Is.False);
            Assert.That(r.DaysSinceStart, Is.EqualTo(D("2024-06-30").DayNumber - D("2023-12-01").DayNumber));
        });
    }

    [Test]
    public void Classify_ClosedBeforeSAndNeverReported_IsNotReported()
    {
        var result = Classify("2024Q2", NewBeslut("B1", "2023-12-01", verkst: "2024-03-20"));

        Assert.That(result.Reports, Is.Empty);
    }

    [TestCase("2024-03-20", null, ReportStatus.Verkstalld)]
    [TestCase(null, "2024-03-20", ReportStatus.Avslutad)]
    public void Classify_ClosedInSkippedQuarterButReportedEarlier_OwesClosingReport(string? verkst, string? avslut, ReportStatus status)
    {
        var r = Single(Classify("2024Q3", ReportedOpen, NewBeslut("B1", "2023-12-01", verkst: verkst, avslut: avslut)));

        Assert.Multiple(() =>
        {
            Assert.That(r.Status, Is.EqualTo(status));
            Assert.That(r.ClosingDay, Is.EqualTo(D("2024-03-20")));
            Assert.That(r.Late, Is.False);
        });
    }

    [TestCase(null)]
    [TestCase("2024-05-10")]
    [TestCase("2023-12-02")]
    public void Classify_PriorClosingReport_NeverAgain(string? verkst)
    {
        Assert.That(Classify("2024Q2", ReportedClosed, NewBeslut("B1", "2023-12-01", verkst: verkst)).Reports, Is.Empty);
    }

    [Test]
    public void Classify_TackatNej_DoesNotClose()
    {
        var b = NewBeslut("B1", "2023-12-01", tackatNej: true) with { Erbjudandedatum = D("2024-01-10") };

        var r = Single(Classify("2024Q1", b));

        Assert.Multiple(() =>
        {
            Assert.That(r.Status, Is.EqualTo(ReportStatus.Ny));
            Assert.That(r.IsOpen, Is.True);
        });
    }

    [Test]
    public void Classify_Utover_IsNeverReported()
    {
        var b = NewBeslut("B1", "2023-01-01", insats: Utover, verkst: "2023-06-01", avbrott: "2023-07-01");

        Assert.Multiple(() =>
        {
            Assert.That(Classify("2024Q1", b).Reports, Is.Empty);
            Assert.That(Classify("2024Q1", ReportedOpen, b).Reports, Is.Empty);
        });
    }

    [TestCase("2024-04-01", null)]
    [TestCase(null, "2024-04-01")]
    [TestCase("2024-06-15", "2024-05-15")]
    public void Classify_ClosingAfterE_IsNotYetHappened(string? verkst, string? avslut)
    {
        var r = Single(Classify("2024Q1", NewBeslut("B1", "2023-12-01", verkst: verkst, avslut: avslut)));

        Assert.Multiple(() =>
        {
            Assert.That(r.Status, Is.EqualTo(ReportStatus.Ny));
            Assert.That(r.ClosingDay, Is.Null);
            Assert.That(r.DaysSinceStart, Is.EqualTo(121));
        });
    }

    [Test]
    public void Classify_PastQuarterRerunWithLaterData_GivesSameReports()
    {
        var then = NewBeslut("B1", "2023-12-01");
        var now = then with { Verkstallighetsdatum = D("2024-05-02"), Avbrottsdatum = D("2024-06-01") };

        var before = Classify("2024Q1", then).Reports;
        var after = Classify("2024Q1", now).Reports;

        Assert.That(
            after.Select(r => (r.Kind, r.Status, r.ClosingDay, r.DaysSinceStart)),
            Is.EqualTo(before.Select(r => (r.Kind, r.Status, r.ClosingDay, r.DaysSinceStart))));
    }

    [Test]
    public void Classify_ReportedEarlierNowClosedWithinDeadline_GivesClosingReportAndWarning()
    {
        var result = Classify("2024Q2", ReportedOpen, NewBeslut("B1", "2023-12-01", verkst: "2024-02-15"));

        var r = Single(result);
        Assert.Multiple(() =>
        {
            Assert.That(r.Status, Is.EqualTo(ReportStatus.Verkstalld));
            Assert.That(r.Verkstallighetsdatum, Is.EqualTo(D("2024-02-15")));
            Assert.That(result.Notes, Has.Count.EqualTo(1));
            Assert.That(result.Notes[0].BeslutId, Is.EqualTo("B1"));
            Assert.That(result.Notes[0].Excluded, Is.False);
        });
    }

    [Test]
    public void Classify_NeverReportedClosedWithinDeadline_GivesNothingAndNoWarning()
    {
        var result = Classify("2024Q2", NewBeslut("B1", "2023-12-01", verkst: "2024-02-15"));

        Assert.Multiple(() =>
        {
            Assert.That(result.Reports, Is.Empty);
            Assert.That(result.Notes, Is.Empty);
        });
    }

    [Test]
    public void Classify_ManyBeslut_OrderedByLagInsatsBeslutsdatumId()
    {
        var beslut = new[]
        {
            NewBeslut("L2", "2023-10-01", insats: Kontaktperson),
            NewBeslut("S3", "2023-11-01", insats: Sabo),
            NewBeslut("L1", "2023-11-01", insats: Daglig),
            NewBeslut("S2", "2023-10-01", insats: Sabo),
            NewBeslut("H1", "2023-12-01", insats: Hemtjanst),
            NewBeslut("S1", "2023-11-01", insats: Sabo),
            NewBeslut("L0", "2023-09-01", insats: Kontaktperson),
        };

        var ids = Classify("2024Q1", beslut).Reports.Select(r => r.Beslut.Id);

        // SoL: Hemtjänst < Särskilt boende (S2 oldest, then S1 and S3 on the same day by id); LSS: Daglig < Kontaktperson.
        Assert.That(ids, Is.EqualTo(new[] { "H1", "S2", "S1", "S3", "L1", "L0", "L2" }));
    }

    [Test]
    public void Classify_LssBeslut_PrintsLssLagrum()
    {
        var r = Single(Classify("2024Q1", NewBeslut("L1", "2023-11-01", insats: Bostad)));

        Assert.Multiple(() =>
        {
            Assert.That(r.Lag, Is.EqualTo(Lag.LSS));
            Assert.That(r.Lagrum, Is.EqualTo("9 § 9 LSS"));
        });
    }

    [TestCase("2025-06-30", false, "4 kap. 1 § SoL (2001:453)")]
    [TestCase("2025-07-01", false, "11 kap. 1 § SoL (2025:400)")]
    [TestCase("2025-06-30", true, "11 kap. 1 § SoL (2025:400)")]
    public void Classify_SolLagrum_FollowsBeslutsdatumAndOption(string beslutsdatum, bool labelOldAsNew, string expected)
    {
        var options = new ClassificationOptions { LabelOldSolAsNew = labelOldAsNew };

        var result = Classifier.Classify(Kvartal.Parse("2025Q4"), [NewBeslut("B1", beslutsdatum)], _ => PriorReport.None, options);

        Assert.That(Single(result).Lagrum, Is.EqualTo(expected));
    }

    [Test]
    public void Classify_AvbrottOfNewLawBeslut_UsesLagrumOfBeslutsdatum()
    {
        var b = NewBeslut("B1", "2025-06-30", insats: Ekbist, verkst: "2025-07-01", avbrott: "2025-08-01");

        var r = Single(Classify("2025Q4", b));

        Assert.Multiple(() =>
        {
            Assert.That(r.Kind, Is.EqualTo(CaseKind.Avbrott));
            Assert.That(r.Lagrum, Is.EqualTo("4 kap. 1 § SoL (2001:453)"));
        });
    }

    [Test]
    public void Classify_PriorLookup_AsksPerCaseKey()
    {
        var asked = new List<CaseKey>();
        var b = NewBeslut("B1", "2023-01-10", verkst: "2023-02-01", avbrott: "2023-12-15");

        Classifier.Classify(Kvartal.Parse("2024Q1"), [b], k => { asked.Add(k); return PriorReport.None; });

        Assert.That(asked, Does.Contain(new CaseKey("B1", CaseKind.Avbrott, new DateOnly(2023, 12, 15))));
    }

    [Test]
    public void Classify_SecondAvbrottAfterFirstWasClosed_IsReportedAsANewCase()
    {
        // The first avbrott (2023-03-01) was reported and closed earlier; the view now shows a later one.
        var b = NewBeslut("B1", "2022-01-10", verkst: "2022-02-01", avbrott: "2023-12-15");
        var closedFirst = new CaseKey("B1", CaseKind.Avbrott, new DateOnly(2023, 3, 1));

        var reports = Classifier.Classify(Kvartal.Parse("2024Q1"), [b], k => k == closedFirst ? new PriorReport(true, true) : PriorReport.None).Reports;

        Assert.That(reports.Select(r => (r.Kind, r.Status, r.Start)), Is.EqualTo(new[] { (CaseKind.Avbrott, ReportStatus.Ny, new DateOnly(2023, 12, 15)) }));
    }

    [Test]
    public void Classify_NoBeslut_GivesNothing()
    {
        var result = Classify("2024Q1");

        Assert.Multiple(() =>
        {
            Assert.That(result.Reports, Is.Empty);
            Assert.That(result.Notes, Is.Empty);
        });
    }

    [Test]
    public void Classify_SkyddadIdentitet_IsStillReported()
    {
        Assert.That(Single(Classify("2024Q1", NewBeslut("B1", "2023-12-01", skyddad: true, kon: null))).Status, Is.EqualTo(ReportStatus.Ny));
    }
}
