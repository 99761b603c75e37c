namespace EjVerkstallda.Core.Tests.Kvartal;

using EjVerkstallda.Core.Kvartal;
using static EjVerkstallda.Core.Tests.TestData;
using Kvartal = EjVerkstallda.Core.Kvartal.Kvartal;

/// <summary>
/// Which quarters the service owes, from the ledger alone. A quarter is due once today is after its last day E plus the
/// delay (E + delay &lt; today). Expected values worked out by hand from the quarter ends.
/// </summary>
[TestFixture]
public sealed class CatchUpTests
{
    // 2026Q4 ends 2026-12-31; with 5 days' delay it is due from 2027-01-06.
    [TestCase("2027-01-05", 5, "2026Q3")]
    [TestCase("2027-01-06", 5, "2026Q4")]
    [TestCase("2027-01-10", 5, "2026Q4")]
    // The first days of a quarter: the one just ended is not due yet, the one before is.
    [TestCase("2027-01-01", 5, "2026Q3")]
    [TestCase("2026-12-31", 5, "2026Q3")]
    // No delay: due the day after E.
    [TestCase("2026-12-31", 0, "2026Q3")]
    [TestCase("2027-01-01", 0, "2026Q4")]
    [TestCase("2026-10-01", 0, "2026Q3")]
    [TestCase("2026-09-30", 0, "2026Q2")]
    // Q2 ends 30 June, Q3 30 September: 2026-06-30 + 5 = 2026-07-05.
    [TestCase("2026-07-05", 5, "2026Q1")]
    [TestCase("2026-07-06", 5, "2026Q2")]
    [TestCase("2026-10-06", 5, "2026Q3")]
    // Q1 ends 31 March: 2027-03-31 + 5 = 2027-04-05.
    [TestCase("2027-04-05", 5, "2026Q4")]
    [TestCase("2027-04-10", 5, "2027Q1")]
    // A delay longer than a month: 2026-12-31 + 40 = 2027-02-09.
    [TestCase("2027-02-09", 40, "2026Q3")]
    [TestCase("2027-02-10", 40, "2026Q4")]
    // A delay longer than a quarter reaches back over the year: 2026-12-31 + 100 = 2027-04-10, 2026-09-30 + 100 = 2027-01-08.
    [TestCase("2027-04-05", 100, "2026Q3")]
    [TestCase("2027-04-10", 100, "2026Q3")]
    [TestCase("2027-04-11", 100, "2026Q4")]
    [TestCase("2027-01-08", 100, "2026Q2")]
    [TestCase("2027-01-09", 100, "2026Q3")]
    // Leap year: 2023-12-31 + 60 = 2024-02-29; in a common year 2024-12-31 + 60 = 2025-03-01.
    [TestCase("2024-02-29", 60, "2023Q3")]
    [TestCase("2024-03-01", 60, "2023Q4")]
    [TestCase("2025-03-01", 60, "2024Q3")]
    [TestCase("2025-03-02", 60, "2024Q4")]
    public void LatestDue_DateAndDelay_IsTheLastQuarterWhoseEndPlusDelayHasPassed(string today, int delay, string expected)
    {
        Assert.That(CatchUp.LatestDue(D(today), delay)?.ToString(), Is.EqualTo(expected));
    }

    // Nothing completed, no first quarter: only the latest due one (the service does not invent history).
    [TestCase("2027-01-10", 5, "", null, "2026Q4")]
    [TestCase("2027-01-05", 5, "", null, "2026Q3")]
    // Nothing completed, a first quarter: from it up to the latest due, oldest first.
    [TestCase("2027-01-10", 5, "", "2026Q2", "2026Q2,2026Q3,2026Q4")]
    [TestCase("2027-01-05", 5, "", "2026Q2", "2026Q2,2026Q3")]
    [TestCase("2027-01-10", 5, "", "2026Q4", "2026Q4")]
    // A first quarter that is not due yet: nothing.
    [TestCase("2027-01-10", 5, "", "2027Q1", "")]
    [TestCase("2027-01-05", 5, "", "2026Q4", "")]
    // Up to date: nothing.
    [TestCase("2027-01-10", 5, "2026Q4", null, "")]
    [TestCase("2027-01-10", 5, "2026Q2,2026Q3,2026Q4", "2026Q2", "")]
    [TestCase("2027-04-05", 5, "2026Q4", null, "")]
    // Down over one quarter end: the quarter after the last completed one.
    [TestCase("2027-01-10", 5, "2026Q3", null, "2026Q4")]
    [TestCase("2027-04-10", 5, "2026Q4", null, "2027Q1")]
    // Down over two and over five quarter ends (across the year): each owed quarter once, oldest first.
    [TestCase("2027-01-10", 5, "2026Q2", null, "2026Q3,2026Q4")]
    [TestCase("2027-01-10", 5, "2025Q3", null, "2025Q4,2026Q1,2026Q2,2026Q3,2026Q4")]
    // A gap before the latest completed quarter is not filled (it was decided by hand, or before the service).
    [TestCase("2027-01-10", 5, "2026Q2,2026Q4", "2026Q1", "")]
    [TestCase("2027-04-10", 5, "2026Q1,2026Q4", "2026Q1", "2027Q1")]
    [TestCase("2027-01-10", 5, "2026Q3", "2026Q1", "2026Q4")]
    // A quarter completed by hand (ahead of the service) is not run again.
    [TestCase("2027-04-10", 5, "2027Q1", null, "")]
    [TestCase("2027-04-10", 5, "2027Q1", "2026Q2", "")]
    [TestCase("2027-04-05", 5, "2027Q1", null, "")]
    // A first quarter after everything completed (moved forward in the configuration): start there, not earlier.
    [TestCase("2027-01-10", 5, "2025Q4", "2026Q3", "2026Q3,2026Q4")]
    // Year boundaries: Q4 is owed in January, Q1 of the next year only after 5 April.
    [TestCase("2027-01-06", 5, "2026Q3", null, "2026Q4")]
    [TestCase("2027-01-05", 5, "2026Q3", null, "")]
    [TestCase("2028-01-10", 5, "2026Q4", null, "2027Q1,2027Q2,2027Q3,2027Q4")]
    [TestCase("2027-02-10", 40, "2026Q3", null, "2026Q4")]
    [TestCase("2027-02-09", 40, "2026Q3", null, "")]
    public void DueQuarters_LedgerAndDate_AreTheOwedQuartersOldestFirst(string today, int delay, string completed, string? first, string expected)
    {
        var due = CatchUp.DueQuarters(D(today), delay, Quarters(completed), first is null ? null : Kvartal.Parse(first));

        Assert.That(string.Join(",", due), Is.EqualTo(expected));
    }

    // A quarter completed in error before it ended (a wrong clock, ejv run of the current or a future quarter) does not
    // block the real ones: it is ignored until its end has passed, then the catch-up resumes from the real ones.
    [TestCase("2027-01-10", 5, "2026Q3,2099Q4", null, "2026Q4")]
    [TestCase("2026-12-01", 5, "2026Q2,2026Q4", null, "2026Q3")]
    [TestCase("2027-01-10", 5, "2029Q4", null, "2026Q4")]
    [TestCase("2027-01-10", 5, "2026Q1,2027Q1,2027Q2", "2026Q1", "2026Q2,2026Q3,2026Q4")]
    // The day of E itself: the quarter has not ended yet (today <= E).
    [TestCase("2026-12-31", 0, "2026Q2,2026Q4", null, "2026Q3")]
    public void DueQuarters_CompletedQuarterNotYetEnded_IsIgnored(string today, int delay, string completed, string? first, string expected)
    {
        var due = CatchUp.DueQuarters(D(today), delay, Quarters(completed), first is null ? null : Kvartal.Parse(first));

        Assert.That(string.Join(",", due), Is.EqualTo(expected));
    }

    [TestCase("2026-12-01", "2026Q4", false)]
    [TestCase("2026-12-31", "2026Q4", false)]
    [TestCase("2027-01-01", "2026Q4", true)]
    [TestCase("2026-12-01", "2099Q4", false)]
    [TestCase("2026-12-01", "2026Q3", true)]
    public void HasEnded_Today_IsTrueOnlyAfterTheReportingDay(string today, string quarter, bool ended)
    {
        Assert.That(Kvartal.Parse(quarter).HasEnded(D(today)), Is.EqualTo(ended));
    }

    [Test]
    public void DueQuarters_ServiceDownOverQuarterEnds_CatchesUpOnceThenNothing()
    {
        var completed = Quarters("2026Q1").ToList();
        var today = D("2027-01-10");

        var due = CatchUp.DueQuarters(today, 5, completed, null);
        completed.AddRange(due); // the service runs each and the ledger records it

        Assert.That(due.Select(q => q.ToString()), Is.EqualTo(new[] { "2026Q2", "2026Q3", "2026Q4" }));
        Assert.That(CatchUp.DueQuarters(today, 5, completed, null), Is.Empty, "the next poll on the same day");
        Assert.That(CatchUp.DueQuarters(D("2027-04-05"), 5, completed, null), Is.Empty, "Q1 not due before its delay has passed");
        Assert.That(CatchUp.DueQuarters(D("2027-04-06"), 5, completed, null).Select(q => q.ToString()), Is.EqualTo(new[] { "2027Q1" }));
    }

    [Test]
    public void DueQuarters_ServiceStoppedHalfwayThroughCatchUp_ContinuesWithTheNextQuarter()
    {
        var first = Kvartal.Parse("2026Q2");

        var due = CatchUp.DueQuarters(D("2027-01-10"), 5, Quarters("2026Q2"), first);

        Assert.That(string.Join(",", due), Is.EqualTo("2026Q3,2026Q4"));
    }

    private static IReadOnlyCollection<Kvartal> Quarters(string list) =>
        list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Kvartal.Parse).ToList();
}
