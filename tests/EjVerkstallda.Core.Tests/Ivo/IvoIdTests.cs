namespace EjVerkstallda.Core.Tests.Ivo;

using EjVerkstallda.Core.Beslut;
using EjVerkstallda.Core.Ivo;
using static EjVerkstallda.Core.Tests.TestData;

[TestFixture]
public sealed class IvoIdTests
{
    private static readonly DateOnly Born = new(1940, 3, 7);

    [TestCase(Kon.K)]
    [TestCase(Kon.M)]
    public void Create_EverySerial_HasFormAndKonDigit(Kon kon)
    {
        for (var serial = 0; serial < IvoId.SerialsPerBirthDateAndKon; serial++)
        {
            var id = IvoId.Create(Born, kon, serial);

            Assert.That(id, Does.Match(@"^19400307-T[0-9]{3}$"), $"serial {serial}");
            var third = id[9..][2] - '0';
            Assert.That(third % 2, Is.EqualTo(kon == Kon.K ? 0 : 1), $"serial {serial}: {id}");
            Assert.That(IvoId.IsWellFormed(id), Is.True, id);
            Assert.That(IvoId.KonOf(id), Is.EqualTo(kon), id);
            Assert.That(IvoId.Matches(id, Born, kon), Is.True, id);
        }
    }

    [TestCase("1940-03-07", Kon.K)]
    [TestCase("1940-03-07", Kon.M)]
    [TestCase("2000-02-29", Kon.K)]
    [TestCase("2000-02-29", Kon.M)]
    [TestCase("1901-12-31", Kon.M)]
    public void Create_AllSerials_AreDistinctAndWellFormed(string born, Kon kon)
    {
        var ids = Enumerable.Range(0, IvoId.SerialsPerBirthDateAndKon).Select(s => IvoId.Create(D(born), kon, s)).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(ids, Is.Unique);
            Assert.That(ids.All(id => IvoId.Matches(id, D(born), kon)), Is.True);
        });
    }

    [Test]
    public void Create_SameSerialDifferentKon_Differ()
    {
        Assert.That(IvoId.Create(Born, Kon.K, 17), Is.Not.EqualTo(IvoId.Create(Born, Kon.M, 17)));
    }

    [TestCase(-1)]
    [TestCase(500)]
    [TestCase(int.MaxValue)]
    public void Create_SerialOutOfRange_Throws(int serial)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => IvoId.Create(Born, Kon.K, serial));
    }

    [Test]
    public void Create_BirthDate_IsWrittenAsYyyyMmDd()
    {
        Assert.That(IvoId.Create(D("2001-02-03"), Kon.M, 321), Does.StartWith("20010203-T"));
    }

    [TestCase("19400101-T123", true)]
    [TestCase("19400101-T000", true)]
    [TestCase("19400101-TF12", true)]
    [TestCase("20000229-T999", true)]
    [TestCase("19000229-T123", false)] // 1900 was not a leap year
    [TestCase("19401301-T123", false)]
    [TestCase("19400132-T123", false)]
    [TestCase("19400101-X123", false)]
    [TestCase("19400101-t123", false)]
    [TestCase("19400101T123", false)]
    [TestCase("19400101-T12", false)]
    [TestCase("19400101-T1234", false)]
    [TestCase("19400101-T12A", false)]
    [TestCase("19400101-TF1", false)]
    [TestCase("19400101-TFF1", false)]
    [TestCase("19400101-TF1X", false)]
    [TestCase("400101-T123", false)]
    [TestCase("19400101+T123", false)]
    [TestCase("194001011234", false)]
    [TestCase("", false)]
    [TestCase(null, false)]
    public void IsWellFormed_Text_AcceptsOnlyIvoForms(string? id, bool expected)
    {
        Assert.That(IvoId.IsWellFormed(id), Is.EqualTo(expected));
    }

    [TestCase("19400101-T123", Kon.K)] // third char after hyphen: 2
    [TestCase("19400101-T133", Kon.M)]
    [TestCase("19400101-T903", Kon.K)]
    [TestCase("19400101-TF12", Kon.M)] // third char after hyphen: 1
    [TestCase("19400101-TF22", Kon.K)]
    public void KonOf_Id_ReadsThirdCharacterAfterHyphen(string id, Kon expected)
    {
        Assert.That(IvoId.KonOf(id), Is.EqualTo(expected));
    }

    [TestCase("19400101-T123", "1940-01-01", Kon.K, true)]
    [TestCase("19400101-T123", "1940-01-01", Kon.M, false)]
    [TestCase("19400101-T123", "1940-01-02", Kon.K, false)]
    [TestCase("19400101-TF12", "1940-01-01", Kon.M, true)]
    [TestCase("19400101-T12", "1940-01-01", Kon.K, false)]
    [TestCase("19400101-X123", "1940-01-01", Kon.K, false)]
    public void Matches_IdAndPerson_ChecksFormDateAndKon(string id, string born, Kon kon, bool expected)
    {
        Assert.That(IvoId.Matches(id, D(born), kon), Is.EqualTo(expected));
    }

    [TestCase(true, "1940-01-01", Kon.K, "skyddad_identitet")]
    [TestCase(true, null, null, "skyddad_identitet")]
    [TestCase(false, null, Kon.K, "fodelsedatum_saknas")]
    [TestCase(false, null, null, "fodelsedatum_saknas")]
    [TestCase(false, "1940-01-01", null, "kon_saknas")]
    [TestCase(false, "1940-01-01", Kon.M, null)]
    public void ManualHandlingReason_Beslut_NamesFirstMissingPiece(bool skyddad, string? born, Kon? kon, string? expected)
    {
        var b = NewBeslut("B1", "2024-01-01", kon: kon, skyddad: skyddad) with { Fodelsedatum = N(born) };

        Assert.That(IvoId.ManualHandlingReason(b), Is.EqualTo(expected));
    }
}
