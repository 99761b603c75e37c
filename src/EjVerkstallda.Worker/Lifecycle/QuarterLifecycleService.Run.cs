using System.Data.Common;
using EjVerkstallda.Core.Lifecycle;
using EjVerkstallda.Infrastructure.Outbox;
using EjVerkstallda.Infrastructure.Output;
using EjVerkstallda.Infrastructure.State;
using EjVerkstallda.Worker.Delivery;
using EjVerkstallda.Worker.Runs;

namespace EjVerkstallda.Worker.Lifecycle;

public sealed partial class QuarterLifecycleService
{
    /// <summary>
    /// The identity of a run's result: the SHA-256 of its statistikrapport.json and ivo-underlag.json, joined by ':'
    /// (migration 0005 computes the same for quarters run before it). Empty parts for a document the run did not write.
    /// </summary>
    public static string ResultHash(IReadOnlyList<RunDocument> documents) =>
        $"{documents.FirstOrDefault(d => d.Name == OutputNames.StatistikJson)?.Sha256}:{documents.FirstOrDefault(d => d.Name == OutputNames.IvoUnderlagJson)?.Sha256}";

    /// <summary>
    /// Inside the ledger's transaction of a real run: a new version when the result changed (with its documents and the audit
    /// event), none when it did not; and the draft to the handläggare, which names the version and, for a correction, what
    /// changed since the version the recipients had.
    /// </summary>
    public async Task RecordRunAsync(DbConnection c, DbTransaction tx, QuarterResult result, long runId, IReadOnlyList<RunDocument> documents,
        DateOnly today, Actor by, CancellationToken ct)
    {
        var q = result.Quarter;
        var lc = await LifecycleStore.LoadAsync(c, tx, result.Namnd.Id, q, ct);
        var now = clock.GetUtcNow();
        var at = StateDb.Format(now);
        var step = LifecycleRules.Run(lc, ResultHash(documents), now);
        var current = step.After.Current!;
        if (step.Changed)
        {
            await LifecycleStore.SaveAsync(c, tx, lc, step.After, runId, ct);
            await LifecycleStore.AddDocumentsAsync(c, tx, result.Namnd.Id, q.ToString(), current.Version, documents, at, ct);
            await AuditStore.AppendAsync(c, tx, AuditEvent.Of(by, at, result.Namnd.Id, q.ToString(), step.What!, step.FromVersion, current.Version,
                $"run {runId}" + (step.Replaces is { } r ? $"; corrects version {r}, which was sent" : "")), ct);
            LifecycleLog.RunRecorded(logger, result.Namnd.Id, q.ToString(), runId, step.What!, current.Version);
        }
        var replaces = step.After.LastSentBefore(current.Version)?.Version;
        IReadOnlyList<string> changes = [];
        if (replaces is { } sent && await LifecycleStore.GetDocumentAsync(c, tx, result.Namnd.Id, q.ToString(), sent, OutputNames.StatistikJson, ct) is { } old
            && System.Text.Json.JsonSerializer.Deserialize<Core.Statistik.StatistikRapport>(old.Content, OutputFiles.Json) is { } before)
            changes = Rattelse.Changes(before, result.Statistik);
        var json = documents.FirstOrDefault(d => d.Name == OutputNames.StatistikJson)?.Content;
        var docx = documents.FirstOrDefault(d => d.Name == OutputNames.StatistikDocx)?.Content;
        var draft = planner.Draft(result, json is null ? "" : System.Text.Encoding.UTF8.GetString(json), docx, today,
            new DraftLifecycle(current.Version, replaces, changes, options.Web.QuarterPage(result.Namnd.Id, q.ToString())));
        if (draft.Count > 0) await OutboxStore.EnqueueAsync(c, tx, db, draft, at, ct);
    }
}
