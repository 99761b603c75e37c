namespace EjVerkstallda.Core.Tests.Beslut;

using static EjVerkstallda.Core.Tests.TestData;

/// <summary>Date columns: the form YYYY-MM-DD, the plausible range 1901-2099, and the order of the dates of one row.</summary>
public sealed partial class BeslutValidatorTests
{
    [TestCase("2024-01-05 00:00:00")]
    [TestCase("2024-01-05T00:00:00")]
    [TestCase(" 2024-01-05 ")]
    public void Validate_MidnightTimestampOrPadding_IsAcceptedAsTheDay(string text)
    {
        var result = Validate(Valid with { Beslutsdatum = text });

        Assert.That(result.Problems, Is.Empty);
        Assert.That(result.Beslut.Single().Beslutsdatum, Is.EqualTo(D("2024-01-05")));
    }

    [TestCase(null)]
    [TestCase("")]
    public void Validate_MissingBeslutsdatum_IsExcluded(string? text)
    {
        Assert.That(SingleProblem(Valid with { Beslutsdatum = text }).Problem, Is.EqualTo("beslutsdatum missing"));
    }

    [TestCase("2024/01/05")]
    [TestCase("05-01-2024")]
    [TestCase("2024-02-30")]
    [TestCase("2023-02-29")]
    [TestCase("2024-13-01")]
    [TestCase("2024-1-5")]
    [TestCase("20240105")]
    [TestCase("1900-06-01")]
    [TestCase("1900-12-31")]
    [TestCase("2100-01-01")]
    [TestCase("2024-01-05 12:00:00")]
    [TestCase("igår")]
    public void Validate_MalformedOrImplausibleBeslutsdatum_IsExcluded(string text)
    {
        var p = SingleProblem(Valid with { Beslutsdatum = text });

        Assert.That(p.Problem, Does.StartWith("beslutsdatum is not a plausible date"));
    }

    [TestCase("1901-01-01")]
    [TestCase("2099-12-31")]
    [TestCase("2024-02-29")]
    public void Validate_PlausibleEdgeDates_AreAccepted(string text)
    {
        var row = Valid with { Beslutsdatum = text, Fodelsedatum = null };

        Assert.That(Validate(row).Beslut.Single().Beslutsdatum, Is.EqualTo(D(text)));
    }

    [TestCase("Verkstallighetsdatum", "verkstallighetsdatum")]
    [TestCase("Avbrottsdatum", "avbrottsdatum")]
    [TestCase("Aterupptagandedatum", "aterupptagandedatum")]
    [TestCase("Avslutsdatum", "avslutsdatum")]
    [TestCase("Erbjudandedatum", "erbjudandedatum")]
    public void Validate_MalformedOptionalDate_NamesTheColumn(string property, string column)
    {
        var row = property switch
        {
            "Verkstallighetsdatum" => Valid with { Verkstallighetsdatum = "2024/05/01" },
            "Avbrottsdatum" => Valid with { Avbrottsdatum = "2024/05/01" },
            "Aterupptagandedatum" => Valid with { Aterupptagandedatum = "2024/05/01" },
            "Avslutsdatum" => Valid with { Avslutsdatum = "2024/05/01" },
            _ => Valid with { Erbjudandedatum = "2024/05/01" },
        };

        Assert.That(SingleProblem(row).Problem, Does.StartWith(column + " is not a plausible date"));
    }

    [TestCase("2024-01-04", null, null, null, null, "verkstallighetsdatum before beslutsdatum")]
    [TestCase(null, null, null, "2024-01-04", "annat", "avslutsdatum before beslutsdatum")]
    [TestCase(null, "2024-03-01", null, null, null, "avbrottsdatum without verkstallighetsdatum")]
    [TestCase("2024-03-01", "2024-02-29", null, null, null, "avbrottsdatum before verkstallighetsdatum")]
    [TestCase("2024-03-01", null, "2024-04-01", null, null, "aterupptagandedatum without avbrottsdatum")]
    [TestCase("2024-03-01", "2024-04-01", "2024-03-31", null, null, "aterupptagandedatum before avbrottsdatum")]
    public void Validate_DatesOutOfOrder_IsExcluded(string? verkst, string? avbrott, string? ater, string? avslut, string? orsak, string expected)
    {
        var row = Valid with
        {
            Verkstallighetsdatum = verkst,
            Avbrottsdatum = avbrott,
            Aterupptagandedatum = ater,
            Avslutsdatum = avslut,
            Avslutsorsak = orsak,
        };

        Assert.That(SingleProblem(row).Problem, Is.EqualTo(expected));
    }

    [TestCase("2024-01-05", "2024-01-05", "2024-01-05", "2024-01-05")]
    [TestCase("2024-02-01", "2024-03-01", "2024-03-01", "2024-01-05")]
    public void Validate_DatesOnTheSameDay_AreInOrder(string verkst, string avbrott, string ater, string avslut)
    {
        var row = Valid with
        {
            Verkstallighetsdatum = verkst,
            Avbrottsdatum = avbrott,
            Aterupptagandedatum = ater,
            Avslutsdatum = avslut,
            Avslutsorsak = "annat",
        };

        var result = Validate(row);

        Assert.Multiple(() =>
        {
            Assert.That(result.Problems, Is.Empty);
            Assert.That(result.Beslut, Has.Count.EqualTo(1));
        });
    }
}
