using EjVerkstallda.Core.Kvartal;
using EjVerkstallda.Infrastructure.Demo;

namespace EjVerkstallda.Bench;

/// <summary>
/// A case system with twenty years of history, streamed: most beslut verkställda in time, a few per cent late and since
/// closed, a few open (recent ones only, as in a real system), closed ones, avbrott, spread over several nämnder.
/// </summary>
public static class BenchGenerator
{
    public static IEnumerable<DemoBeslut> Beslut(Kvartal quarter, long count, int namnder, int seed)
    {
        var rnd = new Random(seed);
        var end = quarter.ReportingDay;
        var start = end.AddYears(-20);
        var span = end.DayNumber - start.DayNumber;
        var codes = DemoCatalogue.Insatser.Select(i => i.Kod).ToArray();
        for (long i = 0; i < count; i++)
        {
            var day = start.AddDays(rnd.Next(span + 1));
            var recent = day > end.AddYears(-2);
            var b = new DemoBeslut
            {
                BeslutId = $"B{i:D9}", PersonId = $"P{rnd.Next((int)Math.Max(10, count / 3)):D9}", InsatsKod = codes[rnd.Next(codes.Length)],
                BeslutDatum = day, Enhet = "Enheten", Namnd = $"n{rnd.Next(namnder):D3}",
            };
            var roll = rnd.Next(1000);
            yield return roll switch
            {
                < 920 => b with { VerkstDatum = day.AddDays(rnd.Next(1, 85)) },
                < 950 => b with { VerkstDatum = day.AddDays(rnd.Next(95, 400)), Kommentar = "Resursbrist" },
                < 970 => b with { AvslutDatum = day.AddDays(rnd.Next(10, 300)), AvslutOrsak = "behov_upphort" },
                < 990 => Interrupted(b, day, rnd),
                _ when recent => b with { Kommentar = "Väntar på plats" },
                _ => b with { VerkstDatum = day.AddDays(rnd.Next(95, 700)) },
            };
        }
    }

    private static DemoBeslut Interrupted(DemoBeslut b, DateOnly day, Random rnd)
    {
        var verk = day.AddDays(rnd.Next(1, 60));
        var avbrott = verk.AddDays(rnd.Next(30, 900));
        DateOnly? ater = rnd.Next(10) < 8 ? avbrott.AddDays(rnd.Next(5, 80)) : avbrott.AddDays(rnd.Next(100, 300));
        return b with { VerkstDatum = verk, AvbrottDatum = avbrott, AterDatum = ater };
    }

    public static IEnumerable<DemoPerson> Persons(long count) =>
        Enumerable.Range(0, (int)Math.Max(10, count / 3)).Select(i => new DemoPerson($"P{i:D9}", new DateOnly(1930, 1, 1).AddDays(i % 28000), i % 2 == 0 ? "K" : "M", false));
}
