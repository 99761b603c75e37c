using System.Data.Common;
using Dapper;
using EjVerkstallda.Core.Lifecycle;
using EjVerkstallda.Infrastructure.Outbox;
using Kvartal = EjVerkstallda.Core.Kvartal.Kvartal;

namespace EjVerkstallda.Infrastructure.State;

/// <summary>
/// The quarter's lifecycle in the state store (<c>ejv_version</c>, <c>ejv_version_document</c>, <c>ejv_delivery</c>): the
/// source of truth for what each version is, who approved and decided it, and what was sent. Every change is written with
/// its audit event and its messages in one transaction; a version changed meanwhile by someone else is not overwritten.
/// </summary>
public sealed class LifecycleStore(StateDb db, TimeProvider clock)
{
    public async Task<QuarterLifecycle> LoadAsync(string namnd, Kvartal quarter, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        return await LoadAsync(c, null, namnd, quarter, ct);
    }

    public static async Task<QuarterLifecycle> LoadAsync(DbConnection c, DbTransaction? tx, string namnd, Kvartal quarter, CancellationToken ct)
    {
        var rows = await c.QueryAsync<VersionRow>(new CommandDefinition(
            $"SELECT {VersionRow.Columns} FROM ejv_version WHERE namnd_id = @namnd AND quarter = @quarter ORDER BY version",
            new { namnd, quarter = quarter.ToString() }, tx, cancellationToken: ct));
        return new QuarterLifecycle(namnd, quarter, rows.Select(r => r.ToVersion()).ToList());
    }

    /// <summary>Every quarter of the nämnd that has a version, oldest first.</summary>
    public async Task<IReadOnlyList<QuarterLifecycle>> LoadAllAsync(string namnd, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        var rows = await c.QueryAsync<VersionRow>(new CommandDefinition(
            $"SELECT {VersionRow.Columns} FROM ejv_version WHERE namnd_id = @namnd ORDER BY quarter, version",
            new { namnd }, cancellationToken: ct));
        return rows.GroupBy(r => r.Quarter)
            .Select(g => new QuarterLifecycle(namnd, Kvartal.Parse(g.Key), g.Select(r => r.ToVersion()).ToList()))
            .ToList();
    }

    /// <summary>
    /// Writes what <paramref name="after"/> changed relative to <paramref name="before"/>: new versions inserted, changed ones
    /// updated only if they are still in the state they were read in (else <see cref="LifecycleConflictException"/>).
    /// </summary>
    public static async Task SaveAsync(DbConnection c, DbTransaction tx, QuarterLifecycle before, QuarterLifecycle after, long runId, CancellationToken ct)
    {
        foreach (var v in after.Versions)
        {
            var old = before.Find(v.Version);
            if (old == v) continue;
            var row = VersionRow.Of(after.Namnd, after.Quarter, v, runId);
            if (old is null)
            {
                await c.ExecuteAsync(new CommandDefinition(VersionRow.Insert, row, tx, cancellationToken: ct));
                continue;
            }
            var changed = await c.ExecuteAsync(new CommandDefinition(VersionRow.Update, new
            {
                row.Namnd, row.Quarter, row.Version, row.State, row.ApprovedById, row.ApprovedByName, row.ApprovedBySource, row.ApprovedAt,
                row.DecisionDate, row.DecisionParagraph, row.DecidedById, row.DecidedByName, row.DecidedBySource, row.DecidedAt, row.SupersededAt,
                OldState = old.State.ToCode(),
            }, tx, cancellationToken: ct));
            if (changed != 1) throw new LifecycleConflictException($"{after.Namnd} {after.Quarter} version {v.Version} was changed meanwhile by someone else; see ejv status and try again");
        }
    }

    public static async Task AddDocumentsAsync(DbConnection c, DbTransaction tx, string namnd, string quarter, int version,
        IReadOnlyList<RunDocument> documents, string now, CancellationToken ct)
    {
        foreach (var d in documents)
        {
            await c.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO ejv_version_document (namnd_id, quarter, version, name, content, sha256, created_at)
                VALUES (@namnd, @quarter, @version, @Name, @Content, @Sha256, @now)
                """, new { namnd, quarter, version, d.Name, d.Content, d.Sha256, now }, tx, cancellationToken: ct));
        }
    }

    public async Task<RunDocument?> GetDocumentAsync(string namnd, string quarter, int version, string name, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        return await GetDocumentAsync(c, null, namnd, quarter, version, name, ct);
    }

    /// <summary>A version's stored document, its SHA-256 checked; null when the version has none of that name.</summary>
    public static async Task<RunDocument?> GetDocumentAsync(DbConnection c, DbTransaction? tx, string namnd, string quarter, int version, string name, CancellationToken ct)
    {
        var r = await c.QuerySingleOrDefaultAsync<(byte[] Content, string Sha256)>(new CommandDefinition(
            "SELECT content, sha256 FROM ejv_version_document WHERE namnd_id = @namnd AND quarter = @quarter AND version = @version AND name = @name",
            new { namnd, quarter, version, name }, tx, cancellationToken: ct));
        if (r.Content is null) return null;
        var doc = RunDocument.Of(name, r.Content);
        if (!string.Equals(doc.Sha256, r.Sha256.Trim(), StringComparison.OrdinalIgnoreCase))
            throw new InvalidDataException($"the stored {name} of {namnd} {quarter} version {version} does not match its SHA-256; the state store was altered");
        return doc;
    }

    /// <summary>The documents' names and hashes of every version of a quarter (for the status and the evidence pack).</summary>
    public async Task<IReadOnlyList<(int Version, string Name, string Sha256)>> DocumentHashesAsync(string namnd, string quarter, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        var rows = await c.QueryAsync<(long Version, string Name, string Sha256)>(new CommandDefinition(
            "SELECT version, name, sha256 FROM ejv_version_document WHERE namnd_id = @namnd AND quarter = @quarter ORDER BY version, name",
            new { namnd, quarter }, cancellationToken: ct));
        return rows.Select(r => ((int)r.Version, r.Name, r.Sha256.Trim())).ToList();
    }

    /// <summary>
    /// Writes an approval or a decision: the version's new state (if it is still as read), what was sent, the messages, and the
    /// audit events, all or nothing.
    /// </summary>
    public async Task ApplyAsync(QuarterLifecycle before, QuarterLifecycle after, IReadOnlyList<OutboxMessage> messages,
        IReadOnlyList<VersionDelivery> deliveries, IReadOnlyList<AuditEvent> events, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        await SaveAsync(c, tx, before, after, 0, ct);
        foreach (var d in deliveries) await AddDeliveryAsync(c, tx, d, ct);
        await OutboxStore.EnqueueAsync(c, tx, db, messages, StateDb.Now(clock), ct);
        foreach (var e in events) await AuditStore.AppendAsync(c, tx, e, ct);
        await tx.CommitAsync(ct);
    }

    public static async Task AddDeliveryAsync(DbConnection c, DbTransaction tx, VersionDelivery d, CancellationToken ct) =>
        await c.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO ejv_delivery (namnd_id, quarter, version, role, purpose, message_id, channel, recorded_at)
            VALUES (@Namnd, @Quarter, @Version, @Role, @Purpose, @MessageId, @Channel, @RecordedAt)
            """, d, tx, cancellationToken: ct));

    /// <summary>What was sent for each version of the nämnd's quarters, with the outbox's state of each message.</summary>
    public async Task<IReadOnlyList<VersionDelivery>> DeliveriesAsync(string namnd, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        var rows = await c.QueryAsync<VersionDelivery>(new CommandDefinition(
            """
            SELECT d.namnd_id AS Namnd, d.quarter AS Quarter, d.version AS Version, d.role AS Role, d.purpose AS Purpose,
                   d.message_id AS MessageId, d.channel AS Channel, d.recorded_at AS RecordedAt, o.status AS Status, o.sent_at AS SentAt
            FROM ejv_delivery d LEFT JOIN ejv_outbox o ON o.message_id = d.message_id
            WHERE d.namnd_id = @namnd ORDER BY d.quarter, d.version, d.recorded_at, d.role, d.purpose
            """, new { namnd }, cancellationToken: ct));
        return rows.ToList();
    }
}

/// <summary>A version could not be changed because someone else changed it first.</summary>
public sealed class LifecycleConflictException(string message) : StateStoreException(message);

/// <summary>One row of <c>ejv_delivery</c>, with the outbox's status of its message when read back.</summary>
public sealed record VersionDelivery
{
    public string Namnd { get; init; } = "";
    public string Quarter { get; init; } = "";
    public long Version { get; init; }
    public string Role { get; init; } = "";
    public string Purpose { get; init; } = "";
    public string? MessageId { get; init; }
    public string Channel { get; init; } = "";
    public string RecordedAt { get; init; } = "";
    public string? Status { get; init; }
    public string? SentAt { get; init; }
}
