namespace EjVerkstallda.Core.Tests.Ivo;

using EjVerkstallda.Core.Ivo;
using static EjVerkstallda.Core.Tests.TestData;
using Kvartal = EjVerkstallda.Core.Kvartal.Kvartal;

/// <summary>IVO's windows per quarter, and the state of a quarter's reports on a day. Expected days worked out by hand.</summary>
[TestFixture]
public sealed class IvoWindowTests
{
    private static readonly IReadOnlyList<(string, string)> Q4ClosesEndOfFebruary =
        [("04-01", "04-30"), ("07-01", "08-31"), ("10-01", "10-31"), ("01-01", "02-29")];

    [TestCase("2024Q1", "2024-04-01", "2024-04-30")]
    [TestCase("2024Q2", "2024-07-01", "2024-08-31")]
    [TestCase("2026Q3", "2026-10-01", "2026-10-31")]
    [TestCase("2026Q4", "2027-01-01", "2027-01-31")]
    public void For_Default2019_LiesAfterTheQuarter(string quarter, string opens, string closes)
    {
        var w = IvoWindow.For(Kvartal.Parse(quarter), IvoWindow.Default2019);
        Assert.That((w.Opens, w.Closes), Is.EqualTo((D(opens), D(closes))));
    }

    // "02-29" is the last day of February: 2027 is a common year, 2028 a leap year.
    [TestCase("2026Q4", "2027-02-28")]
    [TestCase("2027Q4", "2028-02-29")]
    public void For_ClosesFebruary29_IsTheLastDayOfFebruaryInAnyYear(string quarter, string closes)
    {
        var w = IvoWindow.For(Kvartal.Parse(quarter), Q4ClosesEndOfFebruary);
        Assert.That(w.Closes, Is.EqualTo(D(closes)));
    }

    [TestCase("02-29", true)]
    [TestCase("02-30", false)]
    [TestCase("04-31", false)]
    [TestCase("13-01", false)]
    [TestCase("00-10", false)]
    [TestCase("4-30", false)]
    [TestCase("04-30", true)]
    [TestCase("", false)]
    public void IsValidMonthDay_Text_AcceptsOnlyDaysOfSomeYear(string text, bool valid)
    {
        Assert.That(IvoWindow.IsValidMonthDay(text), Is.EqualTo(valid));
    }

    // 2026Q3 closes 2026-10-31; 7 days' reminder: closing from 2026-10-24.
    [TestCase("2026-09-30", 3, "open")]
    [TestCase("2026-10-23", 3, "open")]
    [TestCase("2026-10-24", 3, "closing")]
    [TestCase("2026-10-31", 3, "closing")]
    [TestCase("2026-11-01", 3, "overdue")]
    [TestCase("2027-06-01", 1, "overdue")]
    [TestCase("2026-11-01", 0, "closed")]
    [TestCase("2026-10-31", 0, "closing")]
    public void StatusOn_DayAndUnsubmitted_IsOpenClosingOverdueOrClosed(string today, int unsubmitted, string expected)
    {
        var w = IvoWindow.For(Kvartal.Parse("2026Q3"), IvoWindow.Default2019);
        var s = w.StatusOn(D(today), remindDaysBefore: 7, unsubmitted);
        Assert.That((s.StateCode, s.Closes, s.Unsubmitted), Is.EqualTo((expected, D("2026-10-31"), unsubmitted)));
    }

    [Test]
    public void StatusOn_NoReminderDays_ClosingOnlyOnTheLastDay()
    {
        var w = IvoWindow.For(Kvartal.Parse("2026Q3"), IvoWindow.Default2019);
        Assert.That(w.StatusOn(D("2026-10-30"), 0, 2).State, Is.EqualTo(IvoWindowState.Open));
        Assert.That(w.StatusOn(D("2026-10-31"), 0, 2).State, Is.EqualTo(IvoWindowState.Closing));
    }
}
