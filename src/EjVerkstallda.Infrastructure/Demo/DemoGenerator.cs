using EjVerkstallda.Core.Kvartal;

namespace EjVerkstallda.Infrastructure.Demo;

/// <summary>Generates the demo case system's rows. Pure and seeded: the same quarter and seed give the same rows.</summary>
public static class DemoGenerator
{
    public static DemoData Generate(Kvartal quarter, int beslutCount, int seed)
    {
        var rnd = new Random(seed);
        var end = quarter.ReportingDay;
        var start = end.AddYears(-3).AddDays(1);
        var persons = Enumerable.Range(1, Math.Max(10, beslutCount * 3 / 4)).Select(i => Person(rnd, $"P-{5000 + i}")).ToList();
        var beslut = new List<DemoBeslut>();
        for (var i = 0; i < beslutCount; i++)
        {
            var person = persons[rnd.Next(persons.Count)];
            var kod = PickInsats(rnd);
            var day = start.AddDays(rnd.Next(end.DayNumber - start.DayNumber + 1));
            beslut.Add(Fate(rnd, $"B-{10001 + i}", person.PersonId, kod, day, end));
        }
        beslut.AddRange(DataQualityRows(persons[0].PersonId, end));
        return new DemoData(persons, beslut);
    }

    /// <summary>Three beslut made five to eight months before E that reach the case system only now: reported late.</summary>
    public static DemoData LateRegistrations(Kvartal quarter)
    {
        var e = quarter.ReportingDay;
        var persons = new List<DemoPerson> { new("P-9001", new DateOnly(1941, 3, 14), "K", false), new("P-9002", new DateOnly(1988, 11, 2), "M", false) };
        var beslut = new List<DemoBeslut>
        {
            new() { BeslutId = "B-90001", PersonId = "P-9001", InsatsKod = "SABO", BeslutDatum = e.AddMonths(-8), Enhet = "Biståndsenheten", Kommentar = DemoCatalogue.Reasons[0] },
            new() { BeslutId = "B-90002", PersonId = "P-9002", InsatsKod = "L4", BeslutDatum = e.AddMonths(-6), Enhet = "LSS-enheten", Kommentar = DemoCatalogue.Reasons[1] },
            new() { BeslutId = "B-90003", PersonId = "P-9002", InsatsKod = "L10", BeslutDatum = e.AddMonths(-5), VerkstDatum = e.AddDays(-20), Enhet = "LSS-enheten" },
        };
        return new DemoData(persons, beslut);
    }

    private static DemoPerson Person(Random rnd, string id)
    {
        var born = new DateOnly(1930, 1, 1).AddDays(rnd.Next(365 * 78));
        var kon = rnd.Next(2) == 0 ? "K" : "M";
        var roll = rnd.Next(100);
        return roll switch
        {
            0 => new DemoPerson(id, born, kon, Skyddad: true),
            1 => new DemoPerson(id, null, kon, false),
            _ => new DemoPerson(id, born, kon, false),
        };
    }

    private static string PickInsats(Random rnd)
    {
        var total = DemoCatalogue.Weights.Sum();
        var pick = rnd.Next(total);
        for (var i = 0; i < DemoCatalogue.Weights.Count; i++)
        {
            pick -= DemoCatalogue.Weights[i];
            if (pick < 0) return DemoCatalogue.Insatser[i].Kod;
        }
        return DemoCatalogue.Insatser[0].Kod;
    }

    private static DemoBeslut Fate(Random rnd, string id, string personId, string kod, DateOnly day, DateOnly end)
    {
        var lss = kod.StartsWith('L');
        var b = new DemoBeslut { BeslutId = id, PersonId = personId, InsatsKod = kod, BeslutDatum = day, Enhet = lss ? "LSS-enheten" : "Biståndsenheten" };
        DateOnly? Upto(DateOnly d) => d <= end.AddDays(60) ? d : null; // the case system also holds planned dates shortly after E
        var roll = rnd.Next(100);
        if (roll < 82)
        {
            var verk = day.AddDays(rnd.Next(2, 80));
            b = b with { VerkstDatum = Upto(verk) };
            if (rnd.Next(100) < 8 && verk.AddDays(30) < end) b = Interrupt(rnd, b, verk.AddDays(rnd.Next(30, 300)), end);
            return b;
        }
        if (roll < 92)
        {
            var offered = day.AddDays(rnd.Next(40, 120));
            var declined = rnd.Next(3) == 0;
            return b with
            {
                VerkstDatum = Upto(day.AddDays(rnd.Next(95, 420))),
                ErbjudenDatum = Upto(offered),
                TackatNej = Upto(offered) is null ? null : declined,
                Kommentar = DemoCatalogue.Reasons[rnd.Next(DemoCatalogue.Reasons.Count)],
            };
        }
        if (roll < 96)
        {
            string[] orsaker = ["aterkallad", "behov_upphort", "avliden", "flyttat", "annat"];
            return b with { AvslutDatum = Upto(day.AddDays(rnd.Next(20, 250))), AvslutOrsak = orsaker[rnd.Next(orsaker.Length)], Kommentar = DemoCatalogue.Reasons[5] };
        }
        return b with { Kommentar = DemoCatalogue.Reasons[rnd.Next(DemoCatalogue.Reasons.Count)] };
    }

    private static DemoBeslut Interrupt(Random rnd, DemoBeslut b, DateOnly avbrott, DateOnly end)
    {
        if (avbrott > end) return b;
        var roll = rnd.Next(10);
        DateOnly? ater = roll < 4 ? avbrott.AddDays(rnd.Next(10, 80)) : roll < 7 ? avbrott.AddDays(rnd.Next(100, 220)) : null;
        return b with { AvbrottDatum = avbrott, AterDatum = ater <= end.AddDays(60) ? ater : null, Kommentar = DemoCatalogue.Reasons[4] };
    }

    /// <summary>Rows a real case system contains now and then; each must land in the data-quality list.</summary>
    private static IEnumerable<DemoBeslut> DataQualityRows(string personId, DateOnly end)
    {
        var old = end.AddMonths(-7);
        yield return new DemoBeslut { BeslutId = "B-80001", PersonId = personId, InsatsKod = "XHT", BeslutDatum = old };
        yield return new DemoBeslut { BeslutId = "B-80002", PersonId = personId, InsatsKod = "HTJ", BeslutDatum = old, VerkstDatum = old.AddDays(-10) };
        yield return new DemoBeslut { BeslutId = "B-80003", PersonId = personId, InsatsKod = "L10", BeslutDatum = old.AddMonths(-6), VerkstDatum = old.AddMonths(-5), AvbrottDatum = old, AterDatum = old.AddDays(-3) };
        yield return new DemoBeslut { BeslutId = "B-80004", PersonId = personId, InsatsKod = "KPS", BeslutDatum = old, AvslutDatum = old.AddDays(150) };
        yield return new DemoBeslut { BeslutId = "B-80005", PersonId = personId, InsatsKod = "BST", BeslutDatumText = old.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture) };
    }
}
