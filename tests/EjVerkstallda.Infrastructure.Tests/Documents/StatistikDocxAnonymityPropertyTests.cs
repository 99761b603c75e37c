using EjVerkstallda.Core.Anonymity;
using EjVerkstallda.Core.Beslut;
using EjVerkstallda.Core.Classification;
using EjVerkstallda.Core.Ivo;
using EjVerkstallda.Core.Kvartal;
using EjVerkstallda.Core.Statistik;
using EjVerkstallda.Infrastructure.Documents;

namespace EjVerkstallda.Infrastructure.Tests.Documents;

/// <summary>
/// Random quarters whose beslut carry planted names, personnummer, addresses and unit names in their free text:
/// nothing of it may reach the public document.
/// </summary>
public class StatistikDocxAnonymityPropertyTests
{
    private const int Runs = 200;

    [Test]
    public void Render_RandomQuartersWithPlantedSecrets_NothingLeaks()
    {
        var rnd = new Random(20260930);
        for (var run = 0; run < Runs; run++)
        {
            var quarter = new Kvartal(rnd.Next(2025, 2028), rnd.Next(1, 5));
            var beslut = RandomBeslut(rnd, quarter);
            var reports = SampleData.Classify(beslut, quarter);
            var ivoIds = beslut.Select(b => b.PersonId).Distinct().ToDictionary(p => p, _ => IvoId.Create(new DateOnly(1950, 1, 1).AddDays(rnd.Next(20000)), rnd.Next(2) == 0 ? Kon.K : Kon.M, rnd.Next(500)));
            var trend = Enumerable.Range(1, rnd.Next(0, 10)).Select(i => Back(quarter, i)).Select(q => new TrendPoint(q.ToString(), rnd.Next(0, 60)));
            var model = StatistikBuilder.Build(quarter, "socialnamnden", "Socialnämnden", reports, trend);
            var upprattad = quarter.ReportingDay.AddDays(rnd.Next(1, 20));

            var text = DocxText.ExtractAll(StatistikDocxRenderer.Render(model, new TjansteskrivelseOptions(), upprattad));
            // The printed names (approved or the law's) are the only insats vocabulary allowed; catalogue texts are forbidden.
            var context = AnonymityContext.ForRun(quarter, upprattad, beslut, ivoIds.Values, model.Sektioner.SelectMany(s => s.Rader).Select(r => r.Insats));

            var result = AnonymityGuard.Check(text, context, $"run {run}");
            Assert.That(result.IsClean, Is.True, $"run {run} ({quarter}, {beslut.Count} beslut): {result}");
            Assert.That(AnonymityGuard.Check(model, model.MinCellSize, context).IsClean, Is.True, $"run {run}: model");
            foreach (var secret in Secrets(beslut, ivoIds.Values, context.AllowedDates))
                Assert.That(text, Does.Not.Contain(secret).IgnoreCase, $"run {run}: a planted value leaked");
        }
    }

    /// <summary>A beslut that happens to fall on one of the report's own dates (the reporting day) is no secret.</summary>
    private static IEnumerable<string> Secrets(IEnumerable<Beslut> beslut, IEnumerable<string> ivoIds, IReadOnlySet<DateOnly> allowedDates) =>
        beslut.SelectMany(b => new[] { b.Id, b.PersonId, b.Skal!, b.Enhet! })
            .Concat(ivoIds).Concat(Planted.Names).Concat(Planted.Addresses).Concat(Planted.Enheter)
            .Concat(beslut.Where(b => !allowedDates.Contains(b.Beslutsdatum)).Select(b => b.Beslutsdatum.ToString("yyyy-MM-dd")));

    private static Kvartal Back(Kvartal q, int n)
    {
        for (var i = 0; i < n; i++) q = q.Previous;
        return q;
    }

    private static List<Beslut> RandomBeslut(Random rnd, Kvartal quarter)
    {
        var list = new List<Beslut>();
        var count = rnd.Next(0, 40);
        for (var i = 0; i < count; i++)
        {
            var insats = SampleData.Catalogue[rnd.Next(SampleData.Catalogue.Length)];
            var beslutsdatum = quarter.ReportingDay.AddDays(-rnd.Next(0, 1000));
            var b = SampleData.NewBeslut(i, insats, beslutsdatum, rnd, plant: true);
            b = rnd.Next(5) switch
            {
                0 => b with { Verkstallighetsdatum = beslutsdatum.AddDays(rnd.Next(1, 400)) },
                1 => b with { Avslutsdatum = beslutsdatum.AddDays(rnd.Next(1, 400)), Avslutsorsak = Avslutsorsak.BehovUpphort },
                2 => b with { Verkstallighetsdatum = beslutsdatum.AddDays(10), Avbrottsdatum = beslutsdatum.AddDays(rnd.Next(20, 600)) },
                _ => b,
            };
            if (rnd.Next(8) == 0) b = b with { Kon = null };
            if (rnd.Next(10) == 0) b = b with { SkyddadIdentitet = true };
            list.Add(b);
        }
        return list;
    }
}
