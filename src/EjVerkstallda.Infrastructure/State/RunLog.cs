using Dapper;

namespace EjVerkstallda.Infrastructure.State;

/// <summary>The run history: the status log's source.</summary>
public sealed class RunLog(StateDb db, TimeProvider clock)
{
    /// <summary>
    /// Records a run as started. Called under the nämnd's run lock, so an earlier run of the same nämnd (any quarter) still
    /// marked running died on the way (killed, power lost): it is marked interrupted.
    /// </summary>
    public async Task<long> StartAsync(string namnd, string quarter, bool dryRun, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        await c.ExecuteAsync(new CommandDefinition(
            "UPDATE ejv_run SET outcome = 'interrupted', message = 'the run never recorded its end (the process stopped, or the state store was unreachable when it ended); a later run redid it' WHERE namnd_id = @namnd AND outcome = 'running'",
            new { namnd }, cancellationToken: ct));
        var sql = db.Dialect.InsertReturningId("ejv_run", "namnd_id, quarter, dry_run, started_at, outcome",
            "@namnd, @quarter, @dryRun, @at, 'running'", "run_id");
        return await c.ExecuteScalarAsync<long>(new CommandDefinition(sql,
            new { namnd, quarter, dryRun = dryRun ? 1 : 0, at = StateDb.Now(clock) }, cancellationToken: ct));
    }

    public async Task FinishAsync(long runId, RunOutcome outcome, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        await c.ExecuteAsync(new CommandDefinition(
            """
            UPDATE ejv_run SET finished_at = @at, outcome = @Outcome, reports = @Reports, ny = @Ny, kvarstar = @Kvarstar,
                verkstalld = @Verkstalld, avslutad = @Avslutad, late = @Late, manual = @Manual, data_quality = @DataQuality,
                message = @Message, output_folder = @OutputFolder
            WHERE run_id = @runId
            """,
            new
            {
                runId, at = StateDb.Now(clock), outcome.Outcome, outcome.Reports, outcome.Ny, outcome.Kvarstar, outcome.Verkstalld,
                outcome.Avslutad, outcome.Late, outcome.Manual, outcome.DataQuality, outcome.Message, outcome.OutputFolder,
            }, cancellationToken: ct));
    }

    public async Task<IReadOnlyList<RunRecord>> LastAsync(string? namnd, int count, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        var body = """
            run_id AS RunId, namnd_id AS Namnd, quarter AS Quarter, dry_run AS DryRun, started_at AS StartedAt, finished_at AS FinishedAt,
            outcome AS Outcome, reports AS Reports, ny AS Ny, kvarstar AS Kvarstar, verkstalld AS Verkstalld, avslutad AS Avslutad,
            late AS Late, manual AS Manual, data_quality AS DataQuality, message AS Message, output_folder AS OutputFolder
            FROM ejv_run {0}ORDER BY run_id DESC
            """;
        body = string.Format(System.Globalization.CultureInfo.InvariantCulture, body, namnd is null ? "" : "WHERE namnd_id = @namnd ");
        var rows = await c.QueryAsync<RunRecord>(new CommandDefinition(db.Dialect.Top(count, body), new { namnd }, cancellationToken: ct));
        return rows.ToList();
    }
}

public sealed record RunOutcome(string Outcome, int? Reports = null, int? Ny = null, int? Kvarstar = null, int? Verkstalld = null,
    int? Avslutad = null, int? Late = null, int? Manual = null, int? DataQuality = null, string? Message = null, string? OutputFolder = null)
{
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";
}

public sealed record RunRecord
{
    public long RunId { get; init; }
    public string Namnd { get; init; } = "";
    public string Quarter { get; init; } = "";
    public long DryRun { get; init; }
    public string StartedAt { get; init; } = "";
    public string? FinishedAt { get; init; }
    public string Outcome { get; init; } = "";
    public long? Reports { get; init; }
    public long? Ny { get; init; }
    public long? Kvarstar { get; init; }
    public long? Verkstalld { get; init; }
    public long? Avslutad { get; init; }
    public long? Late { get; init; }
    public long? Manual { get; init; }
    public long? DataQuality { get; init; }
    public string? Message { get; init; }
    public string? OutputFolder { get; init; }
}
