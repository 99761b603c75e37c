using Dapper;
using EjVerkstallda.Core.Beslut;
using EjVerkstallda.Core.Classification;
using EjVerkstallda.Core.Statistik;
using EjVerkstallda.Infrastructure.Data;
using EjVerkstallda.Infrastructure.Outbox;

namespace EjVerkstallda.Infrastructure.State;

/// <summary>What was reported to IVO, per nämnd and quarter, and which quarters are done.</summary>
public sealed class LedgerStore(StateDb db, TimeProvider clock)
{
    /// <summary>The ejv_report columns as <see cref="LedgerRow"/>'s properties, for every query that reads ledger rows.</summary>
    private const string LedgerRowColumns =
        "quarter AS Quarter, beslut_id AS BeslutId, kind AS Kind, case_start AS CaseStart, status AS Status, late AS LateFlag, lag AS Lag, " +
        "insats_kod AS InsatsKod, start_date AS StartDate, deadline AS Deadline, closing_date AS ClosingDate, ivo_id AS IvoId, " +
        "submitted_at AS SubmittedAt, submitted_by AS SubmittedBy";

    /// <summary>For every case reported before <paramref name="quarter"/>: reported, and whether its closing report was made.</summary>
    public async Task<Dictionary<CaseKey, PriorReport>> PriorReportsAsync(string namnd, string quarter, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        var rows = await c.QueryAsync<(string BeslutId, string Kind, string CaseStart, long Closed)>(new CommandDefinition(
            """
            SELECT beslut_id, kind, case_start, MAX(CASE WHEN status IN ('verkstalld', 'avslutad') THEN 1 ELSE 0 END)
            FROM ejv_report WHERE namnd_id = @namnd AND quarter < @quarter
            GROUP BY beslut_id, kind, case_start
            """, new { namnd, quarter }, cancellationToken: ct));
        return rows.ToDictionary(
            r => new CaseKey(r.BeslutId, CaseCodes.ParseKind(r.Kind), r.CaseStart.Length == 0 ? null : StateDb.ParseDay(r.CaseStart)),
            r => new PriorReport(true, r.Closed == 1));
    }

    /// <summary>
    /// Writes the quarter's reports and data-quality list in one transaction, replacing an earlier run of the same quarter,
    /// and keeps what the handläggare already marked as submitted to IVO.
    /// </summary>
    /// <param name="messages">Messages the run causes (the draft to the handläggare), recorded in the same transaction.</param>
    /// <param name="documents">The run's documents as written (see <see cref="DocumentStore"/>); they replace the earlier run's.</param>
    /// <param name="alsoInTransaction">More writes of the same run (the quarter's lifecycle), committed with the ledger or not at all.</param>
    public async Task SaveQuarterAsync(string namnd, string quarter, long runId, IReadOnlyList<LedgerRow> reports,
        IReadOnlyList<DataQualityProblem> problems, CancellationToken ct, IReadOnlyList<OutboxMessage>? messages = null,
        IReadOnlyList<RunDocument>? documents = null, Func<System.Data.Common.DbConnection, System.Data.Common.DbTransaction, CancellationToken, Task>? alsoInTransaction = null)
    {
        await using var c = await db.OpenAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        var key = new { namnd, quarter };
        var submitted = (await c.QueryAsync<(string BeslutId, string Kind, string CaseStart, string? At, string? By)>(new CommandDefinition(
                "SELECT beslut_id, kind, case_start, submitted_at, submitted_by FROM ejv_report WHERE namnd_id = @namnd AND quarter = @quarter AND submitted_at IS NOT NULL",
                key, tx, cancellationToken: ct)))
            .ToDictionary(r => (r.BeslutId, r.Kind, r.CaseStart), r => (r.At, r.By));
        await c.ExecuteAsync(new CommandDefinition("DELETE FROM ejv_report WHERE namnd_id = @namnd AND quarter = @quarter", key, tx, cancellationToken: ct));
        await c.ExecuteAsync(new CommandDefinition("DELETE FROM ejv_data_quality WHERE namnd_id = @namnd AND quarter = @quarter", key, tx, cancellationToken: ct));
        await BulkInsert.ExecuteAsync(c, tx, "ejv_report",
            ["namnd_id", "quarter", "beslut_id", "kind", "case_start", "status", "late", "lag", "insats_kod", "start_date", "deadline", "closing_date", "ivo_id", "submitted_at", "submitted_by"],
            reports.Select(r =>
            {
                var s = submitted.GetValueOrDefault((r.BeslutId, r.Kind, r.CaseStart));
                return new object?[]
                {
                    namnd, quarter, r.BeslutId, r.Kind, r.CaseStart, r.Status, r.Late ? 1 : 0, r.Lag, r.InsatsKod, r.StartDate, r.Deadline,
                    r.ClosingDate, r.IvoId, s.At, s.By,
                };
            }), ct);
        await BulkInsert.ExecuteAsync(c, tx, "ejv_data_quality", ["namnd_id", "quarter", "seq", "beslut_id", "problem", "excluded"],
            problems.Select((p, i) => new object?[] { namnd, quarter, i + 1, p.BeslutId, p.Problem, p.Excluded ? 1 : 0 }), ct);
        var open = reports.Count(r => r.Status is "ny" or "kvarstar");
        await c.ExecuteAsync(new CommandDefinition("DELETE FROM ejv_quarter WHERE namnd_id = @namnd AND quarter = @quarter", key, tx, cancellationToken: ct));
        await c.ExecuteAsync(new CommandDefinition(
            "INSERT INTO ejv_quarter (namnd_id, quarter, completed_at, run_id, open_count) VALUES (@namnd, @quarter, @at, @runId, @open)",
            new { namnd, quarter, at = StateDb.Now(clock), runId, open }, tx, cancellationToken: ct));
        await DocumentStore.ReplaceAsync(c, tx, namnd, quarter, runId, documents ?? [], StateDb.Now(clock), ct);
        if (messages is { Count: > 0 }) await OutboxStore.EnqueueAsync(c, tx, db, messages, StateDb.Now(clock), ct);
        if (alsoInTransaction is not null) await alsoInTransaction(c, tx, ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>
    /// Open cases at the end of each completed quarter, for the trend in the statistikrapport; before the product's first
    /// quarter, the totals the kommun imported (<c>ejv import trend</c>). A quarter the product ran itself keeps its own figure.
    /// </summary>
    public async Task<IReadOnlyList<TrendPoint>> TrendAsync(string namnd, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        var rows = (await c.QueryAsync<(string Quarter, long Open)>(new CommandDefinition(
            "SELECT quarter, open_count FROM ejv_quarter WHERE namnd_id = @namnd ORDER BY quarter", new { namnd }, cancellationToken: ct))).ToList();
        var imported = await c.QueryAsync<(string Quarter, long Open)>(new CommandDefinition(
            "SELECT quarter, CAST(SUM(open_count) AS BIGINT) FROM ejv_trend_import WHERE namnd_id = @namnd GROUP BY quarter", new { namnd }, cancellationToken: ct));
        var run = rows.Select(r => r.Quarter).ToHashSet(StringComparer.Ordinal);
        return rows.Concat(imported.Where(i => !run.Contains(i.Quarter)))
            .OrderBy(r => r.Quarter, StringComparer.Ordinal)
            .Select(r => new TrendPoint(r.Quarter, (int)r.Open)).ToList();
    }

    public async Task<IReadOnlyList<string>> CompletedQuartersAsync(string namnd, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        var rows = await c.QueryAsync<string>(new CommandDefinition(
            "SELECT quarter FROM ejv_quarter WHERE namnd_id = @namnd ORDER BY quarter", new { namnd }, cancellationToken: ct));
        return rows.ToList();
    }

    /// <summary>Cases whose latest report left them open at IVO (no closing report yet).</summary>
    public async Task<IReadOnlyList<LedgerRow>> OpenCasesAsync(string namnd, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        var rows = await c.QueryAsync<LedgerRow>(new CommandDefinition(
            $"""
            SELECT {LedgerRowColumns}
            FROM ejv_report r
            WHERE r.namnd_id = @namnd AND r.status IN ('ny', 'kvarstar')
              AND r.quarter = (SELECT MAX(x.quarter) FROM ejv_report x
                               WHERE x.namnd_id = r.namnd_id AND x.beslut_id = r.beslut_id AND x.kind = r.kind AND x.case_start = r.case_start)
            ORDER BY r.lag, r.insats_kod, r.start_date, r.beslut_id
            """, new { namnd }, cancellationToken: ct));
        return rows.ToList();
    }

    /// <summary>
    /// Records that the handläggare entered the quarter's reports in IVO's e-tjänst, with the audit event, in one transaction.
    /// Returns the number of reports marked; reports already marked keep their first mark (and no event is written for none).
    /// </summary>
    public async Task<int> MarkSubmittedAsync(string namnd, string quarter, IReadOnlyCollection<string>? beslutIds, Core.Lifecycle.Actor by, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        var now = StateDb.Now(clock);
        var shown = by.DisplayName == by.Id ? by.Id : $"{by.DisplayName} ({by.Id})";
        var sql = "UPDATE ejv_report SET submitted_at = @now, submitted_by = @shown WHERE namnd_id = @namnd AND quarter = @quarter AND submitted_at IS NULL";
        var marked = 0;
        if (beslutIds is null)
            marked = await c.ExecuteAsync(new CommandDefinition(sql, new { namnd, quarter, shown, now }, tx, cancellationToken: ct));
        else
            foreach (var id in beslutIds)
                marked += await c.ExecuteAsync(new CommandDefinition(sql + " AND beslut_id = @id", new { namnd, quarter, shown, id, now }, tx, cancellationToken: ct));
        if (marked > 0)
            await AuditStore.AppendAsync(c, tx, AuditEvent.Of(by, now, namnd, quarter, Core.Lifecycle.AuditWhat.IvoEntered, null, null,
                $"{marked} report(s) marked as entered in IVO's e-tjänst" + (beslutIds is null ? " (all)" : "")), ct);
        await tx.CommitAsync(ct);
        return marked;
    }

    /// <summary>All ledger rows of one quarter.</summary>
    public async Task<IReadOnlyList<LedgerRow>> QuarterAsync(string namnd, string quarter, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        var rows = await c.QueryAsync<LedgerRow>(new CommandDefinition(
            $"""
            SELECT {LedgerRowColumns}
            FROM ejv_report WHERE namnd_id = @namnd AND quarter = @quarter ORDER BY lag, insats_kod, start_date, beslut_id
            """, new { namnd, quarter }, cancellationToken: ct));
        return rows.ToList();
    }

    /// <summary>How many of a quarter's reports are not yet marked as entered in IVO's e-tjänst, and how many of those are closing reports.</summary>
    public async Task<(int Reports, int ClosingReports)> UnsubmittedAsync(string namnd, string quarter, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        var row = await c.QuerySingleAsync<(long Reports, long? ClosingReports)>(new CommandDefinition(
            """
            SELECT CAST(COUNT(*) AS BIGINT), CAST(SUM(CASE WHEN status IN ('verkstalld', 'avslutad') THEN 1 ELSE 0 END) AS BIGINT)
            FROM ejv_report WHERE namnd_id = @namnd AND quarter = @quarter AND submitted_at IS NULL
            """, new { namnd, quarter }, cancellationToken: ct));
        return ((int)row.Reports, (int)(row.ClosingReports ?? 0));
    }

    /// <summary>The first quarter each case was reported in.</summary>
    public async Task<IReadOnlyDictionary<(string BeslutId, string Kind), string>> FirstReportedAsync(string namnd, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        var rows = await c.QueryAsync<(string BeslutId, string Kind, string Quarter)>(new CommandDefinition(
            "SELECT beslut_id, kind, MIN(quarter) FROM ejv_report WHERE namnd_id = @namnd GROUP BY beslut_id, kind", new { namnd }, cancellationToken: ct));
        return rows.ToDictionary(r => (r.BeslutId, r.Kind), r => r.Quarter);
    }

    public async Task<IReadOnlyList<DataQualityProblem>> DataQualityAsync(string namnd, string quarter, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        var rows = await c.QueryAsync<(string? BeslutId, string Problem, long Excluded)>(new CommandDefinition(
            "SELECT beslut_id, problem, excluded FROM ejv_data_quality WHERE namnd_id = @namnd AND quarter = @quarter ORDER BY seq",
            new { namnd, quarter }, cancellationToken: ct));
        return rows.Select(r => new DataQualityProblem(r.BeslutId, r.Problem, r.Excluded == 1)).ToList();
    }
}

/// <summary>One ledger row, as stored (dates ISO text).</summary>
public sealed record LedgerRow
{
    public string Quarter { get; init; } = "";
    public string BeslutId { get; init; } = "";
    public string Kind { get; init; } = "";

    /// <summary>The avbrottsdatum of an avbrott case (each interruption is its own case); empty for ej_verkstallt.</summary>
    public string CaseStart { get; init; } = "";
    public string Status { get; init; } = "";
    public long LateFlag { get; init; }
    public bool Late { get => LateFlag == 1; init => LateFlag = value ? 1 : 0; }
    public string Lag { get; init; } = "";
    public string InsatsKod { get; init; } = "";
    public string StartDate { get; init; } = "";
    public string Deadline { get; init; } = "";
    public string? ClosingDate { get; init; }
    public string? IvoId { get; init; }
    public string? SubmittedAt { get; init; }
    public string? SubmittedBy { get; init; }

    public static LedgerRow From(IvoReport r, string? ivoId) => new()
    {
        BeslutId = r.Beslut.Id,
        Kind = r.Kind.ToCode(),
        CaseStart = r.Kind == CaseKind.Avbrott ? StateDb.Day(r.Start) : "",
        Status = r.Status.ToCode(),
        Late = r.Late,
        Lag = r.Lag.ToString(),
        InsatsKod = r.Beslut.Insats.Kod,
        StartDate = StateDb.Day(r.Start),
        Deadline = StateDb.Day(r.Deadline),
        ClosingDate = StateDb.Day(r.ClosingDay),
        IvoId = ivoId,
    };
}
