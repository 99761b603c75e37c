using System.Globalization;
using EjVerkstallda.Core.Lifecycle;
using Kvartal = EjVerkstallda.Core.Kvartal.Kvartal;

namespace EjVerkstallda.Infrastructure.State;

/// <summary>One row of <c>ejv_version</c> as stored (dates and timestamps as text) and its mapping to <see cref="QuarterVersion"/>.</summary>
internal sealed record VersionRow
{
    public const string Columns =
        "namnd_id AS Namnd, quarter AS Quarter, version AS Version, created_at AS CreatedAt, run_id AS RunId, result_hash AS ResultHash, " +
        "state AS State, approved_by_id AS ApprovedById, approved_by_name AS ApprovedByName, approved_by_source AS ApprovedBySource, " +
        "approved_at AS ApprovedAt, decision_date AS DecisionDate, decision_paragraph AS DecisionParagraph, decided_by_id AS DecidedById, " +
        "decided_by_name AS DecidedByName, decided_by_source AS DecidedBySource, decided_at AS DecidedAt, superseded_at AS SupersededAt";

    public const string Insert =
        """
        INSERT INTO ejv_version (namnd_id, quarter, version, created_at, run_id, result_hash, state, approved_by_id, approved_by_name,
            approved_by_source, approved_at, decision_date, decision_paragraph, decided_by_id, decided_by_name, decided_by_source, decided_at, superseded_at)
        VALUES (@Namnd, @Quarter, @Version, @CreatedAt, @RunId, @ResultHash, @State, @ApprovedById, @ApprovedByName,
            @ApprovedBySource, @ApprovedAt, @DecisionDate, @DecisionParagraph, @DecidedById, @DecidedByName, @DecidedBySource, @DecidedAt, @SupersededAt)
        """;

    public const string Update =
        """
        UPDATE ejv_version SET state = @State, approved_by_id = @ApprovedById, approved_by_name = @ApprovedByName,
            approved_by_source = @ApprovedBySource, approved_at = @ApprovedAt, decision_date = @DecisionDate,
            decision_paragraph = @DecisionParagraph, decided_by_id = @DecidedById, decided_by_name = @DecidedByName,
            decided_by_source = @DecidedBySource, decided_at = @DecidedAt, superseded_at = @SupersededAt
        WHERE namnd_id = @Namnd AND quarter = @Quarter AND version = @Version AND state = @OldState
        """;

    public string Namnd { get; init; } = "";
    public string Quarter { get; init; } = "";
    public long Version { get; init; }
    public string CreatedAt { get; init; } = "";
    public long RunId { get; init; }
    public string ResultHash { get; init; } = "";
    public string State { get; init; } = "";
    public string? ApprovedById { get; init; }
    public string? ApprovedByName { get; init; }
    public string? ApprovedBySource { get; init; }
    public string? ApprovedAt { get; init; }
    public string? DecisionDate { get; init; }
    public string? DecisionParagraph { get; init; }
    public string? DecidedById { get; init; }
    public string? DecidedByName { get; init; }
    public string? DecidedBySource { get; init; }
    public string? DecidedAt { get; init; }
    public string? SupersededAt { get; init; }

    public QuarterVersion ToVersion() => new((int)Version, VersionStates.Parse(State), ResultHash.Trim(), Instant(CreatedAt))
    {
        Approval = ApprovedAt is null ? null : new VersionApproval(new Actor(ApprovedById ?? "", ApprovedByName ?? "", ApprovedBySource ?? ""), Instant(ApprovedAt)),
        Decision = DecidedAt is null || DecisionDate is null ? null : new NamndDecision(
            StateDb.ParseDay(DecisionDate)!.Value, DecisionParagraph ?? "", new Actor(DecidedById ?? "", DecidedByName ?? "", DecidedBySource ?? ""), Instant(DecidedAt)),
        SupersededAt = SupersededAt is null ? null : Instant(SupersededAt),
    };

    public static VersionRow Of(string namnd, Kvartal quarter, QuarterVersion v, long runId) => new()
    {
        Namnd = namnd, Quarter = quarter.ToString(), Version = v.Version, CreatedAt = StateDb.Format(v.CreatedAt), RunId = runId,
        ResultHash = v.ResultHash, State = v.State.ToCode(),
        ApprovedById = v.Approval?.By.Id, ApprovedByName = v.Approval?.By.DisplayName, ApprovedBySource = v.Approval?.By.Source,
        ApprovedAt = v.Approval is { } a ? StateDb.Format(a.At) : null,
        DecisionDate = StateDb.Day(v.Decision?.Date), DecisionParagraph = v.Decision?.Paragraph,
        DecidedById = v.Decision?.By.Id, DecidedByName = v.Decision?.By.DisplayName, DecidedBySource = v.Decision?.By.Source,
        DecidedAt = v.Decision is { } d ? StateDb.Format(d.At) : null,
        SupersededAt = v.SupersededAt is { } s ? StateDb.Format(s) : null,
    };

    private static DateTimeOffset Instant(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
