namespace EjVerkstallda.Core.Tests.Kvartal;

using static EjVerkstallda.Core.Tests.TestData;
using Kvartal = EjVerkstallda.Core.Kvartal.Kvartal;

[TestFixture]
public sealed class KvartalTests
{
    [TestCase("2024Q1", 2024, 1)]
    [TestCase("2024Q4", 2024, 4)]
    [TestCase("2024q2", 2024, 2)]
    [TestCase("  2025Q3 ", 2025, 3)]
    [TestCase("\t1999q4\n", 1999, 4)]
    [TestCase("1900Q1", 1900, 1)]
    [TestCase("9999Q4", 9999, 4)]
    public void TryParse_ValidText_ReturnsQuarter(string text, int year, int number)
    {
        var ok = Kvartal.TryParse(text, out var k);

        Assert.Multiple(() =>
        {
            Assert.That(ok, Is.True);
            Assert.That(k.Year, Is.EqualTo(year));
            Assert.That(k.Number, Is.EqualTo(number));
        });
    }

    [TestCase("2024Q5")]
    [TestCase("2024Q0")]
    [TestCase("24Q1")]
    [TestCase("2024-Q1")]
    [TestCase("2024 Q1")]
    [TestCase("2024K1")]
    [TestCase("Q12024")]
    [TestCase("2024Q")]
    [TestCase("2024Q11")]
    [TestCase("+024Q1")]
    [TestCase("-024Q1")]
    [TestCase("0000Q1")]
    [TestCase("1899Q4")]
    [TestCase("abcdQ1")]
    [TestCase("")]
    [TestCase("   ")]
    [TestCase(null)]
    public void TryParse_BadText_ReturnsFalseAndDefault(string? text)
    {
        var ok = Kvartal.TryParse(text, out var k);

        Assert.Multiple(() =>
        {
            Assert.That(ok, Is.False);
            Assert.That(k, Is.EqualTo(default(Kvartal)));
        });
    }

    [TestCase("2024Q5")]
    [TestCase("24Q1")]
    [TestCase("2024-Q1")]
    [TestCase("")]
    public void Parse_BadText_ThrowsFormatExceptionNamingTheForm(string text)
    {
        var ex = Assert.Throws<FormatException>(() => Kvartal.Parse(text));

        Assert.That(ex!.Message, Does.Contain("YYYYQn"));
    }

    [TestCase("2024q3", "2024Q3")]
    [TestCase(" 2023Q4 ", "2023Q4")]
    public void Parse_ValidText_RoundTripsThroughToString(string text, string expected)
    {
        Assert.That(Kvartal.Parse(text).ToString(), Is.EqualTo(expected));
    }

    [TestCase(1899, 1)]
    [TestCase(10000, 1)]
    [TestCase(2024, 0)]
    [TestCase(2024, 5)]
    public void Constructor_OutOfRange_Throws(int year, int number)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => _ = new Kvartal(year, number));
    }

    [TestCase(2024, 1, "2024-01-01", "2024-03-31", "2023-12-31")]
    [TestCase(2024, 2, "2024-04-01", "2024-06-30", "2024-03-31")]
    [TestCase(2024, 3, "2024-07-01", "2024-09-30", "2024-06-30")]
    [TestCase(2024, 4, "2024-10-01", "2024-12-31", "2024-09-30")]
    [TestCase(2023, 1, "2023-01-01", "2023-03-31", "2022-12-31")]
    [TestCase(2000, 1, "2000-01-01", "2000-03-31", "1999-12-31")]
    [TestCase(1900, 1, "1900-01-01", "1900-03-31", "1899-12-31")]
    [TestCase(9999, 3, "9999-07-01", "9999-09-30", "9999-06-30")]
    public void Days_EachQuarter_AreCalendarQuarterBounds(int year, int number, string first, string last, string previousLast)
    {
        var k = new Kvartal(year, number);

        Assert.Multiple(() =>
        {
            Assert.That(k.FirstDay, Is.EqualTo(D(first)));
            Assert.That(k.ReportingDay, Is.EqualTo(D(last)));
            Assert.That(k.PreviousReportingDay, Is.EqualTo(D(previousLast)));
        });
    }

    [Test]
    public void ReportingDay_LastQuarterOfYear9999_IsNewYearsEve()
    {
        Assert.That(new Kvartal(9999, 4).ReportingDay, Is.EqualTo(new DateOnly(9999, 12, 31)));
    }

    [TestCase(2019)]
    [TestCase(2024)]
    [TestCase(2030)]
    public void Quarters_OfAYear_TileTheYearWithoutGapsOrOverlap(int year)
    {
        var expected = new DateOnly(year, 1, 1);
        for (var n = 1; n <= 4; n++)
        {
            var k = new Kvartal(year, n);
            Assert.That(k.FirstDay, Is.EqualTo(expected), k.ToString());
            expected = k.ReportingDay.AddDays(1);
        }
        Assert.That(expected, Is.EqualTo(new DateOnly(year + 1, 1, 1)));
    }

    [TestCase("2024Q1", "2023Q4", "2024Q2")]
    [TestCase("2024Q2", "2024Q1", "2024Q3")]
    [TestCase("2024Q3", "2024Q2", "2024Q4")]
    [TestCase("2024Q4", "2024Q3", "2025Q1")]
    [TestCase("2000Q1", "1999Q4", "2000Q2")]
    public void PreviousAndNext_AcrossYearBoundaries_AreNeighbours(string text, string previous, string next)
    {
        var k = Kvartal.Parse(text);

        Assert.Multiple(() =>
        {
            Assert.That(k.Previous.ToString(), Is.EqualTo(previous));
            Assert.That(k.Next.ToString(), Is.EqualTo(next));
            Assert.That(k.Next.Previous, Is.EqualTo(k));
            Assert.That(k.Previous.Next, Is.EqualTo(k));
            Assert.That(k.Previous.ReportingDay, Is.EqualTo(k.PreviousReportingDay));
            Assert.That(k.Next.FirstDay, Is.EqualTo(k.ReportingDay.AddDays(1)));
        });
    }

    [TestCase("2023Q4", "2024Q1", -1)]
    [TestCase("2024Q1", "2024Q2", -1)]
    [TestCase("2024Q2", "2024Q2", 0)]
    [TestCase("2024Q4", "2024Q3", 1)]
    [TestCase("2025Q1", "2024Q4", 1)]
    [TestCase("1999Q4", "2000Q1", -1)]
    public void Comparison_TwoQuarters_FollowsTime(string a, string b, int sign)
    {
        var x = Kvartal.Parse(a);
        var y = Kvartal.Parse(b);

        Assert.Multiple(() =>
        {
            Assert.That(Math.Sign(x.CompareTo(y)), Is.EqualTo(sign));
            Assert.That(x < y, Is.EqualTo(sign < 0));
            Assert.That(x > y, Is.EqualTo(sign > 0));
            Assert.That(x <= y, Is.EqualTo(sign <= 0));
            Assert.That(x >= y, Is.EqualTo(sign >= 0));
            Assert.That(x == y, Is.EqualTo(sign == 0));
        });
    }

    [Test]
    public void Sort_MixedQuarters_OrdersChronologically()
    {
        var sorted = new[] { "2025Q1", "2024Q4", "2023Q2", "2024Q1", "2023Q1" }
            .Select(Kvartal.Parse)
            .Order()
            .Select(k => k.ToString());

        Assert.That(sorted, Is.EqualTo(new[] { "2023Q1", "2023Q2", "2024Q1", "2024Q4", "2025Q1" }));
    }

    [TestCase("2024-01-01", "2024Q1")]
    [TestCase("2024-03-31", "2024Q1")]
    [TestCase("2024-04-01", "2024Q2")]
    [TestCase("2024-06-30", "2024Q2")]
    [TestCase("2024-07-01", "2024Q3")]
    [TestCase("2024-09-30", "2024Q3")]
    [TestCase("2024-10-01", "2024Q4")]
    [TestCase("2024-12-31", "2024Q4")]
    [TestCase("2024-02-29", "2024Q1")]
    public void Containing_Day_IsItsCalendarQuarter(string day, string expected)
    {
        Assert.That(Kvartal.Containing(D(day)).ToString(), Is.EqualTo(expected));
    }

    [TestCase("2024-04-01", "2024Q1")]
    [TestCase("2024-04-30", "2024Q1")]
    [TestCase("2024-06-30", "2024Q1")]
    [TestCase("2024-07-01", "2024Q2")]
    [TestCase("2024-03-31", "2023Q4")]
    [TestCase("2024-01-01", "2023Q4")]
    [TestCase("2025-01-15", "2024Q4")]
    public void LastCompletedBefore_Today_IsLatestQuarterEndedBeforeToday(string today, string expected)
    {
        var k = Kvartal.LastCompletedBefore(D(today));

        Assert.Multiple(() =>
        {
            Assert.That(k.ToString(), Is.EqualTo(expected));
            Assert.That(k.ReportingDay, Is.LessThan(D(today)));
            Assert.That(k.Next.ReportingDay, Is.GreaterThanOrEqualTo(D(today)));
        });
    }

    [TestCase(2024, 1, "2024Q1")]
    [TestCase(1987, 2, "1987Q2")]
    public void ToString_Quarter_IsYearQNumber(int year, int number, string expected)
    {
        Assert.That(new Kvartal(year, number).ToString(), Is.EqualTo(expected));
    }
}
