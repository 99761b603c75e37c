using System.Text.Json;
using EjVerkstallda.Core.Kvartal;
using EjVerkstallda.Core.Lifecycle;
using EjVerkstallda.Core.Statistik;
using EjVerkstallda.Infrastructure.Outbox;
using EjVerkstallda.Infrastructure.Output;
using EjVerkstallda.Infrastructure.State;
using EjVerkstallda.Worker.Delivery;
using EjVerkstallda.Worker.Options;
using Microsoft.Extensions.Logging;

namespace EjVerkstallda.Worker.Lifecycle;

/// <summary>
/// The quarter's lifecycle for the commands, the reminder service and the web: approve a version, record the nämnd's decision,
/// and the read model of every quarter's versions. The rules are <see cref="LifecycleRules"/> (Core); this class loads the
/// state, builds the messages from the version's stored documents (exactly the bytes the run checked), and writes the change,
/// its messages and its audit event in one transaction.
/// </summary>
public sealed partial class QuarterLifecycleService(
    LifecycleStore store,
    LedgerStore ledger,
    StateDb db,
    DeliveryPlanner planner,
    IRevisorChannel revisorer,
    EjvOptions options,
    KommunTid kommun,
    TimeProvider clock,
    ILogger<QuarterLifecycleService> logger)
{
    /// <summary>Approves the current version (or refuses <paramref name="version"/> when it is not the current one).</summary>
    public async Task<LifecycleResult> ApproveAsync(NamndOptions namnd, Kvartal q, Actor by, int? version, CancellationToken ct)
    {
        var all = await store.LoadAllAsync(namnd.Id, ct);
        var lc = all.FirstOrDefault(l => l.Quarter == q) ?? QuarterLifecycle.Empty(namnd.Id, q);
        var earlier = options.Lifecycle.ApproveInOrder ? LifecycleRules.EarlierUnapproved(all, q) : null;
        var now = clock.GetUtcNow();
        var step = LifecycleRules.Approve(lc, version, by, now, earlier);
        if (!step.Changed) return LifecycleResult.Of(step, namnd.Id, q.ToString());
        var v = step.ToVersion!.Value;
        if (await PublicOfAsync(namnd, q, v, ct) is not { } doc)
            return LifecycleResult.Refuse(namnd.Id, q.ToString(), v, NoPublicReport(namnd, q, v));
        var changes = step.Replaces is { } r && await PublicOfAsync(namnd, q, r, ct) is { } old ? Rattelse.Changes(old.Statistik, doc.Statistik) : [];
        var messages = PublicMessages(namnd, q, v, step, doc, null, changes);
        await PublicGuard.CheckFinalsAsync(ledger, namnd.Id, q, doc.Statistik, messages, ct);
        var at = StateDb.Format(now);
        var deliveries = messages.Select(m => Delivery(namnd, q, v, m.Role, PurposeOf(step, m.Role), m.MessageId, "mail", at)).ToList();
        var events = new List<AuditEvent> { AuditEvent.Of(by, at, namnd.Id, q.ToString(), step.What!, step.FromVersion, v, Detail(step, messages)) };
        var notDelivered = await PerCaseAsync(namnd, q, v, step, by, at, messages, deliveries, events, ct);
        await store.ApplyAsync(lc, step.After, messages, deliveries, events, ct);
        LifecycleLog.Approved(logger, namnd.Id, q.ToString(), v, by.Source, messages.Count);
        return LifecycleResult.Of(step, namnd.Id, q.ToString()) with { Sent = deliveries.Select(d => $"{d.Role} ({d.Purpose})").ToList(), RevisorerNotDelivered = notDelivered };
    }

    /// <summary>Records the nämnd's decision on the current (approved) version; the statistikrapport then goes to kommunfullmäktige and the revisorer.</summary>
    public async Task<LifecycleResult> DecideAsync(NamndOptions namnd, Kvartal q, Actor by, DateOnly date, string paragraph, CancellationToken ct)
    {
        var lc = await store.LoadAsync(namnd.Id, q, ct);
        var now = clock.GetUtcNow();
        var step = LifecycleRules.Decide(lc, date, paragraph, by, now, kommun);
        if (!step.Changed) return LifecycleResult.Of(step, namnd.Id, q.ToString());
        var v = step.ToVersion!.Value;
        if (await PublicOfAsync(namnd, q, v, ct) is not { } doc)
            return LifecycleResult.Refuse(namnd.Id, q.ToString(), v, NoPublicReport(namnd, q, v));
        var decision = step.After.Current!.Decision;
        var messages = PublicMessages(namnd, q, v, step, doc, decision, []);
        await PublicGuard.CheckFinalsAsync(ledger, namnd.Id, q, doc.Statistik, messages, ct, [date]);
        var at = StateDb.Format(now);
        var deliveries = messages.Select(m => Delivery(namnd, q, v, m.Role, "beslut", m.MessageId, "mail", at)).ToList();
        var detail = $"{LifecycleMailTexts.Day(date)} {decision!.Paragraph}; {Detail(step, messages)}";
        await store.ApplyAsync(lc, step.After, messages, deliveries, [AuditEvent.Of(by, at, namnd.Id, q.ToString(), step.What!, v, v, detail)], ct);
        LifecycleLog.Decided(logger, namnd.Id, q.ToString(), v, by.Source, messages.Count);
        return LifecycleResult.Of(step, namnd.Id, q.ToString()) with { Sent = deliveries.Select(d => $"{d.Role} ({d.Purpose})").ToList() };
    }

    private static List<OutboxMessage> PublicMessages(NamndOptions namnd, Kvartal q, int v, LifecycleStep step, PublicReport doc,
        NamndDecision? decision, IReadOnlyList<string> changes) =>
        step.Sends.Where(s => s.Purpose != Purpose.PerCase)
            .Select(s => LifecycleMessages.For(namnd, q, v, s, doc.Statistik, doc.Docx, decision, step.Replaces, changes))
            .OfType<OutboxMessage>().ToList();

    /// <summary>
    /// The revisorer's per-case reports through their channel, recorded with the approval. When the channel gives nothing
    /// (<c>none</c>), that is recorded and returned, so the status can say "inte levererat".
    /// </summary>
    private async Task<string?> PerCaseAsync(NamndOptions namnd, Kvartal q, int v, LifecycleStep step, Actor by, string at,
        List<OutboxMessage> messages, List<VersionDelivery> deliveries, List<AuditEvent> events, CancellationToken ct)
    {
        if (!step.Sends.Any(s => s.Purpose == Purpose.PerCase)) return null;
        var channel = revisorer.DeliveryOf(namnd);
        var underlag = await store.GetDocumentAsync(namnd.Id, q.ToString(), v, OutputNames.IvoUnderlagJson, ct) is { } u
            ? JsonSerializer.Deserialize<IvoUnderlag>(u.Content, OutputFiles.Json) : null;
        var perCase = underlag is null ? [] : revisorer.PerCaseReports(namnd, q, v, underlag, step.Replaces is not null);
        messages.AddRange(perCase);
        deliveries.AddRange(perCase.Select(m => Delivery(namnd, q, v, "revisorer", "per_case", m.MessageId, channel, at)));
        if (perCase.Count > 0) return null;
        deliveries.Add(Delivery(namnd, q, v, "revisorer", "per_case", null, channel, at));
        events.Add(AuditEvent.Of(by, at, namnd.Id, q.ToString(), AuditWhat.RevisorerNotDelivered, null, v,
            $"the revisorer's per-case reports were not delivered (Delivery = {channel})"));
        return $"inte levererat ({channel})";
    }

    private static string PurposeOf(LifecycleStep step, string role) =>
        LifecycleMessages.PurposeCode(step.Sends.First(s => s.To.ToCode() == role && s.Purpose != Purpose.PerCase).Purpose);

    private static VersionDelivery Delivery(NamndOptions n, Kvartal q, int v, string role, string purpose, string? messageId, string channel, string at) =>
        new() { Namnd = n.Id, Quarter = q.ToString(), Version = v, Role = role, Purpose = purpose, MessageId = messageId, Channel = channel, RecordedAt = at };

    private static string Detail(LifecycleStep step, IReadOnlyList<OutboxMessage> messages) =>
        (step.Replaces is { } r ? $"correction of version {r}; " : "") +
        (messages.Count == 0 ? "no recipients configured" : "recorded for " + string.Join(", ", messages.Select(m => m.Role).Distinct()));

    private static string NoPublicReport(NamndOptions n, Kvartal q, int v) =>
        $"{n.Id} {q} version {v} has no public statistikrapport in the state store (the anonymity guard stopped it); fix the cause the draft names and run the quarter again: ejv run --quarter {q} --namnd {n.Id}";

    /// <summary>A version's public statistikrapport as stored (.json parsed, .docx bytes as they are); null when it has none.</summary>
    private async Task<PublicReport?> PublicOfAsync(NamndOptions namnd, Kvartal q, int version, CancellationToken ct)
    {
        var json = await store.GetDocumentAsync(namnd.Id, q.ToString(), version, OutputNames.StatistikJson, ct);
        if (json is null || JsonSerializer.Deserialize<StatistikRapport>(json.Content, OutputFiles.Json) is not { } statistik) return null;
        var docx = await store.GetDocumentAsync(namnd.Id, q.ToString(), version, OutputNames.StatistikDocx, ct);
        return new PublicReport(statistik, docx?.Content);
    }

    private sealed record PublicReport(StatistikRapport Statistik, byte[]? Docx);
}

internal static partial class LifecycleLog
{
    [LoggerMessage(EventId = 2300, Level = LogLevel.Information, Message = "Lifecycle: nämnd {Namnd} {Quarter} version {Version} approved (identity source {Source}); {Messages} message(s) recorded")]
    public static partial void Approved(ILogger logger, string namnd, string quarter, int version, string source, int messages);

    [LoggerMessage(EventId = 2301, Level = LogLevel.Information, Message = "Lifecycle: nämnd {Namnd} {Quarter} version {Version} decided (identity source {Source}); {Messages} message(s) recorded")]
    public static partial void Decided(ILogger logger, string namnd, string quarter, int version, string source, int messages);

    [LoggerMessage(EventId = 2302, Level = LogLevel.Information, Message = "Lifecycle: nämnd {Namnd} {Quarter} run {RunId}: {What} version {Version}")]
    public static partial void RunRecorded(ILogger logger, string namnd, string quarter, long runId, string what, int version);
}
