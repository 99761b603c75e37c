using EjVerkstallda.Core.Beslut;
using EjVerkstallda.Core.Classification;
using EjVerkstallda.Core.Kvartal;

namespace EjVerkstallda.Core.Statistik;

public static class StatistikBuilder
{
    /// <param name="earlierOpen">Open counts of earlier quarters from the ledger, any order.</param>
    public static StatistikRapport Build(
        Kvartal.Kvartal quarter,
        string namnd,
        string namndNamn,
        IReadOnlyList<IvoReport> reports,
        IEnumerable<TrendPoint> earlierOpen,
        StatistikOptions? options = null,
        IReadOnlyList<PublishedKon>? publishedKon = null)
    {
        options ??= StatistikOptions.Default;
        var open = reports.Where(r => r.IsOpen).ToList();
        var kon = KonBreakdown(open, options.MinCellSize, publishedKon ?? []);
        var sections = new List<StatistikSektion>();
        foreach (var lag in Enum.GetValues<Lag>())
            foreach (var kind in Enum.GetValues<CaseKind>())
                sections.Add(Section(lag, kind, open, quarter.ReportingDay, options));

        var trend = earlierOpen
            .Where(t => Kvartal.Kvartal.TryParse(t.Quarter, out var q) && q < quarter)
            .OrderBy(t => t.Quarter, StringComparer.Ordinal)
            .Append(new TrendPoint(quarter.ToString(), open.Count))
            .ToList();

        return new StatistikRapport
        {
            Quarter = quarter.ToString(),
            ReportingDay = quarter.ReportingDay,
            Namnd = namnd,
            NamndNamn = namndNamn,
            Totals = new StatistikTotals(
                open.Count,
                reports.Count(r => r.Status == ReportStatus.Ny),
                reports.Count(r => r.Status == ReportStatus.Kvarstar),
                reports.Count(r => r.Status == ReportStatus.Verkstalld),
                reports.Count(r => r.Status == ReportStatus.Avslutad),
                reports.Count(r => r.Late),
                open.Count(r => r.Lag == Lag.SoL),
                open.Count(r => r.Lag == Lag.LSS)),
            Bands = options.BandLabels(),
            Sektioner = sections,
            Trend = trend,
            Rapporteringsparagrafer = reports
                .Select(r => LagrumText.ReportingParagraphs(r.Lag, r.Beslut.Beslutsdatum))
                .Distinct()
                .OrderBy(p => p, StringComparer.Ordinal)
                .ToList(),
            Kon = kon.Kon,
            KonUtelamnad = kon.Utelamnad,
            KonJamfordMed = publishedKon?.Select(p => p.Quarter).Max(StringComparer.Ordinal),
            MinCellSize = options.MinCellSize,
        };
    }

    private static StatistikSektion Section(Lag lag, CaseKind kind, List<IvoReport> open, DateOnly e, StatistikOptions options)
    {
        var rows = open
            .Where(r => r.Lag == lag && r.Kind == kind)
            .GroupBy(r => PublicInsatsNamn.Resolve(r.Beslut.Insats, options.InsatsNamn).Namn, StringComparer.Ordinal)
            .OrderBy(g => PublicInsatsNamn.IsNeutral(g.Key))
            .ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var perBand = new int[options.BandStartMonths.Count];
                foreach (var r in g) perBand[options.BandOf(Frist.WholeMonths(r.Start, e))]++;
                return new StatistikRad(g.Key, g.Count(), perBand);
            })
            .ToList();
        return new StatistikSektion(lag.ToString(), kind.ToCode(), rows.Sum(r => r.Antal), rows);
    }

    private static (KonFordelning? Kon, string? Utelamnad) KonBreakdown(List<IvoReport> open, int k, IReadOnlyList<PublishedKon> published)
    {
        var kvinnor = open.Count(r => r.Beslut.Kon == Kon.K && !r.Beslut.SkyddadIdentitet);
        var man = open.Count(r => r.Beslut.Kon == Kon.M && !r.Beslut.SkyddadIdentitet);
        return KonRule.Decide(kvinnor, man, open.Count - kvinnor - man, k, published);
    }
}
