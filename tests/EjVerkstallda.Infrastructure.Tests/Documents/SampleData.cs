using EjVerkstallda.Core.Beslut;
using EjVerkstallda.Core.Classification;
using EjVerkstallda.Core.Kvartal;
using EjVerkstallda.Core.Statistik;

namespace EjVerkstallda.Infrastructure.Tests.Documents;

/// <summary>Fictional beslut for the document tests: a believable quarter, and random quarters with planted secrets.</summary>
internal static class SampleData
{
    internal static readonly Kvartal Quarter = new(2026, 3);
    internal static readonly DateOnly Upprattad = new(2026, 10, 6);

    internal static readonly InsatsDefinition[] Catalogue =
    [
        new("SABO", "Särskilt boende", Lag.SoL, LagrumCodes.Bistand),
        new("HTJ", "Hemtjänst", Lag.SoL, LagrumCodes.Bistand),
        new("KP", "Kontaktperson", Lag.SoL, LagrumCodes.Bistand),
        new("KFAM", "Kontaktfamilj", Lag.SoL, LagrumCodes.Bistand),
        new("BST", "Boendestöd", Lag.SoL, LagrumCodes.Bistand),
        new("KORT", "Korttidsvistelse", Lag.SoL, LagrumCodes.Bistand),
        new("LSS4", "Kontaktperson", Lag.LSS, "9.4"),
        new("LSS3", "Ledsagarservice", Lag.LSS, "9.3"),
        new("LSS6", "Korttidsvistelse utanför det egna hemmet", Lag.LSS, "9.6"),
        new("LSS9", "Bostad med särskild service för vuxna", Lag.LSS, "9.9"),
        new("LSS10", "Daglig verksamhet", Lag.LSS, "9.10"),
    ];

    internal static readonly TrendPoint[] EarlierTrend =
    [
        new("2024Q4", 9), new("2025Q1", 11), new("2025Q2", 14), new("2025Q3", 13),
        new("2025Q4", 16), new("2026Q1", 18), new("2026Q2", 17),
    ];

    /// <summary>About twenty open beslut across several insats types, a few avbrott and a few closed since last quarter.</summary>
    internal static List<Beslut> SampleBeslut()
    {
        var rnd = new Random(2026);
        var list = new List<Beslut>();
        var picks = new[] { 0, 0, 0, 1, 1, 2, 2, 2, 3, 4, 4, 5, 6, 6, 7, 8, 9, 9, 9, 10, 0, 2, 6 };
        for (var i = 0; i < picks.Length; i++)
        {
            var beslutsdatum = Quarter.ReportingDay.AddDays(-rnd.Next(100, 800));
            var b = NewBeslut(i, Catalogue[picks[i]], beslutsdatum, rnd, plant: false);
            if (i is 3 or 12) b = b with { Verkstallighetsdatum = beslutsdatum.AddDays(-400), Avbrottsdatum = Quarter.ReportingDay.AddDays(-rnd.Next(100, 300)) };
            if (i is 20 or 21) b = b with { Verkstallighetsdatum = Quarter.FirstDay.AddDays(20) };
            if (i == 22) b = b with { Avslutsdatum = Quarter.FirstDay.AddDays(40), Avslutsorsak = Avslutsorsak.Aterkallad };
            list.Add(b);
        }
        return list;
    }

    internal static Beslut NewBeslut(int i, InsatsDefinition insats, DateOnly beslutsdatum, Random rnd, bool plant) => new()
    {
        Id = plant ? $"LC-{rnd.Next(100_000, 999_999)}" : $"B-{1000 + i}",
        PersonId = plant ? $"P{rnd.Next(1_000_000, 9_999_999)}" : $"P-{500 + i}",
        Insats = insats,
        Beslutsdatum = beslutsdatum,
        Fodelsedatum = new DateOnly(1930 + rnd.Next(0, 80), rnd.Next(1, 13), rnd.Next(1, 29)),
        Kon = rnd.Next(2) == 0 ? Kon.K : Kon.M,
        Enhet = plant ? Planted.Enheter[rnd.Next(Planted.Enheter.Length)] : "Biståndsenheten",
        Skal = plant ? Planted.Skal(rnd) : "Ingen ledig plats",
        Erbjudandedatum = rnd.Next(3) == 0 ? beslutsdatum.AddDays(40) : null,
        TackatNej = rnd.Next(4) == 0 ? true : null,
    };

    internal static IReadOnlyList<IvoReport> Classify(IEnumerable<Beslut> beslut, Kvartal quarter) =>
        Classifier.Classify(quarter, beslut, key => PriorReport.None).Reports;

    internal static IReadOnlyList<IvoReport> SampleReports()
    {
        var beslut = SampleBeslut();
        // Beslut whose deadline passed before the previous quarter ended were reported then: kvarstar.
        var earlier = beslut.Where(b => Frist.Deadline(b.Avbrottsdatum ?? b.Beslutsdatum) < Quarter.PreviousReportingDay).Select(b => b.Id).ToHashSet();
        return Classifier.Classify(Quarter, beslut, key => earlier.Contains(key.BeslutId) ? new PriorReport(true, false) : PriorReport.None).Reports;
    }

    /// <summary>The kommun's approved public names: here the catalogue's own SoL names (LSS carries the law's names).</summary>
    internal static readonly StatistikOptions Approved = new()
    {
        InsatsNamn = Catalogue.Where(i => i.Lag == Lag.SoL).ToDictionary(i => i.Kod, i => i.Benamning, StringComparer.Ordinal),
    };

    internal static StatistikRapport SampleModel() =>
        StatistikBuilder.Build(Quarter, "socialnamnden", "Socialnämnden", SampleReports(), EarlierTrend, Approved);
}

/// <summary>Fictional identifying strings planted in the case system's free text.</summary>
internal static class Planted
{
    internal static readonly string[] Names = ["Astrid Lindqvist", "Göran Bergström", "Fatima Yilmaz", "Nils-Erik Holm", "Maja Åkesson"];
    internal static readonly string[] Addresses = ["Storgatan 12 B", "Kvarnvägen 3, 646 30 Gnesta", "Björkstigen 7 lgh 1102"];
    internal static readonly string[] Enheter = ["Hemtjänst Solbacken norra", "Enheten för Vuxen- och biståndsfrågor Väst", "Gruppbostaden Lärkan"];

    internal static string Personnummer(Random rnd) =>
        $"{rnd.Next(30, 99)}{rnd.Next(1, 13):D2}{rnd.Next(1, 29):D2}-{rnd.Next(1000, 9999)}";

    internal static string Skal(Random rnd) => rnd.Next(4) switch
    {
        0 => $"{Names[rnd.Next(Names.Length)]} ({Personnummer(rnd)}) har tackat nej",
        1 => $"Väntar på lägenhet, {Addresses[rnd.Next(Addresses.Length)]}",
        2 => $"Anhörig {Names[rnd.Next(Names.Length)]} vill vänta, ring 070-{rnd.Next(1_000_000, 9_999_999)}",
        _ => $"Erbjuden plats den {rnd.Next(1, 28)} mars {rnd.Next(2024, 2027)} på {Enheter[rnd.Next(Enheter.Length)]}",
    };
}
