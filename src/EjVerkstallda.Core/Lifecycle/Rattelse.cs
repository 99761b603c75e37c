using EjVerkstallda.Core.Statistik;

namespace EjVerkstallda.Core.Lifecycle;

/// <summary>
/// What a correction changed, in the public statistikrapport's own counts (totals, per lag and kind): never a case. The
/// lines go into the "Rättelse" e-mails to recipients who had the earlier version.
/// </summary>
public static class Rattelse
{
    public static IReadOnlyList<string> Changes(StatistikRapport from, StatistikRapport to)
    {
        var lines = new List<string>();
        void Line(string what, int a, int b)
        {
            if (a != b) lines.Add($"{what}: {a} → {b}");
        }
        Line("Ej verkställda beslut vid kvartalets slut", from.Totals.Open, to.Totals.Open);
        Line("  varav enligt SoL", from.Totals.OpenSoL, to.Totals.OpenSoL);
        Line("  varav enligt LSS", from.Totals.OpenLss, to.Totals.OpenLss);
        Line("Nya under kvartalet", from.Totals.Ny, to.Totals.Ny);
        Line("Kvarstår sedan tidigare", from.Totals.Kvarstar, to.Totals.Kvarstar);
        Line("Verkställda under kvartalet", from.Totals.Verkstallda, to.Totals.Verkstallda);
        Line("Avslutade utan verkställighet", from.Totals.Avslutade, to.Totals.Avslutade);
        Line("Sent rapporterade", from.Totals.Late, to.Totals.Late);
        var before = from.Sektioner.ToDictionary(s => (s.Lag, s.Kind), s => s.Antal);
        foreach (var s in to.Sektioner)
            Line($"{s.Lag}, {KindName(s.Kind)}", before.GetValueOrDefault((s.Lag, s.Kind)), s.Antal);
        return lines;
    }

    private static string KindName(string kind) => kind == "avbrott" ? "avbrott i verkställighet" : "ej verkställda beslut";
}
