using EjVerkstallda.Core.Lifecycle;

namespace EjVerkstallda.Worker.Lifecycle;

public sealed partial class QuarterLifecycleService
{
    /// <summary>Every quarter of the nämnd that has a version, oldest first, with each version's approvals, decision and deliveries.</summary>
    public async Task<IReadOnlyList<QuarterStatus>> StatusAsync(string namndId, CancellationToken ct)
    {
        var all = await store.LoadAllAsync(namndId, ct);
        var sent = (await store.DeliveriesAsync(namndId, ct)).ToLookup(d => (d.Quarter, (int)d.Version));
        return all.Select(lc =>
        {
            var current = lc.Current!;
            var versions = lc.Versions.Select(v => VersionStatus.Of(v, sent[(lc.Quarter.ToString(), v.Version)].Select(SentStatus.Of).ToList())).ToList();
            var perCase = versions.Single(v => v.Version == current.Version).Sent.Where(s => s.Purpose == "per_case").ToList();
            return new QuarterStatus(lc.Quarter.ToString(), current.Version, current.State.ToCode(), lc.AwaitsApproval, versions)
            {
                Revisorer = perCase.Count == 0 ? "-" : string.Join(", ", perCase.Select(p => p.MessageId is null ? p.State : $"{p.State} ({p.Channel})").Distinct()),
            };
        }).ToList();
    }
}
