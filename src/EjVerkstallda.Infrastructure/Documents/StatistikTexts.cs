using System.Globalization;
using EjVerkstallda.Core.Statistik;

namespace EjVerkstallda.Infrastructure.Documents;

/// <summary>
/// The Swedish sentences of the tjänsteskrivelse, written from the anonymised model only: counts, approved public insats
/// names, bands, quarters and the report's own dates. Nothing here can see a beslut.
/// </summary>
internal static class StatistikTexts
{
    private static readonly CultureInfo Sv = CultureInfo.GetCultureInfo("sv-SE");

    internal const string LawSoL = "socialtjänstlagen (SoL)";
    internal const string LawLss = "lagen (1993:387) om stöd och service till vissa funktionshindrade (LSS)";

    /// <summary>"2026Q3" → "kvartal 3 2026".</summary>
    internal static string Kvartal(string quarter) =>
        quarter.Length == 6 ? $"kvartal {quarter[5]} {quarter[..4]}" : quarter;

    internal static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>"30 september 2026".</summary>
    internal static string LongDate(DateOnly d) => d.ToString("d MMMM yyyy", Sv);

    internal static string Count(int n, string singular, string plural) => $"{n} {(n == 1 ? singular : plural)}";

    internal static int Antal(StatistikRapport m, string lag, string kind) =>
        m.Sektioner.Where(s => s.Lag == lag && s.Kind == kind).Sum(s => s.Antal);

    internal static string SectionTitle(StatistikSektion s) =>
        (s.Kind == "avbrott" ? "Avbrott i verkställigheten enligt " : "Ej verkställda beslut enligt ") + s.Lag;

    internal static IEnumerable<string> Sammanfattning(StatistikRapport m)
    {
        var q = Kvartal(m.Quarter);
        var open = m.Totals.Open;
        yield return open == 0
            ? $"Vid utgången av {q} ({Date(m.ReportingDay)}) fanns inga gynnande beslut som inte hade verkställts inom tre månader och inga avbrott i verkställigheten som varat längre än tre månader."
            : $"Vid utgången av {q} ({Date(m.ReportingDay)}) fanns {Count(open, "gynnande beslut", "gynnande beslut")} som inte hade verkställts inom tre månader från beslutsdagen eller där verkställigheten hade avbrutits och inte återupptagits inom tre månader.";
        if (open > 0)
            yield return $"Enligt SoL gäller det {PerKind(m, "SoL")}. Enligt LSS gäller det {PerKind(m, "LSS")}.";
        yield return Change(m);
        if (m.Totals.Verkstallda + m.Totals.Avslutade > 0)
            yield return $"Under kvartalet har {Count(m.Totals.Verkstallda, "rapporterat beslut", "rapporterade beslut")} verkställts eller återupptagits och {Count(m.Totals.Avslutade, "beslut", "beslut")} avslutats av annan anledning.";
        yield return "Varje beslut rapporteras också till Inspektionen för vård och omsorg (IVO) och till kommunens revisorer.";
    }

    private static string PerKind(StatistikRapport m, string lag) =>
        $"{Count(Antal(m, lag, "ej_verkstallt"), "ej verkställt beslut", "ej verkställda beslut")} och {Count(Antal(m, lag, "avbrott"), "avbrott", "avbrott")}";

    internal static string Change(StatistikRapport m)
    {
        if (m.Trend.Count < 2)
            return "Uppgift om föregående kvartal saknas, så någon jämförelse görs inte.";
        var prev = m.Trend[^2];
        var diff = m.Totals.Open - prev.Open;
        var at = $"vid utgången av {Kvartal(prev.Quarter)}";
        return diff switch
        {
            > 0 => $"Det är {diff} fler än {at}, då antalet var {prev.Open}.",
            < 0 => $"Det är {-diff} färre än {at}, då antalet var {prev.Open}.",
            _ => $"Antalet är detsamma som {at}.",
        };
    }

    internal static IEnumerable<string> Arendebeskrivning(StatistikRapport m, int k)
    {
        var paragraphs = m.Rapporteringsparagrafer.Count > 0
            ? m.Rapporteringsparagrafer.OrderBy(p => p.Contains("LSS", StringComparison.Ordinal)).ThenBy(p => p, StringComparer.Ordinal).ToList()
            : ["34 kap. 1–3 §§ SoL (2025:400)", "28 f–h §§ LSS"];
        yield return $"Enligt {Join(paragraphs)} ska nämnden lämna en statistikrapport till kommunfullmäktige över hur många gynnande beslut som inte har verkställts inom tre månader från dagen för respektive beslut. Rapporten ska ange vilka typer av insatser besluten gäller och hur lång tid som har förflutit från dagen för respektive beslut. Detsamma gäller beslut där verkställigheten har avbrutits och inte återupptagits inom tre månader från dagen för avbrottet.";
        yield return "Nämnden rapporterar samma beslut, ett i taget, till Inspektionen för vård och omsorg (IVO) och till kommunens revisorer. Ett beslut rapporteras varje kvartal tills det har verkställts eller avslutats av annan anledning. Beslut enligt SoL rapporteras enligt den lag som gällde när beslutet fattades.";
        yield return $"Statistikrapporten är en allmän handling som kan lämnas ut till den som begär det. Enligt förarbetena ska den utformas så att ingen kan härleda vilka personer besluten gäller, och nämnden anger inte skälen till att enskilda beslut inte har verkställts. Rapporten redovisar därför bara antal beslut per lag, typ av insats och tid i hela månader sedan beslutet eller avbrottet. Den innehåller inga datum för enskilda beslut, inga enheter och inga andra uppgifter om enskilda. En fördelning efter kön redovisas bara när varje grupp omfattar minst {k} beslut och när skillnaden mot den senast redovisade fördelningen är minst {k} beslut i varje grupp (eller ingen alls), så att enskilda inte kan räknas fram genom att jämföra kvartal. Typer av insatser anges med de namn som nämnden har godkänt för offentlig redovisning; insatser utan godkänt namn redovisas som övriga insatser.";
    }

    internal static string TabellerIntro(StatistikRapport m) =>
        $"Tabellerna visar antalet beslut som inte hade verkställts den {LongDate(m.ReportingDay)}, per typ av insats och fördelade efter hur lång tid som förflutit från beslutsdagen (för avbrott: från dagen för avbrottet), räknat i hela månader. Beslut som verkställts eller avslutats under kvartalet ingår inte i tabellerna.";

    internal static IEnumerable<string> Bedomning(StatistikRapport m)
    {
        var trend = m.Trend.TakeLast(TrendChart.MaxQuarters).ToList();
        if (trend.Count >= 2)
        {
            var first = trend[0];
            var verb = m.Totals.Open > first.Open ? "ökat" : m.Totals.Open < first.Open ? "minskat" : "varit oförändrat";
            yield return $"Antalet ej verkställda beslut och avbrott vid kvartalets slut har {verb} från {first.Open} vid utgången av {Kvartal(first.Quarter)} till {m.Totals.Open} vid utgången av {Kvartal(m.Quarter)} (figur 1). {Change(m)}";
        }
        else
        {
            yield return $"Vid utgången av {Kvartal(m.Quarter)} fanns {m.Totals.Open} ej verkställda beslut och avbrott (figur 1). {Change(m)}";
        }
        if (m.Totals.Open > 0)
            yield return $"Av dessa rapporteras {m.Totals.Ny} för första gången, medan {m.Totals.Kvarstar} har rapporterats tidigare och ännu inte har verkställts.";
        yield return $"Sedan förra rapporten har {Count(m.Totals.Verkstallda, "beslut", "beslut")} verkställts eller återupptagits och {Count(m.Totals.Avslutade, "beslut", "beslut")} avslutats av annan anledning.";
        var longest = m.Sektioner.Sum(s => s.Rader.Sum(r => r.PerBand.Count > 0 ? r.PerBand[^1] : 0));
        if (longest > 0 && m.Bands.Count > 0)
            yield return $"I {Count(longest, "fall", "fall")} har det gått {m.Bands[^1].Replace("mån", "månader", StringComparison.Ordinal)} sedan beslutet eller avbrottet.";
        if (m.Totals.Late > 0)
            yield return $"{Count(m.Totals.Late, "beslut rapporteras", "beslut rapporteras")} för första gången trots att tremånadersfristen löpte ut före föregående kvartals slut. Rutinerna för registrering och uppföljning av beslut bör ses över.";
    }

    internal static string ChartCaption => "Figur 1. Antal ej verkställda beslut och avbrott vid kvartalets slut, de senaste kvartalen.";

    internal static string ChartAltText(StatistikRapport m) =>
        "Stapeldiagram över antal ej verkställda beslut och avbrott vid kvartalets slut: "
        + string.Join(", ", m.Trend.TakeLast(TrendChart.MaxQuarters).Select(t => $"{TrendChart.Label(t.Quarter)}: {t.Open}")) + ".";

    internal static string EkonomiskaKonsekvenser =>
        "Nämnden kan åläggas att betala en särskild avgift om ett gynnande beslut inte verkställs inom skälig tid. "
        + "Det är Inspektionen för vård och omsorg (IVO) som ansöker om avgiften och förvaltningsrätten som beslutar om den. "
        + "Avgiften bestäms i varje enskilt ärende. Enligt socialtjänstlagen (2001:453) är avgiften lägst 10 000 kronor och högst 1 000 000 kronor. "
        + "För beslut enligt 34 kap. 7 § socialtjänstlagen (2025:400) och 28 b § LSS som fattas från och med den 1 januari 2026 är avgiften lägst 15 000 kronor och högst 1 500 000 kronor. "
        + "IVO:s ansökan ska delges nämnden inom två år från beslutet eller avbrottet.";

    internal static string Jamstalldhet(StatistikRapport m) => (m.Kon, m.KonUtelamnad) switch
    {
        ({ } kon, _) => $"Av de {m.Totals.Open} ej verkställda besluten och avbrotten gäller {kon.Kvinnor} kvinnor eller flickor och {kon.Man} män eller pojkar.",
        (null, KonRule.LitenForandring) => KonForandringText(m),
        _ => $"En fördelning efter kön redovisas inte, eftersom minst en grupp skulle omfatta färre än {m.MinCellSize} beslut och enskilda då skulle kunna identifieras.",
    };

    /// <summary>The breakdown held back because its difference from the last published one is too small (see <see cref="KonRule"/>).</summary>
    private static string KonForandringText(StatistikRapport m)
    {
        var previous = Core.Kvartal.Kvartal.TryParse(m.Quarter, out var q) ? q.Previous.ToString() : null;
        var against = m.KonJamfordMed is null || m.KonJamfordMed == previous
            ? "föregående kvartal"
            : $"den senast redovisade fördelningen ({Kvartal(m.KonJamfordMed)})";
        return $"Fördelningen per kön redovisas inte detta kvartal eftersom förändringen mot {against} är för liten för att inte röja enskilda. "
            + $"Fördelningen redovisas när varje grupp har förändrats med minst {m.MinCellSize} beslut, eller inte alls.";
    }

    internal static string Fill(string template, StatistikRapport m, DateOnly upprattad) => template
        .Replace("{kvartal}", m.Quarter.Length == 6 ? m.Quarter[5..] : m.Quarter, StringComparison.Ordinal)
        .Replace("{år}", m.Quarter.Length == 6 ? m.Quarter[..4] : "", StringComparison.Ordinal)
        .Replace("{nämnd}", m.NamndNamn, StringComparison.Ordinal)
        .Replace("{upprättad}", Date(upprattad), StringComparison.Ordinal);

    private static string Join(IReadOnlyList<string> items) =>
        items.Count == 1 ? items[0] : string.Join(", ", items.Take(items.Count - 1)) + " och " + items[^1];
}
