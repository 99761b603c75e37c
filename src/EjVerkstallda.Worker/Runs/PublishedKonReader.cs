using System.Text.Json;
using EjVerkstallda.Core.Lifecycle;
using EjVerkstallda.Core.Statistik;
using EjVerkstallda.Infrastructure.Output;
using EjVerkstallda.Infrastructure.State;

namespace EjVerkstallda.Worker.Runs;

/// <summary>
/// The kön breakdowns a reader can subtract this quarter's from, as stored in the state store (not the output folder): every
/// version that was sent out (approved, also when a correction superseded it later), and what will be sent before this one.
/// That is every sent version of this quarter (a correction's Rättelse shows its difference from them), and of the latest
/// earlier quarter with a breakdown every sent version and its current version (a draft now, approved before this quarter:
/// quarters are approved in order). A quarter that left it out is skipped, so a breakdown held back once cannot be published
/// next quarter against an older one with the same small difference.
/// </summary>
public sealed class PublishedKonReader(LifecycleStore lifecycle)
{
    public async Task<IReadOnlyList<PublishedKon>> PublishedAsync(string namnd, Core.Kvartal.Kvartal quarter, CancellationToken ct)
    {
        var all = await lifecycle.LoadAllAsync(namnd, ct);
        var published = new List<PublishedKon>();
        if (all.FirstOrDefault(l => l.Quarter == quarter) is { } same) published.AddRange(await KonOfAsync(same, same.Sent, ct));
        foreach (var earlier in all.Where(l => l.Quarter < quarter).OrderByDescending(l => l.Quarter))
        {
            var sent = await KonOfAsync(earlier, earlier.Sent.Append(earlier.Current!).DistinctBy(v => v.Version), ct);
            if (sent.Count == 0) continue;
            published.AddRange(sent);
            break;
        }
        return published;
    }

    /// <summary>The breakdowns of those of the quarter's <paramref name="versions"/> that have one.</summary>
    private async Task<List<PublishedKon>> KonOfAsync(QuarterLifecycle lc, IEnumerable<QuarterVersion> versions, CancellationToken ct)
    {
        var kon = new List<PublishedKon>();
        foreach (var v in versions)
        {
            var doc = await lifecycle.GetDocumentAsync(lc.Namnd, lc.Quarter.ToString(), v.Version, OutputNames.StatistikJson, ct);
            if (doc is not null && JsonSerializer.Deserialize<StatistikRapport>(doc.Content, OutputFiles.Json) is { } rapport && PublishedKon.Of(rapport) is { } k)
                kon.Add(k);
        }
        return kon;
    }
}
