using Dapper;
using EjVerkstallda.Infrastructure.Outbox;

namespace EjVerkstallda.Infrastructure.State;

/// <summary>Who approved a quarter's report, and when; the final messages are recorded in the same transaction.</summary>
public sealed class ApprovalStore(StateDb db, TimeProvider clock)
{
    /// <summary>
    /// Records the approval and the final messages. When the quarter was already approved, nothing changes and the earlier
    /// approval is returned; messages already recorded are not recorded again.
    /// </summary>
    public async Task<Approval> ApproveAsync(string namnd, string quarter, string by, IReadOnlyList<OutboxMessage> finals, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        var existing = await c.QuerySingleOrDefaultAsync<Approval>(new CommandDefinition(
            "SELECT namnd_id AS Namnd, quarter AS Quarter, approved_by AS ApprovedBy, approved_at AS ApprovedAt FROM ejv_approval WHERE namnd_id = @namnd AND quarter = @quarter",
            new { namnd, quarter }, tx, cancellationToken: ct));
        if (existing is not null)
        {
            await tx.CommitAsync(ct);
            return existing with { AlreadyApproved = true };
        }
        var now = StateDb.Now(clock);
        await c.ExecuteAsync(new CommandDefinition(
            "INSERT INTO ejv_approval (namnd_id, quarter, approved_by, approved_at) VALUES (@namnd, @quarter, @by, @now)",
            new { namnd, quarter, by, now }, tx, cancellationToken: ct));
        await OutboxStore.EnqueueAsync(c, tx, db, finals, now, ct);
        await tx.CommitAsync(ct);
        return new Approval { Namnd = namnd, Quarter = quarter, ApprovedBy = by, ApprovedAt = now };
    }

    public async Task<IReadOnlyList<Approval>> ListAsync(string namnd, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        var rows = await c.QueryAsync<Approval>(new CommandDefinition(
            "SELECT namnd_id AS Namnd, quarter AS Quarter, approved_by AS ApprovedBy, approved_at AS ApprovedAt FROM ejv_approval WHERE namnd_id = @namnd ORDER BY quarter",
            new { namnd }, cancellationToken: ct));
        return rows.ToList();
    }
}

public sealed record Approval
{
    public string Namnd { get; init; } = "";
    public string Quarter { get; init; } = "";
    public string ApprovedBy { get; init; } = "";
    public string ApprovedAt { get; init; } = "";
    public bool AlreadyApproved { get; init; }
}
