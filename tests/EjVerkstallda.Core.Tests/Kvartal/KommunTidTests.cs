using EjVerkstallda.Core.Kvartal;

namespace EjVerkstallda.Core.Tests.Kvartal;

public sealed class KommunTidTests
{
    [TestCase("2023-12-29T23:30:00+00:00", "2023-12-30")] // 00:30 in Stockholm (CET): the next day
    [TestCase("2023-12-30T09:00:00+01:00", "2023-12-30")]
    [TestCase("2024-06-30T22:30:00+00:00", "2024-07-01")] // 00:30 CEST
    [TestCase("2024-06-30T21:30:00+00:00", "2024-06-30")] // 23:30 CEST
    public void DateOf_Instant_IsTheStockholmCalendarDate(string instant, string expected)
    {
        Assert.That(KommunTid.Stockholm.DateOf(DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture)),
            Is.EqualTo(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Test]
    public void TryFind_UnknownZone_IsNull() => Assert.That(KommunTid.TryFind("Europe/Gnesta"), Is.Null);

    [Test]
    public void TryFind_Empty_IsStockholm() => Assert.That(KommunTid.TryFind(" ")!.Zone.Id, Is.EqualTo(KommunTid.Stockholm.Zone.Id));
}
