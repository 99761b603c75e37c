using System.Text.Json;
using EjVerkstallda.Core.Statistik;
using EjVerkstallda.Infrastructure.Output;
using EjVerkstallda.Infrastructure.State;

namespace EjVerkstallda.Worker.Runs;

/// <summary>
/// The kön breakdown a reader can subtract this quarter's from: the latest earlier quarter whose stored statistikrapport
/// (in the state store, not the output folder) published one. A quarter that left it out is skipped, so a breakdown held back
/// once cannot be published next quarter against an older one with the same small difference.
/// </summary>
public sealed class PublishedKonReader(LedgerStore ledger, DocumentStore documents)
{
    public async Task<PublishedKon?> LatestBeforeAsync(string namnd, Core.Kvartal.Kvartal quarter, CancellationToken ct)
    {
        var earlier = (await ledger.CompletedQuartersAsync(namnd, ct))
            .Where(q => Core.Kvartal.Kvartal.TryParse(q, out var k) && k < quarter)
            .OrderByDescending(q => q, StringComparer.Ordinal);
        foreach (var q in earlier)
            if (await StoredAsync(namnd, q, ct) is { } kon) return kon;
        return null;
    }

    /// <summary>The one read of a stored report: its latest stored version's <c>statistikrapport.json</c>.</summary>
    private async Task<PublishedKon?> StoredAsync(string namnd, string quarter, CancellationToken ct)
    {
        if (await documents.GetAsync(namnd, quarter, OutputNames.StatistikJson, ct) is not { } doc) return null;
        using var json = JsonDocument.Parse(doc.Content);
        var root = json.RootElement;
        if (!root.TryGetProperty("kon", out var kon) || kon.ValueKind != JsonValueKind.Object) return null;
        var open = root.GetProperty("totals").GetProperty("open").GetInt32();
        var kvinnor = kon.GetProperty("kvinnor").GetInt32();
        var man = kon.GetProperty("man").GetInt32();
        return new PublishedKon(quarter, kvinnor, man, open - kvinnor - man);
    }
}
