namespace EjVerkstallda.Core.Tests.Beslut;

using System.Globalization;
using EjVerkstallda.Core.Beslut;
using EjVerkstallda.Core.Kvartal;

/// <summary>CONTRACT section 4: the day a date, timestamp, instant or text value stands for, in Europe/Stockholm.</summary>
[TestFixture]
public sealed class CaseDateTextTests
{
    private static readonly KommunTid Tid = KommunTid.Stockholm;

    [TestCase("2023-12-30", "2023-12-30")]
    [TestCase(" 2023-12-30 ", " 2023-12-30 ")]               // the validator trims and judges it
    [TestCase("2023-12-30 09:00", "2023-12-30")]
    [TestCase("2023-12-30 23:59:59", "2023-12-30")]
    [TestCase("2023-12-30T09:00:00.1234567", "2023-12-30")]
    [TestCase("2023-12-29T23:30:00Z", "2023-12-30")]          // winter: UTC+1
    [TestCase("2023-12-29 23:30:00+00:00", "2023-12-30")]
    [TestCase("2023-12-29 23:30:00+00", "2023-12-30")]
    [TestCase("2024-06-29T22:30:00Z", "2024-06-30")]          // summer: UTC+2
    [TestCase("2024-06-29T21:30:00Z", "2024-06-29")]
    [TestCase("2023-12-30T09:00:00-05:00", "2023-12-30")]
    [TestCase("2023-12-30T20:00:00-05:00", "2023-12-31")]
    [TestCase("2023/12/30 09:00", "2023/12/30 09:00")]        // not a form of the contract: left for the validator to list
    [TestCase("2023-12-30 9:00", "2023-12-30 9:00")]
    [TestCase("yesterday at nine", "yesterday at nine")]
    public void Of_Text_IsTheKommunsDay(string text, string expected) => Assert.That(CaseDateText.Of(text, Tid), Is.EqualTo(expected));

    [TestCase("2023-12-30T09:00:00", DateTimeKind.Unspecified, "2023-12-30")] // timestamp / datetime2: its calendar date
    [TestCase("2023-12-30T23:30:00", DateTimeKind.Local, "2023-12-30")]
    [TestCase("2023-12-29T23:30:00", DateTimeKind.Utc, "2023-12-30")]         // Npgsql's timestamptz: an instant
    [TestCase("2023-12-30T22:59:59", DateTimeKind.Utc, "2023-12-30")]
    [TestCase("2023-12-30T23:00:00", DateTimeKind.Utc, "2023-12-31")]
    public void Of_DateTime_ByKind(string value, DateTimeKind kind, string expected) =>
        Assert.That(CaseDateText.Of(DateTime.SpecifyKind(DateTime.Parse(value, CultureInfo.InvariantCulture), kind), Tid), Is.EqualTo(expected));

    [TestCase("2023-12-29T23:30:00+00:00", "2023-12-30")]
    [TestCase("2023-12-30T00:30:00+01:00", "2023-12-30")]
    [TestCase("2024-03-31T00:59:59+00:00", "2024-03-31")] // the night summer time begins
    [TestCase("2024-03-31T22:00:00+00:00", "2024-04-01")]
    public void Of_DateTimeOffset_IsTheKommunsDay(string value, string expected) =>
        Assert.That(CaseDateText.Of(DateTimeOffset.Parse(value, CultureInfo.InvariantCulture), Tid), Is.EqualTo(expected));
}
