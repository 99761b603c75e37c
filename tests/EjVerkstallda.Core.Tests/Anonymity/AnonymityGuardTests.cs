using EjVerkstallda.Core.Anonymity;
using EjVerkstallda.Core.Beslut;
using EjVerkstallda.Core.Statistik;
using BeslutRecord = EjVerkstallda.Core.Beslut.Beslut;
using KvartalRecord = EjVerkstallda.Core.Kvartal.Kvartal;

namespace EjVerkstallda.Core.Tests.Anonymity;

public class AnonymityGuardTests
{
    private static readonly KvartalRecord Q = new(2026, 3);
    private static readonly DateOnly Upprattad = new(2026, 10, 5);

    private static readonly BeslutRecord Planted = new()
    {
        Id = "B-77123",
        PersonId = "P-55821",
        Insats = new InsatsDefinition("SABO", "Särskilt boende", Lag.SoL, LagrumCodes.Bistand),
        Beslutsdatum = new DateOnly(2026, 1, 14),
        Enhet = "Hemtjänst Norra Vreten",
        Skal = "Väntar på  plats i Solgården, Anna Svensson",
    };

    private static AnonymityContext Context() =>
        AnonymityContext.ForRun(Q, Upprattad, [Planted], ["19400101-T123"], ApprovedNames);

    /// <summary>The public names the report prints (approved by the kommun): the catalogue text may appear only as one of them.</summary>
    private static readonly string[] ApprovedNames = ["Särskilt boende"];

    private const string CleanText =
        "Vid utgången av kvartal 3 2026 (2026-09-30) fanns 12 ej verkställda beslut enligt 16 kap. 6 f–h §§ SoL (2001:453) " +
        "och 28 f–h §§ LSS. Särskilt boende: 3–5 mån 2, 24 mån eller mer 1. Avgift 10 000–1 000 000 kr. Upprättad 2026-10-05. " +
        "Beslut från den 1 januari 2026 och SoL (2025:400) från 1 juli 2025. Kvartalet började 2026-07-01.";

    [Test]
    public void Check_CleanText_Passes()
    {
        var result = AnonymityGuard.Check(CleanText, Context());
        Assert.That(result.IsClean, Is.True, result.ToString());
    }

    [TestCase("Ärendet B-77123 är gammalt", "beslut_id")]
    [TestCase("person p-55821", "person_id")]
    [TestCase("Orsak: väntar på plats i   solgården,\nanna svensson.", "skal")]
    [TestCase("Enhet: HEMTJÄNST NORRA VRETEN", "enhet")]
    [TestCase("id 19400101-T123", "ivo_id")]
    public void Check_PlantedForbiddenValue_IsCaughtWithCategory(string text, string category)
    {
        var result = AnonymityGuard.Check(text, Context());
        Assert.That(result.Violations, Has.Some.Matches<GuardViolation>(v => v!.Kind == ViolationKind.ForbiddenValue && v.Category == category));
    }

    [TestCase("Personen 460101-1234 väntar", ViolationKind.Personnummer)]
    [TestCase("Personen 19460101-1234 väntar", ViolationKind.Personnummer)]
    [TestCase("Personen 194601011234 väntar", ViolationKind.Personnummer)]
    [TestCase("Personen 460101+1234 väntar", ViolationKind.Personnummer)]
    [TestCase("Personen 4601011234 väntar", ViolationKind.Personnummer)]
    [TestCase("Personen 460161-1234 (samordningsnummer)", ViolationKind.Personnummer)]
    [TestCase("IVO 19520312-T456", ViolationKind.IvoIdentifier)]
    [TestCase("IVO 19520312-TF45", ViolationKind.IvoIdentifier)]
    [TestCase("IVO 19520312–t456", ViolationKind.IvoIdentifier)]
    [TestCase("Född 1952-03-12", ViolationKind.Date)]
    [TestCase("Född 19520312", ViolationKind.Date)]
    [TestCase("Född 12/03/1952", ViolationKind.Date)]
    [TestCase("Beslut 2026-02-03", ViolationKind.Date)]
    [TestCase("Beslutsmånad 2026-02", ViolationKind.Date)]
    public void Check_PlantedPattern_IsCaught(string text, ViolationKind kind)
    {
        var result = AnonymityGuard.Check(text, AnonymityContext.ForDates(Q.FirstDay, Q.ReportingDay, Upprattad));
        Assert.That(result.Violations.Select(v => v.Kind), Does.Contain(kind));
    }

    [TestCase("beslut den 3 januari 2024")]
    [TestCase("beslut 3 jan. 2024")]
    [TestCase("beslut den 3:e mars")]
    [TestCase("beslut 14 FEBRUARI 2026")]
    [TestCase("beslut i december 2022")]
    public void Check_SwedishMonthNameDate_IsCaught(string text)
    {
        var result = AnonymityGuard.Check(text, AnonymityContext.ForDates(Q.FirstDay, Q.ReportingDay, Upprattad));
        Assert.That(result.Violations.Select(v => v.Kind), Does.Contain(ViolationKind.Date));
    }

    [TestCase("Rapporteringsdag 2026-09-30")]
    [TestCase("den 30 september 2026")]
    [TestCase("den 30 september")]
    [TestCase("Upprättad 20261005")]
    [TestCase("5/10/2026")]
    [TestCase("september 2026")]
    [TestCase("från 2026-01-01 gäller")]
    public void Check_AllowedDate_Passes(string text)
    {
        var result = AnonymityGuard.Check(text, AnonymityContext.ForDates(Q.FirstDay, Q.ReportingDay, Upprattad));
        Assert.That(result.IsClean, Is.True, result.ToString());
    }

    [Test]
    public void Check_LeakyText_ViolationsNeverContainTheValue()
    {
        var text = "B-77123 P-55821 Hemtjänst Norra Vreten Väntar på plats i Solgården, Anna Svensson 19400101-T123 460101-1234 1952-03-12 3 januari 2024";
        var result = AnonymityGuard.Check(text, Context(), "body");
        var printed = string.Join("|", result.Violations.Select(v => $"{v} {v.Location} {v.Category}"));
        Assert.That(result.Violations, Has.Count.GreaterThanOrEqualTo(8));
        foreach (var secret in new[] { "77123", "55821", "Vreten", "Solgården", "Svensson", "T123", "1234", "1952", "januari" })
            Assert.That(printed, Does.Not.Contain(secret).IgnoreCase);
    }

    [Test]
    public void Check_ForbiddenValueShorterThanThree_IsIgnored()
    {
        var context = new AnonymityContext([new ForbiddenValue("ab", "skal")], []);
        Assert.That(AnonymityGuard.Check("ab ab ab", context).IsClean, Is.True);
    }

    [Test]
    public void Check_ShortIvoIdMarkedAlwaysCheck_IsCaught()
    {
        var context = new AnonymityContext([new ForbiddenValue("T1", "ivo_id", AlwaysCheck: true)], []);
        Assert.That(AnonymityGuard.Check("id t1", context).IsClean, Is.False);
    }

    [Test]
    public void Check_ForbiddenValueThatIsAnInsatsName_IsNotALeak()
    {
        var b = Planted with { Enhet = "Särskilt boende" };
        var context = AnonymityContext.ForRun(Q, Upprattad, [b], [], ApprovedNames);
        Assert.That(AnonymityGuard.Check("Särskilt boende: 3", context).IsClean, Is.True);
    }

    [Test]
    public void Check_ForbiddenValueInsideLongerWord_IsNotALeak()
    {
        var context = new AnonymityContext([new ForbiddenValue("Norr", "enhet")], []);
        Assert.That(AnonymityGuard.Check("Norrtälje", context).IsClean, Is.True);
    }

    [Test]
    public void Check_ModelWithKonCellUnderK_ReportsSmallCell()
    {
        var model = Model(new KonFordelning(2, 8), open: 10);
        var result = AnonymityGuard.Check(model, 3);
        Assert.That(result.Violations, Has.Some.Matches<GuardViolation>(v => v!.Kind == ViolationKind.SmallCell && v.Location == "Kon.Kvinnor"));
    }

    [Test]
    public void Check_ModelWithUnknownKonUnderK_ReportsSmallCell()
    {
        var result = AnonymityGuard.Check(Model(new KonFordelning(4, 5), open: 10), 3);
        Assert.That(result.Violations, Has.Some.Matches<GuardViolation>(v => v!.Location == "Kon.Okant"));
    }

    [Test]
    public void Check_CleanModel_Passes()
    {
        var result = AnonymityGuard.Check(Model(new KonFordelning(4, 6), open: 10), 3);
        Assert.That(result.IsClean, Is.True, result.ToString());
    }

    [Test]
    public void Check_ModelWithDateInInsatsName_ReportsFieldName()
    {
        var model = Model(null, 1) with
        {
            Sektioner = [new StatistikSektion("SoL", "ej_verkstallt", 1, [new StatistikRad("Hemtjänst 1952-03-12", 1, [1, 0, 0, 0])])],
        };
        var result = AnonymityGuard.Check(model, 3);
        Assert.That(result.Violations, Is.EqualTo(new[] { new GuardViolation(ViolationKind.Date, "Sektioner[0].Rader[0].Insats") }));
    }

    [Test]
    public void Check_ModelWithPlantedSkal_IsCaughtWithContext()
    {
        var model = Model(null, 1) with
        {
            Sektioner = [new StatistikSektion("SoL", "ej_verkstallt", 1, [new StatistikRad("Väntar på plats i Solgården, Anna Svensson", 1, [1, 0, 0, 0])])],
        };
        var result = AnonymityGuard.Check(model, 3, Context());
        Assert.That(result.Violations.Select(v => v.Category), Does.Contain("skal"));
    }

    private static StatistikRapport Model(KonFordelning? kon, int open) => new()
    {
        Quarter = "2026Q3",
        ReportingDay = Q.ReportingDay,
        Namnd = "socialnamnden",
        NamndNamn = "Socialnämnden",
        Totals = new StatistikTotals(open, open, 0, 0, 0, 0, open, 0),
        Bands = StatistikOptions.Default.BandLabels(),
        Sektioner = [],
        Trend = [new TrendPoint("2026Q2", 8), new TrendPoint("2026Q3", open)],
        Rapporteringsparagrafer = ["16 kap. 6 f–h §§ SoL (2001:453)", "28 f–h §§ LSS"],
        Kon = kon,
        MinCellSize = 3,
    };
}
