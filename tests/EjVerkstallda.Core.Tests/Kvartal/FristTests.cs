namespace EjVerkstallda.Core.Tests.Kvartal;

using EjVerkstallda.Core.Kvartal;
using static EjVerkstallda.Core.Tests.TestData;
using Kvartal = EjVerkstallda.Core.Kvartal.Kvartal;

/// <summary>Month ends and leap years: D = T plus three calendar months, clamped to the target month's last day.</summary>
[TestFixture]
public sealed class FristTests
{
    [TestCase("2023-11-30", "2024-02-29")]
    [TestCase("2023-11-29", "2024-02-29")]
    [TestCase("2023-11-28", "2024-02-28")]
    [TestCase("2024-05-31", "2024-08-31")]
    [TestCase("2022-11-30", "2023-02-28")]
    [TestCase("2022-11-28", "2023-02-28")]
    [TestCase("2024-02-29", "2024-05-29")]
    [TestCase("2023-12-31", "2024-03-31")]
    [TestCase("2023-12-01", "2024-03-01")]
    [TestCase("2024-12-31", "2025-03-31")]
    [TestCase("2024-11-30", "2025-02-28")]
    [TestCase("2024-10-31", "2025-01-31")]
    [TestCase("2024-03-31", "2024-06-30")]
    [TestCase("2024-05-30", "2024-08-30")]
    [TestCase("2024-08-31", "2024-11-30")]
    [TestCase("2024-01-15", "2024-04-15")]
    [TestCase("2099-11-30", "2100-02-28")]
    [TestCase("1999-11-30", "2000-02-29")]
    public void Deadline_Start_IsThreeMonthsLaterClampedToMonthEnd(string start, string expected)
    {
        Assert.That(Frist.Deadline(D(start)), Is.EqualTo(D(expected)));
    }

    [Test]
    public void Deadline_EveryDay2019To2030_MatchesHandWrittenRule()
    {
        for (var t = new DateOnly(2019, 1, 1); t <= new DateOnly(2030, 12, 31); t = t.AddDays(1))
        {
            var month = t.Month + 3;
            var year = t.Year + (month > 12 ? 1 : 0);
            month = (month - 1) % 12 + 1;
            var expected = new DateOnly(year, month, Math.Min(t.Day, DateTime.DaysInMonth(year, month)));
            Assert.That(Frist.Deadline(t), Is.EqualTo(expected), $"start {t:yyyy-MM-dd}");
        }
    }

    [TestCase("2024-03-31", "2023-12-30")]
    [TestCase("2024-06-30", "2024-03-29")]
    [TestCase("2024-09-30", "2024-06-29")]
    [TestCase("2024-12-31", "2024-09-30")]
    [TestCase("2023-06-30", "2023-03-29")]
    [TestCase("2025-03-31", "2024-12-30")]
    public void LatestStartReportableAt_QuarterEnd_IsLastStartWithDeadlineBeforeIt(string e, string expected)
    {
        Assert.That(Frist.LatestStartReportableAt(D(e)), Is.EqualTo(D(expected)));
    }

    [Test]
    public void LatestStartReportableAt_EveryQuarterEnd2019To2030_SplitsStartsExactlyByDeadlineBeforeE()
    {
        for (var k = new Kvartal(2019, 1); k <= new Kvartal(2030, 4); k = k.Next)
        {
            var e = k.ReportingDay;
            var latest = Frist.LatestStartReportableAt(e);
            for (var t = e.AddMonths(-8); t <= e; t = t.AddDays(1))
            {
                var reportable = Frist.Deadline(t) < e;
                Assert.That(reportable, Is.EqualTo(t <= latest), $"E {e:yyyy-MM-dd}, start {t:yyyy-MM-dd}");
            }
        }
    }

    [TestCase("2024-02-29")]
    [TestCase("2024-03-01")]
    [TestCase("2023-02-28")]
    [TestCase("2024-05-31")]
    [TestCase("2024-01-15")]
    public void LatestStartReportableAt_AnyDay_SplitsStartsExactly(string e)
    {
        var day = D(e);
        var latest = Frist.LatestStartReportableAt(day);

        Assert.Multiple(() =>
        {
            Assert.That(Frist.Deadline(latest), Is.LessThan(day));
            Assert.That(Frist.Deadline(latest.AddDays(1)), Is.GreaterThanOrEqualTo(day));
        });
    }

    [TestCase("2024-01-15", "2024-04-14", 2)]
    [TestCase("2024-01-15", "2024-04-15", 3)]
    [TestCase("2024-01-15", "2024-01-15", 0)]
    [TestCase("2024-01-15", "2024-01-14", 0)]
    [TestCase("2024-01-15", "2023-01-15", 0)]
    [TestCase("2024-01-31", "2024-02-28", 0)]
    [TestCase("2024-01-31", "2024-02-29", 1)]
    [TestCase("2023-11-30", "2024-02-28", 2)]
    [TestCase("2023-11-30", "2024-02-29", 3)]
    [TestCase("2023-03-31", "2024-03-31", 12)]
    [TestCase("2023-03-31", "2024-03-30", 11)]
    [TestCase("2022-12-31", "2024-12-31", 24)]
    [TestCase("2024-12-15", "2025-01-15", 1)]
    [TestCase("2024-12-16", "2025-01-15", 0)]
    public void WholeMonths_FromTo_CountsCompletedCalendarMonths(string from, string to, int expected)
    {
        Assert.That(Frist.WholeMonths(D(from), D(to)), Is.EqualTo(expected));
    }

    [Test]
    public void WholeMonths_StartToDeadline_IsExactlyThreeAndTheDayBeforeIsTwo()
    {
        // Neither side uses AddMonths nor Frist.Months: the law's three months, the deadline by month number and clamped
        // day, the months counted by hand.
        for (var t = new DateOnly(2023, 1, 1); t <= new DateOnly(2025, 12, 31); t = t.AddDays(1))
        {
            var n = t.Year * 12 + t.Month - 1 + 3;
            var (year, month) = (n / 12, n % 12 + 1);
            var d = new DateOnly(year, month, Math.Min(t.Day, DateTime.DaysInMonth(year, month)));
            Assert.That(CountedByHand(t, d), Is.EqualTo(3), $"the hand count itself, start {t:yyyy-MM-dd}");
            Assert.That(CountedByHand(t, d.AddDays(-1)), Is.EqualTo(2), $"the hand count itself, start {t:yyyy-MM-dd}");
            Assert.That(Frist.Deadline(t), Is.EqualTo(d), $"start {t:yyyy-MM-dd}");
            Assert.That(Frist.WholeMonths(t, d), Is.EqualTo(3), $"start {t:yyyy-MM-dd}");
            Assert.That(Frist.WholeMonths(t, d.AddDays(-1)), Is.EqualTo(2), $"start {t:yyyy-MM-dd}");
        }
    }

    /// <summary>
    /// An independent count, without AddMonths: months between the year*12+month numbers, one fewer when the day of the month
    /// is not yet reached, unless the later day is its month's last (a start on the 31st has run a month on the 30th).
    /// </summary>
    [Test]
    public void WholeMonths_EveryPairOverThreeYears_MatchesCountByMonthNumberAndDay()
    {
        for (var from = new DateOnly(2023, 1, 1); from <= new DateOnly(2025, 12, 31); from = from.AddDays(7))
            for (var to = from.AddDays(-3); to <= from.AddDays(800); to = to.AddDays(1))
                Assert.That(Frist.WholeMonths(from, to), Is.EqualTo(CountedByHand(from, to)), $"{from:yyyy-MM-dd} to {to:yyyy-MM-dd}");
    }

    private static int CountedByHand(DateOnly from, DateOnly to)
    {
        if (to < from) return 0;
        var months = (to.Year * 12 + to.Month) - (from.Year * 12 + from.Month);
        var lastOfMonth = to.Day == DateTime.DaysInMonth(to.Year, to.Month);
        return to.Day >= from.Day || lastOfMonth ? months : months - 1;
    }
}
