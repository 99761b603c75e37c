using EjVerkstallda.Infrastructure.Mail;
using Microsoft.Extensions.Logging;
using Polly;

namespace EjVerkstallda.Infrastructure.Outbox;

/// <summary>
/// Sends what the outbox holds. Each message is claimed, sent through the Polly pipeline (transient faults retried with
/// backoff), then marked sent. A transient fault that outlasts the pipeline leaves it pending for a later try; a permanent
/// fault marks it failed and records an alert for the administrator. Nothing is swallowed: every outcome is in the outbox.
/// </summary>
public sealed class OutboxDispatcher(
    OutboxStore store,
    IMailSender sender,
    ResiliencePipeline pipeline,
    OutboxDispatchOptions options,
    TimeProvider clock,
    ILogger<OutboxDispatcher> logger)
{
    private readonly string _me = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    public async Task<DispatchResult> DispatchAsync(CancellationToken ct)
    {
        // The last outcome per message: one whose retry fell due while this dispatch was still running is claimed again,
        // and must then count once, as what finally happened to it (counting each try made a delivered draft "not delivered").
        var outcome = new Dictionary<string, string>(StringComparer.Ordinal);
        while (!ct.IsCancellationRequested && await store.ClaimNextAsync(_me, options.Lease, ct) is { } claimed)
        {
            var (m, attempts) = claimed;
            await options.BeforeSend(m, ct);
            try
            {
                await pipeline.ExecuteAsync(async token => await SendIfStillClaimedAsync(m, token), ct);
                await options.AfterSend(m, ct);
                await store.MarkSentAsync(m.MessageId, CancellationToken.None);
                OutboxLog.Sent(logger, m.MessageId, m.Recipients.Count);
                outcome[m.MessageId] = OutboxStatus.Sent;
            }
            catch (ClaimLostException)
            {
                OutboxLog.ClaimLost(logger, m.MessageId, options.Lease);
            }
            catch (MailTransientException ex)
            {
                var wait = Backoff(attempts);
                await store.MarkRetryAsync(m.MessageId, Reason(ex), clock.GetUtcNow() + wait, CancellationToken.None);
                OutboxLog.RetryLater(logger, m.MessageId, attempts + 1, wait, Reason(ex));
                outcome[m.MessageId] = OutboxStatus.Pending;
            }
            catch (MailPermanentException ex)
            {
                await store.MarkFailedAsync(m.MessageId, Reason(ex), CancellationToken.None);
                OutboxLog.Failed(logger, m.MessageId, Reason(ex));
                outcome[m.MessageId] = OutboxStatus.Failed;
                if (m.Kind != OutboxKinds.Alert && options.AlertFor(m) is { } alert) await store.EnqueueAsync([alert], CancellationToken.None);
            }
        }
        int Count(string status) => outcome.Values.Count(v => v == status);
        return new DispatchResult(Count(OutboxStatus.Sent), Count(OutboxStatus.Pending), Count(OutboxStatus.Failed));
    }

    /// <summary>
    /// Each attempt first renews the claim: a sender that stalled past its lease (paused, swapped out, slow retries) may
    /// have lost the message to another sender, and sending it then would deliver it twice.
    /// </summary>
    private async Task SendIfStillClaimedAsync(OutboxMessage m, CancellationToken ct)
    {
        if (!await store.RenewClaimAsync(m.MessageId, _me, options.Lease, ct)) throw new ClaimLostException();
        try
        {
            if (m.Channel == OutboxChannels.Folder)
            {
                if (!await FolderDelivery.DeliverAsync(m, ct)) OutboxLog.AlreadyInFolder(logger, m.MessageId);
            }
            else
            {
                await sender.SendAsync(ToMail(m), ct);
            }
        }
        catch (Exception ex) when (ex is not (MailTransientException or MailPermanentException or OperationCanceledException))
        {
            // A sender throws only the two mail exceptions; anything else means the message itself cannot be built (a line
            // break in a subject, a malformed id). Retrying cannot help, and left pending it would hold up every message behind it.
            throw new MailPermanentException(m.MessageId, $"Mail {m.MessageId} cannot be built: {ex.GetType().Name}: {ex.Message}", ex);
        }
    }

    private sealed class ClaimLostException : Exception;

    private TimeSpan Backoff(long attempts)
    {
        var factor = Math.Pow(2, Math.Min(attempts, 16));
        var wait = TimeSpan.FromTicks((long)Math.Min(options.RetryLater.Ticks * factor, options.MaxRetryLater.Ticks));
        return wait;
    }

    private static string Reason(Exception ex) => $"{ex.GetType().Name}: {ex.Message}";

    private OutgoingMail ToMail(OutboxMessage m) => new(
        m.MessageId,
        options.From,
        m.Recipients,
        m.Subject,
        m.Body,
        m.Attachment is null || m.AttachmentName is null ? [] : [new MailAttachment(m.AttachmentName, m.AttachmentType ?? "application/octet-stream", m.Attachment)])
    {
        EncryptTo = m.EncryptTo,
    };
}

public sealed record DispatchResult(int Sent, int RetryLater, int Failed);

public sealed class OutboxDispatchOptions
{
    public string From { get; init; } = "";
    public TimeSpan Lease { get; init; } = TimeSpan.FromMinutes(5);
    public TimeSpan RetryLater { get; init; } = TimeSpan.FromMinutes(5);
    public TimeSpan MaxRetryLater { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Called after a message is claimed and before it is sent (the test suite's fault-injection point).</summary>
    public Func<OutboxMessage, CancellationToken, Task> BeforeSend { get; init; } = (_, _) => Task.CompletedTask;

    /// <summary>Called after the relay accepted a message and before it is marked sent (a fault-injection point).</summary>
    public Func<OutboxMessage, CancellationToken, Task> AfterSend { get; init; } = (_, _) => Task.CompletedTask;

    /// <summary>Builds the alert for a message that failed permanently; null when nobody is configured to receive it.</summary>
    public Func<OutboxMessage, OutboxMessage?> AlertFor { get; init; } = _ => null;
}

internal static partial class OutboxLog
{
    [LoggerMessage(EventId = 3000, Level = LogLevel.Information, Message = "Mail {MessageId} sent to {RecipientCount} recipient(s)")]
    public static partial void Sent(ILogger logger, string messageId, int recipientCount);

    // A classified delivery failure is an expected outcome an administrator acts on, not a defect: the log carries the
    // classifier's reason (relay, reply code, what to check) and no stack trace. Unclassified exceptions still surface whole.
    [LoggerMessage(EventId = 3001, Level = LogLevel.Warning, Message = "Mail {MessageId} not delivered (attempt {Attempt}); trying again in {Wait}: {Reason}")]
    public static partial void RetryLater(ILogger logger, string messageId, long attempt, TimeSpan wait, string reason);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Warning, Message = "Mail {MessageId} not sent by this process: its claim ran out (lease {Lease}) and another sender has taken it over")]
    public static partial void ClaimLost(ILogger logger, string messageId, TimeSpan lease);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Information, Message = "Outbox item {MessageId} was already in its folder with the same content (delivered before a restart); marked sent")]
    public static partial void AlreadyInFolder(ILogger logger, string messageId);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Error, Message = "Mail {MessageId} failed permanently and stays in the outbox as failed (ejv status; ejv mail retry once fixed): {Reason}")]
    public static partial void Failed(ILogger logger, string messageId, string reason);
}
