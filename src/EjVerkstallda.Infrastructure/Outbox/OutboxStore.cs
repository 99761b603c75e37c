using System.Data.Common;
using Dapper;
using EjVerkstallda.Infrastructure.State;

namespace EjVerkstallda.Infrastructure.Outbox;

/// <summary>
/// The transactional outbox in the state store. A message is recorded (idempotently, by id) in the same transaction as
/// what caused it, claimed by one sender at a time with a lease, and marked sent, retried later or failed.
/// </summary>
public sealed class OutboxStore(StateDb db, TimeProvider clock)
{
    private const string Columns = "message_id, namnd_id, quarter, kind, role, recipients, subject, body, attachment_name, attachment_type, attachment, channel, encrypt_to, destination, status, attempts, created_at, next_attempt_at";
    private const string Values = "@MessageId, @Namnd, @Quarter, @Kind, @Role, @Recipients, @Subject, @Body, @AttachmentName, @AttachmentType, @Attachment, @Channel, @EncryptTo, @Destination, 'pending', 0, @now, @now";

    /// <summary>Records messages inside the caller's transaction; a message whose id is already recorded is left as it is.</summary>
    public static async Task EnqueueAsync(DbConnection c, DbTransaction tx, StateDb db, IEnumerable<OutboxMessage> messages, string now, CancellationToken ct)
    {
        var sql = db.Dialect.InsertIfAbsent("ejv_outbox", Columns, Values, "message_id", "MessageId");
        foreach (var m in messages)
        {
            await c.ExecuteAsync(new CommandDefinition(sql, new
            {
                m.MessageId, m.Namnd, m.Quarter, m.Kind, m.Role, Recipients = string.Join(",", m.Recipients), m.Subject, m.Body,
                m.AttachmentName, m.AttachmentType, m.Attachment, m.Channel, EncryptTo = m.EncryptTo.Count == 0 ? null : string.Join('\n', m.EncryptTo),
                m.Destination, now,
            }, tx, cancellationToken: ct));
        }
    }

    public async Task EnqueueAsync(IEnumerable<OutboxMessage> messages, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        await EnqueueAsync(c, tx, db, messages, StateDb.Now(clock), ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>Claims the next due message for <paramref name="lease"/>; null when none is due. Two senders never hold the same message.</summary>
    public async Task<(OutboxMessage Message, long Attempts)?> ClaimNextAsync(string sender, TimeSpan lease, CancellationToken ct)
    {
        var now = StateDb.Now(clock);
        await using var c = await db.OpenAsync(ct);
        var due = await c.QueryAsync<string>(new CommandDefinition(db.Dialect.Top(20,
            "message_id FROM ejv_outbox WHERE status = 'pending' AND next_attempt_at <= @now AND (claimed_until IS NULL OR claimed_until < @now) ORDER BY created_at, message_id"),
            new { now }, cancellationToken: ct));
        foreach (var id in due)
        {
            var claimed = await c.ExecuteAsync(new CommandDefinition(
                "UPDATE ejv_outbox SET claimed_by = @sender, claimed_until = @until WHERE message_id = @id AND status = 'pending' AND (claimed_until IS NULL OR claimed_until < @now)",
                new { id, sender, now, until = StateDb.Format(clock.GetUtcNow() + lease) }, cancellationToken: ct));
            if (claimed == 1) return await LoadAsync(c, id, ct);
        }
        return null;
    }

    private static async Task<(OutboxMessage, long)> LoadAsync(DbConnection c, string id, CancellationToken ct)
    {
        var r = await c.QuerySingleAsync<Row>(new CommandDefinition(
            "SELECT message_id AS MessageId, namnd_id AS Namnd, quarter AS Quarter, kind AS Kind, role AS Role, recipients AS Recipients, subject AS Subject, body AS Body, attachment_name AS AttachmentName, attachment_type AS AttachmentType, attachment AS Attachment, channel AS Channel, encrypt_to AS EncryptTo, destination AS Destination, attempts AS Attempts FROM ejv_outbox WHERE message_id = @id",
            new { id }, cancellationToken: ct));
        return (new OutboxMessage
        {
            MessageId = r.MessageId, Namnd = r.Namnd, Quarter = r.Quarter, Kind = r.Kind, Role = r.Role,
            Recipients = r.Recipients.Split(',', StringSplitOptions.RemoveEmptyEntries), Subject = r.Subject, Body = r.Body,
            AttachmentName = r.AttachmentName, AttachmentType = r.AttachmentType, Attachment = r.Attachment,
            Channel = r.Channel, EncryptTo = r.EncryptTo?.Split('\n', StringSplitOptions.RemoveEmptyEntries) ?? [], Destination = r.Destination,
        }, r.Attempts);
    }

    /// <summary>
    /// Extends this sender's claim right before a send attempt; false when the claim was lost (the lease ran out and
    /// another sender took the message, or it was sent meanwhile). A sender that lost its claim must not send.
    /// </summary>
    public async Task<bool> RenewClaimAsync(string id, string sender, TimeSpan lease, CancellationToken ct) =>
        await UpdateAsync("UPDATE ejv_outbox SET claimed_until = @until WHERE message_id = @id AND claimed_by = @sender AND status = 'pending'",
            new { id, sender, until = StateDb.Format(clock.GetUtcNow() + lease) }, ct) == 1;

    public Task MarkSentAsync(string id, CancellationToken ct) =>
        UpdateAsync("UPDATE ejv_outbox SET status = 'sent', sent_at = @now, attempts = attempts + 1, claimed_by = NULL, claimed_until = NULL, last_error = NULL WHERE message_id = @id",
            new { id, now = StateDb.Now(clock) }, ct);

    public Task MarkRetryAsync(string id, string error, DateTimeOffset next, CancellationToken ct) =>
        UpdateAsync("UPDATE ejv_outbox SET attempts = attempts + 1, last_error = @error, next_attempt_at = @next, claimed_by = NULL, claimed_until = NULL WHERE message_id = @id",
            new { id, error, next = StateDb.Format(next) }, ct);

    public Task MarkFailedAsync(string id, string error, CancellationToken ct) =>
        UpdateAsync("UPDATE ejv_outbox SET status = 'failed', attempts = attempts + 1, last_error = @error, claimed_by = NULL, claimed_until = NULL WHERE message_id = @id",
            new { id, error }, ct);

    /// <summary>Puts failed messages back in the queue (after the administrator fixed the cause).</summary>
    public Task<int> RetryFailedAsync(string? namnd, CancellationToken ct) =>
        UpdateAsync("UPDATE ejv_outbox SET status = 'pending', next_attempt_at = @now WHERE status = 'failed'" + (namnd is null ? "" : " AND namnd_id = @namnd"),
            new { namnd, now = StateDb.Now(clock) }, ct);

    public async Task<IReadOnlyList<OutboxEntry>> ListAsync(string namnd, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        var rows = await c.QueryAsync<OutboxEntry>(new CommandDefinition(
            """
            SELECT message_id AS MessageId, namnd_id AS Namnd, quarter AS Quarter, kind AS Kind, role AS Role, status AS Status, attempts AS Attempts,
                   last_error AS LastError, created_at AS CreatedAt, next_attempt_at AS NextAttemptAt, sent_at AS SentAt
            FROM ejv_outbox WHERE namnd_id = @namnd ORDER BY created_at DESC, message_id
            """, new { namnd }, cancellationToken: ct));
        return rows.ToList();
    }

    private async Task<int> UpdateAsync(string sql, object args, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        return await c.ExecuteAsync(new CommandDefinition(sql, args, cancellationToken: ct));
    }

    private sealed record Row
    {
        public string MessageId { get; init; } = "";
        public string Namnd { get; init; } = "";
        public string? Quarter { get; init; }
        public string Kind { get; init; } = "";
        public string Role { get; init; } = "";
        public string Recipients { get; init; } = "";
        public string Subject { get; init; } = "";
        public string Body { get; init; } = "";
        public string? AttachmentName { get; init; }
        public string? AttachmentType { get; init; }
        public byte[]? Attachment { get; init; }
        public string Channel { get; init; } = OutboxChannels.Mail;
        public string? EncryptTo { get; init; }
        public string? Destination { get; init; }
        public long Attempts { get; init; }
    }
}
