namespace EjVerkstallda.Core.Tests.Beslut;

using EjVerkstallda.Core.Beslut;

[TestFixture]
public sealed class LagrumCodesTests
{
    [TestCase(Lag.SoL, "bistand", true)]
    [TestCase(Lag.SoL, "ekonomiskt_bistand", true)]
    [TestCase(Lag.SoL, "utover", true)]
    [TestCase(Lag.SoL, "Bistand", false)]
    [TestCase(Lag.SoL, "9.4", false)]
    [TestCase(Lag.SoL, "", false)]
    [TestCase(Lag.LSS, "9.1", true)]
    [TestCase(Lag.LSS, "9.10", true)]
    [TestCase(Lag.LSS, "9.0", false)]
    [TestCase(Lag.LSS, "9.11", false)]
    [TestCase(Lag.LSS, "9.", false)]
    [TestCase(Lag.LSS, "9.-1", false)]
    [TestCase(Lag.LSS, "9.+4", false)]
    [TestCase(Lag.LSS, "9. 4", false)]
    [TestCase(Lag.LSS, "9,4", false)]
    [TestCase(Lag.LSS, "8.4", false)]
    [TestCase(Lag.LSS, "4", false)]
    [TestCase(Lag.LSS, "bistand", false)]
    [TestCase((Lag)99, "bistand", false)]
    public void IsValid_LagAndCode_AcceptsOnlyContractCodes(Lag lag, string code, bool expected)
    {
        Assert.That(LagrumCodes.IsValid(lag, code), Is.EqualTo(expected));
    }

    [TestCase("9.1", 1)]
    [TestCase("9.4", 4)]
    [TestCase("9.9", 9)]
    [TestCase("9.10", 10)]
    [TestCase("9.0", null)]
    [TestCase("9.11", null)]
    [TestCase("9.a", null)]
    [TestCase("19.1", null)]
    [TestCase("", null)]
    public void LssPoint_Code_IsPointOrNull(string code, int? expected)
    {
        Assert.That(LagrumCodes.LssPoint(code), Is.EqualTo(expected));
    }

    [TestCase(Lag.SoL, "bistand", true)]
    [TestCase(Lag.SoL, "ekonomiskt_bistand", true)]
    [TestCase(Lag.SoL, "utover", false)]
    [TestCase(Lag.LSS, "9.4", true)]
    public void IsReportable_Insats_OnlyUtoverIsNever(Lag lag, string lagrum, bool expected)
    {
        Assert.That(new InsatsDefinition("X", "X", lag, lagrum).IsReportable, Is.EqualTo(expected));
    }

    [TestCase("aterkallad", Avslutsorsak.Aterkallad)]
    [TestCase("behov_upphort", Avslutsorsak.BehovUpphort)]
    [TestCase("avliden", Avslutsorsak.Avliden)]
    [TestCase("flyttat", Avslutsorsak.Flyttat)]
    [TestCase("annat", Avslutsorsak.Annat)]
    [TestCase(" AVLIDEN ", Avslutsorsak.Avliden)]
    public void TryParseAvslutsorsak_ContractCode_RoundTrips(string code, Avslutsorsak expected)
    {
        var ok = Codes.TryParseAvslutsorsak(code, out var orsak);

        Assert.Multiple(() =>
        {
            Assert.That(ok, Is.True);
            Assert.That(orsak, Is.EqualTo(expected));
            Assert.That(orsak.ToCode(), Is.EqualTo(code.Trim().ToLowerInvariant()));
        });
    }

    [TestCase("dod")]
    [TestCase("behov upphort")]
    [TestCase("")]
    public void TryParseAvslutsorsak_UnknownCode_ReturnsFalse(string code)
    {
        Assert.That(Codes.TryParseAvslutsorsak(code, out _), Is.False);
    }
}
