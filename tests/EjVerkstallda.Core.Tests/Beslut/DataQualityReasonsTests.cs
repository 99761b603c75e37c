namespace EjVerkstallda.Core.Tests.Beslut;

using EjVerkstallda.Core.Beslut;
using static EjVerkstallda.Core.Tests.TestData;

/// <summary>Every reason the validator gives has a code and a Swedish text (issue 10, defect 19).</summary>
[TestFixture]
public sealed class DataQualityReasonsTests
{
    private static readonly RawBeslut Valid = new() { BeslutId = "B-1", PersonId = "P-1", InsatsKod = "SABO", Beslutsdatum = "2024-01-05", Kon = "K", Fodelsedatum = "1940-01-01" };

    /// <summary>One row per reason the validator can give (person-data defects are the classifier's notes: see ManualHandlingNote below). A new reason: add its row here and its line in DataQualityReasons.All.</summary>
    private static readonly RawBeslut[] BadRows =
    [
        Valid with { BeslutId = null },
        Valid with { BeslutId = "B-\u0007" },
        Valid with { BeslutId = "B-D" }, Valid with { BeslutId = "B-D" },
        Valid with { BeslutId = "B-P", PersonId = null },
        Valid with { BeslutId = "B-K", InsatsKod = null },
        Valid with { BeslutId = "B-U", InsatsKod = "NOPE" },
        Valid with { BeslutId = "B-DT", Beslutsdatum = "2024-13-01" },
        Valid with { BeslutId = "B-BD", Beslutsdatum = null },
        Valid with { BeslutId = "B-VB", Verkstallighetsdatum = "2024-01-01" },
        Valid with { BeslutId = "B-AB", Avslutsdatum = "2024-01-01", Avslutsorsak = "annat" },
        Valid with { BeslutId = "B-AV", Avbrottsdatum = "2024-02-01" },
        Valid with { BeslutId = "B-AVV", Verkstallighetsdatum = "2024-02-01", Avbrottsdatum = "2024-01-20" },
        Valid with { BeslutId = "B-AT", Aterupptagandedatum = "2024-02-01" },
        Valid with { BeslutId = "B-ATA", Verkstallighetsdatum = "2024-02-01", Avbrottsdatum = "2024-03-01", Aterupptagandedatum = "2024-02-20" },
        Valid with { BeslutId = "B-O", Avslutsdatum = "2024-02-01", Avslutsorsak = "nope" },
        Valid with { BeslutId = "B-OS", Avslutsdatum = "2024-02-01" },
        Valid with { BeslutId = "B-T", TackatNej = "kanske" },
        Valid with { BeslutId = "B-S", SkyddadIdentitet = "kanske" },
    ];

    [Test]
    public void Validate_EveryReason_HasACodeAndASwedishText()
    {
        var problems = new BeslutValidator(Katalog).Validate(BadRows).Problems;

        Assert.That(problems, Has.Count.EqualTo(BadRows.Length - 1), "each bad row gives its problem, the duplicate pair one");
        foreach (var p in problems)
        {
            var reason = DataQualityReasons.Of(p.Problem);
            Assert.That(reason, Is.Not.Null, $"no line in DataQualityReasons.All for \"{p.Problem}\"");
            Assert.That(DataQualityReasons.Svenska(p.Problem), Is.Not.EqualTo(p.Problem).And.Not.Contain("{0}"));
        }
    }

    [Test]
    public void InsatsKatalog_EveryReason_HasACodeAndASwedishText()
    {
        var problems = new List<DataQualityProblem>();
        InsatsKatalog.Build(
        [
            new RawInsats(null, "A", "SoL", "bistand"), new RawInsats("D", "A", "SoL", "bistand"), new RawInsats("D", "A", "SoL", "bistand"),
            new RawInsats("B", null, "SoL", "bistand"), new RawInsats("L", "A", "1", "bistand"), new RawInsats("R", "A", "SoL", null),
            new RawInsats("X", "A", "LSS", "bistand"),
        ], "ejv_insats", problems);

        Assert.That(problems, Has.Count.EqualTo(6));
        foreach (var p in problems)
            Assert.That(DataQualityReasons.Of(p.Problem), Is.Not.Null, $"no line in DataQualityReasons.All for \"{p.Problem}\"");
    }

    [TestCase(null, null, null)]
    [TestCase(null, null, ManualReason.FodelsedatumOgiltigt)]
    [TestCase("1940-01-01", null, null)]
    [TestCase("1940-01-01", null, ManualReason.KonOkant)]
    public void ManualHandlingNote_EveryReason_HasACodeAndASwedishText(string? fodd, Kon? kon, ManualReason? defect)
    {
        var b = new EjVerkstallda.Core.Beslut.Beslut
        {
            Id = "B-1", PersonId = "P-1", Insats = Katalog["SABO"], Beslutsdatum = new DateOnly(2024, 1, 5),
            Fodelsedatum = fodd is null ? null : DateOnly.Parse(fodd, System.Globalization.CultureInfo.InvariantCulture), Kon = kon, PersonDataDefect = defect,
        };
        var note = ManualHandling.DataQualityNote(b);

        Assert.That(note, Is.Not.Null);
        Assert.That(DataQualityReasons.Of(note!.Problem), Is.Not.Null, $"no line in DataQualityReasons.All for \"{note.Problem}\"");
    }

    [Test]
    public void Svenska_ReasonWithAValue_CarriesTheValue()
    {
        Assert.That(DataQualityReasons.Svenska("duplicate beslut_id (3 rows); none of them was judged"), Is.EqualTo("beslut_id förekommer på 3 rader; ingen av dem har bedömts"));
        Assert.That(DataQualityReasons.Svenska("fodelsedatum is not a plausible date in the form YYYY-MM-DD (1901-2099)"), Does.StartWith("fodelsedatum är inte ett rimligt datum"));
    }

    [Test]
    public void Codes_AreUnique() =>
        Assert.That(DataQualityReasons.All.Select(r => r.Code), Is.Unique);
}
