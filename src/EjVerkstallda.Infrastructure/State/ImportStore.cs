using Dapper;
using EjVerkstallda.Core.Classification;
using EjVerkstallda.Core.Import;
using EjVerkstallda.Core.Kvartal;
using EjVerkstallda.Core.Lifecycle;
using EjVerkstallda.Infrastructure.Data;

namespace EjVerkstallda.Infrastructure.State;

/// <summary>One imported file: who imported it, when, how many rows.</summary>
public sealed record ImportBatch(string Kind, string Sha256, string FileName, Actor By, string At, int Rows);

/// <summary>
/// What <c>ejv import</c> carries into the ledger: the kommun's hand-made IVO reports as ledger rows (marked with the file's
/// hash), the identifiers it used bound to the person, and earlier quarters' totals for the trend. Each file in one transaction.
/// </summary>
public sealed class ImportStore(StateDb db, TimeProvider clock)
{
    public const string History = "history";
    public const string Trend = "trend";

    /// <summary>When this exact file (by hash) was imported for the nämnd before, or null.</summary>
    public async Task<string?> ImportedAtAsync(string namnd, string kind, string sha256, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        return await c.QuerySingleOrDefaultAsync<string?>(new CommandDefinition(
            "SELECT imported_at FROM ejv_import WHERE namnd_id = @namnd AND kind = @kind AND file_sha256 = @sha256",
            new { namnd, kind, sha256 }, cancellationToken: ct));
    }

    /// <summary>True when a history file was imported for the nämnd: the ledger then knows what was reported by hand.</summary>
    public async Task<bool> HasHistoryAsync(string namnd, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        return await c.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM ejv_import WHERE namnd_id = @namnd AND kind = @kind", new { namnd, kind = History }, cancellationToken: ct)) > 0;
    }

    /// <summary>person_id → IVO identifier, as the ledger holds them.</summary>
    public async Task<IReadOnlyDictionary<string, string>> PersonIdsAsync(string namnd, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        var rows = await c.QueryAsync<(string PersonId, string IvoId)>(new CommandDefinition(
            "SELECT person_id, ivo_id FROM ejv_person WHERE namnd_id = @namnd", new { namnd }, cancellationToken: ct));
        return rows.ToDictionary(r => r.PersonId, r => r.IvoId, StringComparer.Ordinal);
    }

    /// <summary>Every case the ledger holds: its first and latest quarter, the latest status and identifier, and whether it was imported.</summary>
    public async Task<IReadOnlyDictionary<CaseKey, LedgerCase>> CasesAsync(string namnd, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        var rows = await c.QueryAsync<(string BeslutId, string Kind, string CaseStart, string Quarter, string Status, string? IvoId, string? Sha)>(new CommandDefinition(
            "SELECT beslut_id, kind, case_start, quarter, status, ivo_id, import_sha256 FROM ejv_report WHERE namnd_id = @namnd",
            new { namnd }, cancellationToken: ct));
        return rows.GroupBy(r => new CaseKey(r.BeslutId, CaseCodes.ParseKind(r.Kind), r.CaseStart.Length == 0 ? null : StateDb.ParseDay(r.CaseStart)))
            .ToDictionary(g => g.Key, g =>
            {
                var ordered = g.OrderBy(r => r.Quarter, StringComparer.Ordinal).ToList();
                var last = ordered[^1];
                return new LedgerCase(Kvartal.Parse(ordered[0].Quarter), Kvartal.Parse(last.Quarter), CaseCodes.ParseStatus(last.Status), last.IvoId,
                    g.All(r => r.Sha is not null));
            });
    }

    /// <summary>
    /// Writes a checked history: the batch, one ledger row per case and quarter (ny, kvarstår..., the latest status; entered at
    /// IVO by the kommun), and each person's identifier where the ledger has none. One transaction: all or nothing.
    /// </summary>
    public async Task SaveHistoryAsync(string namnd, ImportBatch batch, IReadOnlyList<HistoryRow> rows, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        await InsertBatchAsync(c, tx, namnd, batch, ct);
        var submittedBy = $"import ({batch.By.Id})";
        await BulkInsert.ExecuteAsync(c, tx, "ejv_report",
            ["namnd_id", "quarter", "beslut_id", "kind", "case_start", "status", "late", "lag", "insats_kod", "start_date", "deadline", "closing_date", "ivo_id", "submitted_at", "submitted_by", "import_sha256"],
            rows.SelectMany(r => r.Quarters().Select(q => new object?[]
            {
                namnd, q.Quarter.ToString(), r.Beslut.Id, r.Kind.ToCode(), r.Kind == CaseKind.Avbrott ? StateDb.Day(r.Start) : "", q.Status.ToCode(), 0,
                r.Beslut.Insats.Lag.ToString(), r.Beslut.Insats.Kod, StateDb.Day(r.Start), StateDb.Day(Frist.Deadline(r.Start)), null, r.IvoId,
                batch.At, submittedBy, batch.Sha256,
            })), ct);
        var known = (await c.QueryAsync<string>(new CommandDefinition("SELECT person_id FROM ejv_person WHERE namnd_id = @namnd", new { namnd }, tx, cancellationToken: ct)))
            .ToHashSet(StringComparer.Ordinal);
        var persons = rows.Where(r => r.IvoId is not null && !known.Contains(r.Beslut.PersonId)).DistinctBy(r => r.Beslut.PersonId)
            .Select(r => new object?[] { namnd, r.Beslut.PersonId, r.IvoId, batch.At });
        await BulkInsert.ExecuteAsync(c, tx, "ejv_person", ["namnd_id", "person_id", "ivo_id", "created_at"], persons, ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>The trend figures imported before: (quarter, lag, kind) → open.</summary>
    public async Task<IReadOnlyDictionary<(string Quarter, string Lag, string Kind), int>> TrendFiguresAsync(string namnd, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        var rows = await c.QueryAsync<(string Quarter, string Lag, string Kind, long Open)>(new CommandDefinition(
            "SELECT quarter, lag, kind, open_count FROM ejv_trend_import WHERE namnd_id = @namnd", new { namnd }, cancellationToken: ct));
        return rows.ToDictionary(r => (r.Quarter, r.Lag, r.Kind), r => (int)r.Open);
    }

    public async Task SaveTrendAsync(string namnd, ImportBatch batch, IReadOnlyList<TrendRow> rows, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        await InsertBatchAsync(c, tx, namnd, batch, ct);
        await BulkInsert.ExecuteAsync(c, tx, "ejv_trend_import", ["namnd_id", "quarter", "lag", "kind", "open_count", "import_sha256"],
            rows.Select(r => new object?[] { namnd, r.Quarter.ToString(), r.Lag.ToString(), r.Kind.ToCode(), r.Open, batch.Sha256 }), ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>The imports of a nämnd, newest first (for <c>ejv status</c>).</summary>
    public async Task<IReadOnlyList<ImportBatch>> BatchesAsync(string namnd, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        var rows = await c.QueryAsync<(string Kind, string Sha, string File, string By, string Name, string Source, string At, long Rows)>(new CommandDefinition(
            "SELECT kind, file_sha256, file_name, imported_by, by_name, by_source, imported_at, row_count FROM ejv_import WHERE namnd_id = @namnd ORDER BY imported_at DESC",
            new { namnd }, cancellationToken: ct));
        return rows.Select(r => new ImportBatch(r.Kind, r.Sha, r.File, new Actor(r.By, r.Name, r.Source), r.At, (int)r.Rows)).ToList();
    }

    public string Now() => StateDb.Now(clock);

    private static Task InsertBatchAsync(System.Data.Common.DbConnection c, System.Data.Common.DbTransaction tx, string namnd, ImportBatch b, CancellationToken ct) =>
        c.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO ejv_import (namnd_id, kind, file_sha256, file_name, imported_by, by_name, by_source, imported_at, row_count)
            VALUES (@namnd, @Kind, @Sha256, @FileName, @id, @name, @source, @At, @Rows)
            """, new { namnd, b.Kind, b.Sha256, b.FileName, id = b.By.Id, name = b.By.DisplayName, source = b.By.Source, b.At, b.Rows }, tx, cancellationToken: ct));
}
