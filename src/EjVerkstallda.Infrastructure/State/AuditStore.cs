using System.Data.Common;
using Dapper;
using EjVerkstallda.Core.Lifecycle;

namespace EjVerkstallda.Infrastructure.State;

/// <summary>
/// The append-only audit trail (<c>ejv_audit</c>): every state change of a quarter, who, when, what, from which version to
/// which. Written only inside the transaction of the change it records; never updated or deleted (the schema refuses it).
/// </summary>
public sealed class AuditStore(StateDb db)
{
    private const string Columns =
        "audit_id AS AuditId, occurred_at AS OccurredAt, actor_id AS ActorId, actor_name AS ActorName, actor_source AS ActorSource, " +
        "namnd_id AS Namnd, quarter AS Quarter, what AS What, from_version AS FromVersion, to_version AS ToVersion, detail AS Detail";

    public static async Task AppendAsync(DbConnection c, DbTransaction tx, AuditEvent e, CancellationToken ct) =>
        await c.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO ejv_audit (occurred_at, actor_id, actor_name, actor_source, namnd_id, quarter, what, from_version, to_version, detail)
            VALUES (@OccurredAt, @ActorId, @ActorName, @ActorSource, @Namnd, @Quarter, @What, @FromVersion, @ToVersion, @Detail)
            """, e, tx, cancellationToken: ct));

    /// <summary>A nämnd's events, oldest first; of one quarter when <paramref name="quarter"/> is given.</summary>
    public async Task<IReadOnlyList<AuditEvent>> ListAsync(string namnd, string? quarter, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        var rows = await c.QueryAsync<AuditEvent>(new CommandDefinition(
            $"SELECT {Columns} FROM ejv_audit WHERE namnd_id = @namnd" + (quarter is null ? "" : " AND quarter = @quarter") + " ORDER BY audit_id",
            new { namnd, quarter }, cancellationToken: ct));
        return rows.ToList();
    }
}

/// <summary>One row of <c>ejv_audit</c>. Timestamps are ISO 8601 UTC text, like every timestamp in the state store.</summary>
public sealed record AuditEvent
{
    public long AuditId { get; init; }
    public string OccurredAt { get; init; } = "";
    public string ActorId { get; init; } = "";
    public string ActorName { get; init; } = "";
    public string ActorSource { get; init; } = "";
    public string Namnd { get; init; } = "";
    public string? Quarter { get; init; }
    public string What { get; init; } = "";
    public long? FromVersion { get; init; }
    public long? ToVersion { get; init; }
    public string? Detail { get; init; }

    public Actor Actor => new(ActorId, ActorName, ActorSource);

    public static AuditEvent Of(Actor by, string at, string namnd, string? quarter, string what, int? from, int? to, string? detail) => new()
    {
        OccurredAt = at, ActorId = by.Id, ActorName = by.DisplayName, ActorSource = by.Source, Namnd = namnd, Quarter = quarter,
        What = what, FromVersion = from, ToVersion = to, Detail = detail,
    };
}
