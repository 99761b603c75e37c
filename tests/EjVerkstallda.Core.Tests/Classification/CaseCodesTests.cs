namespace EjVerkstallda.Core.Tests.Classification;

using EjVerkstallda.Core.Classification;

[TestFixture]
public sealed class CaseCodesTests
{
    [TestCase(CaseKind.EjVerkstallt, "ej_verkstallt")]
    [TestCase(CaseKind.Avbrott, "avbrott")]
    public void ToCodeAndParseKind_EachKind_RoundTrips(CaseKind kind, string code)
    {
        Assert.Multiple(() =>
        {
            Assert.That(kind.ToCode(), Is.EqualTo(code));
            Assert.That(CaseCodes.ParseKind(code), Is.EqualTo(kind));
        });
    }

    [TestCase(ReportStatus.Ny, "ny", false)]
    [TestCase(ReportStatus.Kvarstar, "kvarstar", false)]
    [TestCase(ReportStatus.Verkstalld, "verkstalld", true)]
    [TestCase(ReportStatus.Avslutad, "avslutad", true)]
    public void ToCodeAndParseStatus_EachStatus_RoundTripsAndKnowsClosing(ReportStatus status, string code, bool closing)
    {
        Assert.Multiple(() =>
        {
            Assert.That(status.ToCode(), Is.EqualTo(code));
            Assert.That(CaseCodes.ParseStatus(code), Is.EqualTo(status));
            Assert.That(status.IsClosing(), Is.EqualTo(closing));
        });
    }

    [TestCase("Avbrott")]
    [TestCase("ejverkstallt")]
    [TestCase("")]
    public void ParseKind_UnknownCode_Throws(string code)
    {
        Assert.Throws<FormatException>(() => CaseCodes.ParseKind(code));
    }

    [TestCase("NY")]
    [TestCase("kvarstår")]
    [TestCase("")]
    public void ParseStatus_UnknownCode_Throws(string code)
    {
        Assert.Throws<FormatException>(() => CaseCodes.ParseStatus(code));
    }

    [TestCase(false, false, false)]
    [TestCase(true, false, true)]
    [TestCase(true, true, false)]
    public void OwesClosingReport_ReportedAndNotClosed_IsTrue(bool reported, bool closed, bool expected)
    {
        Assert.That(new PriorReport(reported, closed).OwesClosingReport, Is.EqualTo(expected));
    }

    [Test]
    public void None_IsNeitherReportedNorClosed()
    {
        Assert.Multiple(() =>
        {
            Assert.That(PriorReport.None.Reported, Is.False);
            Assert.That(PriorReport.None.Closed, Is.False);
        });
    }
}
