using EjVerkstallda.Core.Beslut;
using EjVerkstallda.Infrastructure.Demo;

namespace EjVerkstallda.Bench.Web;

/// <summary>
/// The web benchmark's case system: one nämnd whose 2026Q3 yields exactly <see cref="Reports"/> IVO reports (open ej
/// verkställda, some late; open avbrott; closing reports: verkställda, avslutade and återupptagna avbrott in the quarter),
/// among nine times as many beslut verkställda in time. Deterministic: the same rows every run.
/// </summary>
public static class WebQuarter
{
    public const string Quarter = "2026Q3";
    public const int Reports = 2000;
    private const int InTime = 18000;
    private static readonly DateOnly Start = new(2026, 7, 1);

    private static readonly string[] Reported = DemoCatalogue.Insatser.Where(i => i.Lagrum != LagrumCodes.Utover).Select(i => i.Kod).ToArray();

    public static IEnumerable<DemoPerson> Persons() =>
        Enumerable.Range(0, Reports).Select(i => new DemoPerson(Person(i), new DateOnly(1930, 1, 1).AddDays(i * 7 % 28000), i % 2 == 0 ? "K" : "M", i % 97 == 0));

    /// <summary>1 000 open ej verkställda, 300 open avbrott, 400 verkställda, 150 avslutade, 150 återupptagna (= 2 000).</summary>
    public static IEnumerable<DemoBeslut> Beslut()
    {
        for (var i = 0; i < Reports; i++)
        {
            var b = new DemoBeslut
            {
                BeslutId = $"W{i:D6}", PersonId = Person(i), InsatsKod = Reported[i % Reported.Length], Enhet = "Enheten",
                Kommentar = i % 3 == 0 ? DemoCatalogue.Reasons[i % DemoCatalogue.Reasons.Count] : null,
            };
            yield return i switch
            {
                < 1000 => b with { BeslutDatum = new DateOnly(2025, 10, 1).AddDays(i % 250) },
                < 1300 => Avbrott(b, i, new DateOnly(2025, 12, 1).AddDays(i % 180), null),
                < 1700 => b with { BeslutDatum = new DateOnly(2026, 1, 5).AddDays(i % 150), VerkstDatum = new DateOnly(2026, 9, 10).AddDays(i % 20) },
                < 1850 => b with
                {
                    BeslutDatum = new DateOnly(2026, 1, 5).AddDays(i % 150), AvslutDatum = new DateOnly(2026, 9, 12).AddDays(i % 15),
                    AvslutOrsak = "behov_upphort",
                },
                _ => Avbrott(b, i, new DateOnly(2026, 2, 1).AddDays(i % 100), new DateOnly(2026, 9, 15).AddDays(i % 10)),
            };
        }
        for (var i = 0; i < InTime; i++)
        {
            var day = Start.AddDays(-(i * 13 % 2400));
            yield return new DemoBeslut
            {
                BeslutId = $"T{i:D6}", PersonId = Person(i * 7), InsatsKod = DemoCatalogue.Insatser[i % DemoCatalogue.Insatser.Count].Kod,
                BeslutDatum = day, VerkstDatum = day.AddDays(1 + i % 80), Enhet = "Enheten",
            };
        }
    }

    private static DemoBeslut Avbrott(DemoBeslut b, int i, DateOnly avbrott, DateOnly? ater)
    {
        var beslut = new DateOnly(2024, 1, 10).AddDays(i % 300);
        return b with { BeslutDatum = beslut, VerkstDatum = beslut.AddDays(20), AvbrottDatum = avbrott, AterDatum = ater };
    }

    private static string Person(int i) => $"P{i % Reports:D6}";
}
